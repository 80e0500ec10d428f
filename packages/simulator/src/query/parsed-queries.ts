import { LRUCache } from 'lru-cache';
import type { Model, OperationModel } from '../model/model.js';
import { parseOptions, type QueryOptions, readQuery } from './options.js';

/** A request's query string as read for its operation: the system options checked, the other parameters. */
export interface ParsedQuery {
  readonly options: QueryOptions;
  readonly custom: Readonly<Record<string, string>>;
}

/** Query strings longer than this are parsed each time (and their links built): a cache of them stays small. */
export const longestCached = 2048;

/**
 * The query strings of the requests seen last, each parsed once per operation. A client polling a list sends
 * the same query string again and again, and parsing it (`$filter` above all) cost more than answering it
 * (BENCHMARKS.md, the simulator's p99). The parse depends only on the operation, the API version and the text
 * (the model never changes), so a hit is what a parse would give; a query string that is refused is not kept.
 */
export class ParsedQueries {
  private readonly cache = new LRUCache<string, ParsedQuery>({ max: 512 });

  constructor(private readonly model: Model) {}

  read(operation: OperationModel, version: string | undefined, search: string): ParsedQuery {
    const cacheable = search.length <= longestCached;
    const key = `${operation.id}\n${version ?? ''}\n${search}`;
    const hit = cacheable ? this.cache.get(key) : undefined;
    if (hit) return hit;
    const raw = readQuery(search, version !== 'v1.0');
    const type =
      operation.kind === 'list' || operation.kind === 'get' || operation.kind === 'create'
        ? operation.set?.type
        : operation.kind === 'root'
          ? this.model.rootType
          : operation.result?.type;
    const name = operation.info.alias ?? operation.id;
    const parsed: ParsedQuery = {
      options: parseOptions(this.model, raw.system, type, operation.queryOptions, name),
      custom: raw.custom,
    };
    if (cacheable) this.cache.set(key, parsed);
    return parsed;
  }
}
