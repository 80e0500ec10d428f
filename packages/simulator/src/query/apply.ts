import type { Json } from '../json.js';
import { compareValues, evaluate } from './filter.js';
import type { QueryOptions } from './options.js';

export interface Page {
  readonly items: readonly Json[];
  /** How many items match, before paging (`@odata.count`). */
  readonly total: number;
  /** Where the next page starts, when there is one. */
  readonly next: { readonly skip: number } | undefined;
}

const valueAt = (item: Json, path: readonly string[]): unknown => {
  let node: unknown = item;
  for (const part of path) node = node && typeof node === 'object' ? (node as Json)[part] : undefined;
  return node ?? null;
};

/**
 * `$filter`, `$orderby` (stable, by code point), then one page from `$skip`: `$top` items, or `pageSize` without
 * it. A next page exists while items remain after this one (`$top=0` asks for none, so it has none).
 */
export function page(items: readonly Json[], options: QueryOptions, pageSize: number): Page {
  let rows = options.filter
    ? items.filter((item) => evaluate(options.filter as never, item) === true)
    : [...items];
  if (options.orderby.length > 0) {
    const keys = options.orderby;
    rows = rows
      .map((item, index) => ({ item, index }))
      .sort((a, b) => {
        for (const { path, descending } of keys) {
          const order = compareValues(valueAt(a.item, path), valueAt(b.item, path));
          if (order !== 0) return descending ? -order : order;
        }
        return a.index - b.index;
      })
      .map((r) => r.item);
  }
  const total = rows.length;
  const skip = options.skip ?? 0;
  // As Graph does, $top is the page size and the next link keeps it; without $top the server's page size.
  const size = options.top ?? pageSize;
  const slice = rows.slice(skip, skip + size);
  const end = skip + slice.length;
  return { items: slice, total, next: size > 0 && end < total ? { skip: end } : undefined };
}
