import { compareCodePoints, type SchemaObject, shortName } from '@sds-toolkit/openapi-model';
import type { Model } from '../model/model.js';
import { type Expr, parseFilter } from './filter.js';
import { QueryError } from './query-error.js';

/** The system query options of a request, read and checked against the type they apply to. */
export interface QueryOptions {
  readonly select: readonly string[] | undefined;
  readonly expand: readonly ExpandItem[];
  readonly filter: Expr | undefined;
  readonly orderby: readonly { readonly path: readonly string[]; readonly descending: boolean }[];
  readonly top: number | undefined;
  readonly skip: number | undefined;
  readonly count: boolean;
}

export interface ExpandItem {
  readonly property: string;
  readonly options: QueryOptions;
}

export const noOptions: QueryOptions = {
  select: undefined,
  expand: [],
  filter: undefined,
  orderby: [],
  top: undefined,
  skip: undefined,
  count: false,
};

/** The largest `$top` the simulator takes, as Graph caps its pages. */
export const maxTop = 999;

const known = [
  '$count',
  '$expand',
  '$filter',
  '$orderby',
  '$select',
  '$skip',
  '$top',
  '$search',
  '$format',
  '$skiptoken',
];

/** A parsed request query: system options by name (`$top`), the other parameters as they are. */
export interface RawQuery {
  readonly system: ReadonlyMap<string, string>;
  readonly custom: Readonly<Record<string, string>>;
}

/**
 * Splits a query string: system options are matched case-insensitively and, on the beta endpoint, with or
 * without their `$` (as Graph reads them); one given twice is refused.
 */
const noQuery: RawQuery = { system: new Map(), custom: {} };

export function readQuery(search: string, beta: boolean): RawQuery {
  if (search === '') return noQuery;
  const system = new Map<string, string>();
  const custom: Record<string, string> = {};
  for (const [rawName, value] of new URLSearchParams(search)) {
    const lower = rawName.toLowerCase();
    const name = lower.startsWith('$')
      ? lower
      : beta && known.includes(`$${lower}`)
        ? `$${lower}`
        : undefined;
    if (!name) {
      custom[rawName] = value;
      continue;
    }
    if (!known.includes(name))
      throw new QueryError(
        `the query option '${rawName}' is not an OData system query option; Graph reads ${known.filter((k) => k !== '$skiptoken' && k !== '$format').join(', ')}`,
      );
    if (system.has(name)) throw new QueryError(`the query option '${name}' is given more than once`);
    system.set(name, value);
  }
  return { system, custom };
}

/** Splits `a,b(c,d),e` at the top-level separator (`,` or `;`), respecting parentheses and quotes. */
function splitTop(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (quoted) continue;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) throw new QueryError(`unbalanced parentheses in '${text.slice(0, 100)}'`);
  }
  if (depth !== 0 || quoted)
    throw new QueryError(`unbalanced parentheses or quotes in '${text.slice(0, 100)}'`);
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

function integer(name: string, raw: string, max?: number): number {
  if (!/^\d{1,9}$/.test(raw))
    throw new QueryError(`${name} takes a non-negative integer, not '${raw.slice(0, 50)}'`);
  const value = Number(raw);
  if (max !== undefined && value > max) throw new QueryError(`${name} is at most ${max}, not ${value}`);
  return value;
}

/** The EDM type of a primitive property, as OData's errors name it; undefined for anything else. */
function edmOf(schema: SchemaObject): string | undefined {
  switch (schema.type) {
    case 'integer':
      return schema.format === 'int64' ? 'Edm.Int64' : 'Edm.Int32';
    case 'number':
      return 'Edm.Double';
    case 'boolean':
      return 'Edm.Boolean';
    case 'string':
      return schema.format === 'date-time'
        ? 'Edm.DateTimeOffset'
        : schema.format === 'date'
          ? 'Edm.Date'
          : 'Edm.String';
    default:
      return undefined;
  }
}

/**
 * Reads the system options of a request for a result of `type`, refusing, as Graph does with a 400, an option
 * the operation does not document, a property the type does not have, and an expression the simulator cannot
 * read.
 */
export function parseOptions(
  model: Model,
  system: ReadonlyMap<string, string>,
  type: string | undefined,
  allowed: ReadonlySet<string>,
  operationName: string,
  depth = 0,
): QueryOptions {
  if (system.size === 0) return noOptions;
  for (const name of system.keys()) {
    if (name === '$skiptoken' || name === '$format' || name === '$search')
      throw new QueryError(`${name} is not supported by ${operationName}`);
    if (!allowed.has(name)) {
      const takes = [...allowed].sort(compareCodePoints);
      throw new QueryError(
        `${operationName} does not support ${name}${takes.length > 0 ? `; it takes ${takes.join(', ')}` : '; it takes no query options'}`,
      );
    }
  }
  if (depth > 5) throw new QueryError('$expand nests deeper than 5 levels');
  const properties = type ? model.knownProperties(type) : new Map();
  /** Refuses a path the type does not have; answers the EDM type of the value it leads to, where primitive. */
  const checkPath = (path: readonly string[]): string | undefined => {
    let current = type;
    let edm: string | undefined;
    for (const [i, part] of path.entries()) {
      const props = current ? model.knownProperties(current) : undefined;
      const schema = props?.get(part);
      if (!schema || !current) {
        if (part === '@odata.type' && i === path.length - 1) return 'Edm.String';
        throw new QueryError(
          `Could not find a property named '${part}' on type '${current ?? 'unknown'}' (${shortName(current ?? '')} has ${[...(props?.keys() ?? [])].sort(compareCodePoints).join(', ') || 'no properties'})`,
        );
      }
      current = model.typeOf(schema)?.type;
      edm = edmOf(schema);
    }
    return edm;
  };

  const select = system.get('$select');
  const selected =
    select === undefined
      ? undefined
      : select
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
          .map((name) => {
            if (name === '*') return name;
            // A property of a derived type may be named through its type: `microsoft.graph.x.y/prop`.
            const property = name.includes('/') ? (name.split('/').pop() ?? '') : name;
            if (!properties.has(property))
              throw new QueryError(
                `Could not find a property named '${property}' on type '${type}': $select takes ${[...properties.keys()].sort(compareCodePoints).join(', ')}`,
              );
            return property;
          });
  if (select !== undefined && selected?.length === 0)
    throw new QueryError('$select is empty: name the properties to answer');
  // A property named twice is answered once.
  const uniqueSelected = selected ? [...new Set(selected)] : undefined;

  const expandText = system.get('$expand');
  const navigations = type ? model.navigations(type) : new Map();
  const expand: ExpandItem[] = [];
  if (expandText !== undefined) {
    for (const item of splitTop(expandText, ',')) {
      const m = /^([\w.*]+)(?:\((.*)\))?$/s.exec(item);
      if (!m?.[1]) throw new QueryError(`$expand: cannot read '${item.slice(0, 100)}'`);
      const names = m[1] === '*' ? [...navigations.keys()] : [m[1]];
      for (const name of names) {
        const navigation = navigations.get(name);
        if (!navigation)
          throw new QueryError(
            `Could not find a navigation property named '${name}' on type '${type}'${navigations.size > 0 ? `: $expand takes ${[...navigations.keys()].sort(compareCodePoints).join(', ')}` : ''}`,
          );
        const inner = new Map<string, string>();
        for (const option of m[2] ? splitTop(m[2], ';') : []) {
          const eq = option.indexOf('=');
          const key = eq > 0 ? option.slice(0, eq).trim().toLowerCase() : '';
          const name2 = key.startsWith('$') ? key : `$${key}`;
          if (eq <= 0 || !known.includes(name2))
            throw new QueryError(`$expand=${name}(…): cannot read '${option}'`);
          inner.set(name2, option.slice(eq + 1));
        }
        const nested: ReadonlySet<string> = navigation.collection
          ? new Set(['$select', '$expand', '$filter', '$orderby', '$top', '$skip', '$count'])
          : new Set(['$select', '$expand']);
        expand.push({
          property: name,
          options: parseOptions(model, inner, navigation.type, nested, `$expand=${name}`, depth + 1),
        });
      }
    }
  }

  const filterText = system.get('$filter');
  const filter = filterText === undefined ? undefined : parseFilter(filterText, checkPath);

  const orderbyText = system.get('$orderby');
  const orderby =
    orderbyText === undefined
      ? []
      : orderbyText.split(',').map((part) => {
          const m = /^\s*([\w.@]+(?:\/[\w.@]+)*)(?:\s+(asc|desc))?\s*$/i.exec(part);
          if (!m?.[1])
            throw new QueryError(`$orderby takes "property [asc|desc]", not '${part.trim().slice(0, 100)}'`);
          const path = m[1].split('/');
          checkPath(path);
          return { path, descending: m[2]?.toLowerCase() === 'desc' };
        });

  const top = system.has('$top') ? integer('$top', system.get('$top') ?? '', maxTop) : undefined;
  const skip = system.has('$skip') ? integer('$skip', system.get('$skip') ?? '') : undefined;
  const countText = system.get('$count');
  if (countText !== undefined && countText !== 'true' && countText !== 'false')
    throw new QueryError(`$count takes true or false, not '${countText.slice(0, 50)}'`);
  return { select: uniqueSelected, expand, filter, orderby, top, skip, count: countText === 'true' };
}
