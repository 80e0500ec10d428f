import { LRUCache } from 'lru-cache';
import type { SimResponse } from '../http-types.js';
import { isInternalKey, isObject, type Json, setKey } from '../json.js';
import { page } from '../query/apply.js';
import type { QueryOptions } from '../query/options.js';
import { longestCached } from '../query/parsed-queries.js';
import { childCollection } from '../store/store.js';
import { contextPathOf } from './address.js';
import type { Env, Outcome, RequestContext } from './context.js';
import { baseHeaders, type RequestIds } from './odata-error.js';

/** A reference to another entity, as stored in place of an `@odata.bind`. */
export interface StoredRef {
  readonly collection: string;
  readonly id: string;
}

export const refSuffix = '@sim.ref';

const refKey = (ref: StoredRef) => `${ref.collection}\u0000${ref.id}`;

/** The nested references of a value (those below its top level), to read before shaping it. */
function collectRefs(value: unknown, depth: number, into: StoredRef[]): StoredRef[] {
  if (Array.isArray(value)) for (const v of value) collectRefs(v, depth + 1, into);
  else if (isObject(value))
    for (const key of Object.keys(value)) {
      const v = value[key];
      if (key.endsWith(refSuffix)) {
        if (depth > 0 && isObject(v)) into.push(v as unknown as StoredRef);
      } else if (v !== null && typeof v === 'object') collectRefs(v, depth + 1, into);
    }
  return into;
}

const jsonHeaders = (ids: RequestIds, extra: Readonly<Record<string, string>> = {}) => ({
  ...baseHeaders(ids),
  'content-type': 'application/json; odata.metadata=minimal; odata.streaming=true',
  ...extra,
});

export type Presenter = (object: Json, env: Env) => Json;

/** Shapes stored values for the wire: internal keys dropped, nested references answered inline (as Graph does). */
export class Renderer {
  private readonly shaped = new WeakMap<Json, { readonly origin: string; readonly shaped: Json }>();
  /** A request's query string without its `$skip`, as next links carry it: one per query string polled. */
  private readonly linkQueries = new LRUCache<string, string>({ max: 512 });
  /** A shaped entity's JSON text: a list answers the same entities again and again, each written once. */
  private readonly texts = new WeakMap<Json, string>();

  constructor(
    private readonly env: Env,
    private readonly presenters: readonly Presenter[],
  ) {}

  private metadata(): string {
    return `${this.env.origin()}/beta/$metadata#`;
  }

  contextOf(collection: string, select: readonly string[] | undefined, suffix: string): string {
    const root = this.env.model.rootTemplate.slice(1);
    const path = collection ? `${root}/${contextPathOf(collection)}` : root;
    return `${this.metadata()}${path}${select ? `(${select.join(',')})` : ''}${suffix}`;
  }

  /** A value without internal keys; nested references (`roleGroup`) inline; presenters applied to every object. */
  /**
   * An entity shaped without waiting, when it has no reference to inline: stored entities are never changed in
   * place (an update stores a new object), so each is shaped once per origin. Undefined when it has some.
   */
  shapeNow(value: Json): Json | undefined {
    const origin = this.env.origin();
    const cached = this.shaped.get(value);
    if (cached && cached.origin === origin) return cached.shaped;
    if (collectRefs(value, 0, []).length > 0) return undefined;
    const shaped = this.shapeWith(value, 0, new Map()) as Json;
    this.shaped.set(value, { origin, shaped });
    return shaped;
  }

  async shape(value: unknown): Promise<unknown> {
    const now = isObject(value) ? this.shapeNow(value) : undefined;
    if (now) return now;
    // The references to answer inline are read first, then the value is shaped in one synchronous pass.
    const targets = new Map<string, Json | undefined>();
    let pending = collectRefs(value, 0, []);
    while (pending.length > 0) {
      const next: StoredRef[] = [];
      for (const ref of pending) {
        const key = refKey(ref);
        if (targets.has(key)) continue;
        const target = await this.env.store.get(ref.collection, ref.id);
        targets.set(key, target);
        if (target) collectRefs(target, 0, next);
      }
      pending = next;
    }
    return this.shapeWith(value, 0, targets);
  }

  private shapeWith(value: unknown, depth: number, targets: ReadonlyMap<string, Json | undefined>): unknown {
    if (Array.isArray(value)) return value.map((v) => this.shapeWith(v, depth + 1, targets));
    if (!isObject(value)) return value;
    // Presenters see the stored object, internal keys included (a link kept as a path is answered on this host).
    let source = value;
    for (const present of this.presenters) source = present(source, this.env);
    const out: Json = {};
    for (const key of Object.keys(source)) {
      const v = source[key];
      if (key.endsWith(refSuffix)) {
        // A top-level reference is a navigation property: answered through $expand, not inline.
        if (depth === 0 || !v) continue;
        const ref = v as StoredRef;
        const target = targets.get(refKey(ref));
        if (target) {
          const name = key.slice(0, -refSuffix.length);
          setKey(out, `${name}@odata.context`, this.contextOf(ref.collection, undefined, '/$entity'));
          setKey(out, name, this.shapeWith(target, 0, targets));
        }
        continue;
      }
      if (isInternalKey(key)) continue;
      setKey(out, key, v !== null && typeof v === 'object' ? this.shapeWith(v, depth + 1, targets) : v);
    }
    return out;
  }

  /** `$select` on a shaped entity (`@odata.type` and `id` always stay); the result may be shared: copy to add. */
  private selected(shaped: Json, options: QueryOptions): Json {
    if (!options.select || options.select.includes('*')) return shaped;
    const out: Json = {};
    for (const key of ['@odata.type', 'id', ...options.select])
      if (Object.hasOwn(shaped, key)) setKey(out, key, shaped[key]);
    return out;
  }

  /** An entity as answered: shaped, with `$select` and `$expand` applied. */
  async entity(collection: string, entity: Json, options: QueryOptions): Promise<Json> {
    const shaped = (await this.shape(entity)) as Json;
    const type = this.env.model.typeOfEntity(entity, '');
    const picked = this.selected(shaped, options);
    // The shaped value may be shared (cached): what is added to it goes on a copy.
    const out: Json = options.expand.length > 0 && picked === shaped ? { ...shaped } : picked;
    for (const item of options.expand) {
      const navigation = this.env.model
        .navigations(type || this.rootOrSetType(collection))
        .get(item.property);
      if (!navigation) continue;
      if (navigation.collection) {
        const children = await this.env.store.list(
          childCollection(collection, String(entity.id ?? ''), item.property),
        );
        const result = page(children, item.options, Number.POSITIVE_INFINITY);
        const childCollectionName = childCollection(collection, String(entity.id ?? ''), item.property);
        if (item.options.count) setKey(out, `${item.property}@odata.count`, result.total);
        setKey(
          out,
          item.property,
          await Promise.all(result.items.map((c) => this.entity(childCollectionName, c, item.options))),
        );
      } else {
        const ref = entity[`${item.property}${refSuffix}`] as StoredRef | undefined;
        const target = ref ? await this.env.store.get(ref.collection, ref.id) : undefined;
        setKey(
          out,
          item.property,
          target ? await this.entity(ref?.collection ?? '', target, item.options) : null,
        );
      }
    }
    return out;
  }

  private rootOrSetType(collection: string): string {
    return collection === '' ? this.env.model.rootType : '';
  }

  async respond(outcome: Outcome, context: RequestContext, search: string): Promise<SimResponse> {
    const { ids, query } = context;
    switch (outcome.kind) {
      case 'empty':
        return {
          status: outcome.status,
          headers: { ...baseHeaders(ids), ...outcome.headers },
          body: undefined,
        };
      case 'value':
        return {
          status: outcome.status,
          headers: jsonHeaders(ids, outcome.headers),
          body: {
            '@odata.context': `${this.metadata()}${outcome.type}`,
            ...((await this.shape(outcome.body)) as Json),
          },
        };
      case 'entity': {
        const body = await this.entity(outcome.collection, outcome.entity, query);
        const context =
          outcome.collection === '' && outcome.entity.id === undefined
            ? `${this.contextOf('', undefined, '')}/$entity`
            : this.contextOf(outcome.collection, query.select, '/$entity');
        return {
          status: outcome.status,
          headers: jsonHeaders(ids, outcome.headers),
          body: { '@odata.context': context, ...body },
        };
      }
      case 'collection': {
        const result = page(outcome.items, query, this.env.settings.pageSize);
        const body: Json = { '@odata.context': this.contextOf(outcome.collection, query.select, '') };
        if (query.count) body['@odata.count'] = result.total;
        // Without $expand, entities whose shape needs nothing read are answered without waiting.
        const now =
          query.expand.length === 0
            ? result.items.map((item) => {
                const shaped = this.shapeNow(item);
                return shaped && this.selected(shaped, query);
              })
            : [];
        const ready = now.length === result.items.length && now.every((e) => e !== undefined);
        body.value = ready
          ? now
          : await Promise.all(result.items.map((item) => this.entity(outcome.collection, item, query)));
        const link = result.next && this.nextLink(context, search, result.next.skip);
        if (link) body['@odata.nextLink'] = link;
        // The shaped entities themselves (no $select: it makes new objects each time) have a text to keep.
        const shared = ready && (!query.select || query.select.includes('*'));
        return {
          status: 200,
          headers: jsonHeaders(ids),
          body,
          ...(shared ? { jsonText: this.collectionText(body, now as Json[], link) } : {}),
        };
      }
    }
  }

  /**
   * A collection's JSON text, each entity's text written once and kept (shaped entities are never changed): the
   * same bytes as `JSON.stringify(body)`, keys in the body's order (context, count, value, next link).
   */
  private collectionText(body: Json, items: readonly Json[], link: string | undefined): string {
    const parts: string[] = [];
    for (const item of items) {
      let text = this.texts.get(item);
      if (text === undefined) {
        text = JSON.stringify(item);
        this.texts.set(item, text);
      }
      parts.push(text);
    }
    const head = JSON.stringify(body['@odata.context']);
    const count = '@odata.count' in body ? `,"@odata.count":${JSON.stringify(body['@odata.count'])}` : '';
    const next = link === undefined ? '' : `,"@odata.nextLink":${JSON.stringify(link)}`;
    return `{"@odata.context":${head}${count},"value":[${parts.join(',')}]${next}}`;
  }

  /**
   * The next page's link: always on the simulator's configured host and the canonical path of what was listed
   * (never built from the request's own path, which a client controls), the request's options kept, `$skip`
   * moved on.
   */
  private nextLink(context: RequestContext, search: string, skip: number): string {
    let kept = this.linkQueries.get(search);
    if (kept === undefined) {
      const params = new URLSearchParams(search);
      for (const name of [...params.keys()]) if (/^\$?skip$/i.test(name)) params.delete(name);
      kept = params.toString().replaceAll('%24', '$');
      if (search.length <= longestCached) this.linkQueries.set(search, kept);
    }
    const path = canonicalPath(context);
    return `${this.env.link(path)}?${kept ? `${kept}&` : ''}$skip=${skip}`;
  }
}

/** The request's path as the spec spells it, keys in their own segments. */
export function canonicalPath(context: RequestContext): string {
  return context.operation.segments
    .map((s) => ('literal' in s ? s.literal : encodeURIComponent(context.params[s.param] ?? '')))
    .reduce((path, s) => `${path}/${s}`, '');
}
