import type { Json } from './store.js';

/** A query option the simulator cannot honour; answered 400 with this message. */
export class QueryError extends Error {
  override readonly name = 'QueryError';
}

const maxTop = 999;

function integer(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw)) throw new QueryError(`${name} must be a non-negative integer, got '${raw}'`);
  return Number(raw);
}

/** `$filter=name eq 'value'` (and `and` of those): the form scripts use to find a set by name. */
function filterOf(expression: string): (item: Json) => boolean {
  const clauses = expression.split(/\s+and\s+/i).map((clause) => {
    const m = /^\s*([A-Za-z@.]+)\s+(eq|ne)\s+(?:'((?:[^']|'')*)'|(true|false|null|-?\d+(?:\.\d+)?))\s*$/.exec(
      clause,
    );
    if (!m) throw new QueryError(`$filter supports "property eq 'value'" (and/ne), not '${clause.trim()}'`);
    const [, property = '', op, text, literal] = m;
    const value =
      text !== undefined
        ? text.replaceAll("''", "'")
        : literal === 'null'
          ? null
          : literal === 'true'
            ? true
            : literal === 'false'
              ? false
              : Number(literal);
    return (item: Json) => ((item[property] ?? null) === value) === (op === 'eq');
  });
  return (item) => clauses.every((c) => c(item));
}

function orderOf(expression: string): (a: Json, b: Json) => number {
  const keys = expression.split(',').map((part) => {
    const m = /^\s*([A-Za-z@.]+)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!m) throw new QueryError(`$orderby takes "property [asc|desc]", not '${part.trim()}'`);
    return { property: m[1] ?? '', sign: m[2]?.toLowerCase() === 'desc' ? -1 : 1 };
  });
  return (a, b) => {
    for (const { property, sign } of keys) {
      const x = String(a[property] ?? '');
      const y = String(b[property] ?? '');
      if (x !== y) return x < y ? -sign : sign;
    }
    return 0;
  };
}

/**
 * Applies OData query options to a collection: $filter, $orderby, $skip, $top (with @odata.nextLink to the rest),
 * $count=true (@odata.count) and $select (id and @odata.type always stay).
 */
export function applyQuery(
  items: readonly Json[],
  url: URL,
  context: string,
  baseUrl: string,
): { value: Json[] } & Json {
  let rows = [...items];
  const filter = url.searchParams.get('$filter');
  if (filter) rows = rows.filter(filterOf(filter));
  const orderby = url.searchParams.get('$orderby');
  if (orderby) rows.sort(orderOf(orderby));
  const total = rows.length;
  const skip = integer(url, '$skip') ?? 0;
  const top = integer(url, '$top');
  if (top !== undefined && top > maxTop) throw new QueryError(`$top must be at most ${maxTop}`);
  const page = rows.slice(skip, top === undefined ? undefined : skip + top);
  const select = url.searchParams.get('$select');
  const fields = select
    ? new Set([
        'id',
        '@odata.type',
        ...select
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ])
    : undefined;
  const value = fields
    ? page.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => fields.has(k))))
    : page;
  const count = url.searchParams.get('$count');
  if (count !== null && count !== 'true' && count !== 'false')
    throw new QueryError(`$count must be true or false, got '${count}'`);
  const result: { value: Json[] } & Json = { value };
  if (context) result['@odata.context'] = context;
  if (count === 'true') result['@odata.count'] = total;
  if (top !== undefined && skip + top < total) {
    const next = new URL(url.pathname + url.search, baseUrl);
    next.searchParams.set('$skip', String(skip + top));
    // Graph writes the system query options of a next link as `$skip`, not `%24skip`.
    result['@odata.nextLink'] = next.toString().replaceAll('%24', '$');
  }
  return result;
}
