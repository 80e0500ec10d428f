import type { RequestAdapter } from '@microsoft/kiota-abstractions';
import { withIndustryDataErrors } from './errors.js';
import { createIndustryDataApiClient, type IndustryDataApiClient } from './generated/industryDataClient.js';
import { withRetrySafety } from './retry-safety.js';

// Per-request retry options (`options: [new RetryHandlerOptions()]`), so callers need not depend on Kiota's package.
export { RetryHandlerOptions } from '@microsoft/kiota-http-fetchlibrary';
export {
  type AdapterOptions,
  createIndustryDataAdapter,
  graphScope,
  type TokenCredential,
} from './adapter.js';
export { IndustryDataError, toIndustryDataError, withIndustryDataErrors } from './errors.js';
export * from './generated/public.js';
export { defaultMiddleware, type RetryOptions, retryHandler } from './middleware.js';
export { operationLocation, type WaitOptions, waitForOperation } from './operations.js';
export {
  type CollectionPage,
  type CollectionRequestBuilder,
  type Page,
  type PagingOptions,
  pageAll,
  pages,
} from './paging.js';
/** The root of the request builders: `client.external.industryData.…`. */
export type IndustryDataClient = IndustryDataApiClient;

/** Options of `createIndustryDataClient`. */
export interface ClientOptions {
  /**
   * The clock a `Retry-After` given as a date is read against, for `IndustryDataError.retryAfterSeconds`
   * (tests inject one). Default: `Date.now`.
   */
  readonly now?: () => number;
}

/**
 * The industryData client on a request adapter: an existing Graph app's adapter (and so its authentication and
 * middleware), or one from `createIndustryDataAdapter`. Error responses reject with an `IndustryDataError`.
 * Each request carries whether the spec lets it be sent again without asking, for the retry handler of
 * `defaultMiddleware` (an adapter with Kiota's own retry handler retries by its own rule).
 */
export function createIndustryDataClient(
  requestAdapter: RequestAdapter,
  options: ClientOptions = {},
): IndustryDataClient {
  return createIndustryDataApiClient(withIndustryDataErrors(withRetrySafety(requestAdapter), options.now));
}
