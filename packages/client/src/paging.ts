import type { RequestConfiguration } from '@microsoft/kiota-abstractions';

/** A page of a collection as Graph sends it: items, and the link to the next page while there is one. */
export interface CollectionPage<T> {
  value?: T[] | null;
  odataNextLink?: string | null;
}

/** A request builder of a collection: it gets a page, and can be pointed at a next-page link. */
export interface CollectionRequestBuilder<T, Q extends object> {
  get(requestConfiguration?: RequestConfiguration<Q>): Promise<CollectionPage<T> | undefined>;
  withUrl(rawUrl: string): CollectionRequestBuilder<T, Q>;
}

export interface PagingOptions {
  /**
   * Start from this `@odata.nextLink` instead of the first page: a listing stopped part-way resumes where it
   * was (the link of the last page read is `nextLink` of what `pages` yields).
   */
  readonly nextLink?: string;
}

/** One page, with the link to the one after it (undefined on the last page). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextLink: string | undefined;
}

/**
 * The pages of a collection, following `@odata.nextLink` until the service gives none. The query parameters
 * apply to the first request (the next-page links carry them); headers and options to every request. Stops
 * with an error when the service links back to a page already read, rather than looping.
 */
export async function* pages<T, Q extends object>(
  builder: CollectionRequestBuilder<T, Q>,
  requestConfiguration?: RequestConfiguration<Q>,
  options: PagingOptions = {},
): AsyncGenerator<Page<T>, void, undefined> {
  const { queryParameters: _first, ...everyRequest } = requestConfiguration ?? {};
  const seen = new Set<string>();
  let link = options.nextLink;
  let page = link ? await builder.withUrl(link).get(everyRequest) : await builder.get(requestConfiguration);
  for (;;) {
    const next = page?.odataNextLink ?? undefined;
    yield { items: page?.value ?? [], nextLink: next };
    if (!next) return;
    if (link) seen.add(link);
    if (seen.has(next))
      throw new Error(`the service linked back to a page already read (${next}): stopped instead of looping`);
    link = next;
    page = await builder.withUrl(next).get(everyRequest);
  }
}

/**
 * Every item of a collection, page after page (`@odata.nextLink`), as an async iterable:
 * `for await (const set of pageAll(client.external.industryData.outboundProvisioningFlowSets)) …`.
 * Pages are requested as the loop reaches them; leaving the loop early requests no more.
 */
export async function* pageAll<T, Q extends object>(
  builder: CollectionRequestBuilder<T, Q>,
  requestConfiguration?: RequestConfiguration<Q>,
  options: PagingOptions = {},
): AsyncGenerator<T, void, undefined> {
  for await (const page of pages(builder, requestConfiguration, options)) yield* page.items;
}
