import type { Catalogue } from './catalogue.js';

export interface Visit {
  readonly value: Record<string, unknown>;
  /** The OData type of the value: its `@odata.type` when known, else the declared type. */
  readonly type: string;
  /** JSON Pointer of the value. Keys are property names of the spec (no '/' or '~'), so no escaping is needed. */
  readonly path: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// Known `@odata.type` spellings → type names, per catalogue. Only hits are kept, so that values sent by clients
// cannot grow the cache; every rule asks this for every object, and the schema table is a large dictionary.
const knownSpellings = new WeakMap<Catalogue, Map<string, string>>();

/** The OData type named by an `@odata.type` value, if the spec knows it. */
export function namedType(catalogue: Catalogue, odataType: unknown): string | undefined {
  if (typeof odataType !== 'string') return undefined;
  let known = knownSpellings.get(catalogue);
  const hit = known?.get(odataType);
  if (hit) return hit;
  const name = odataType.charCodeAt(0) === 35 ? odataType.slice(1) : odataType;
  if (!Object.hasOwn(catalogue.spec.components.schemas, name)) return undefined;
  if (!known) {
    known = new Map();
    knownSpellings.set(catalogue, known);
  }
  known.set(odataType, name);
  return name;
}

/** Every object in a payload with the OData type it has, depth first. Depth is bounded by the caller. */
export function objects(catalogue: Catalogue, value: unknown, declared: string): Visit[] {
  const visits: Visit[] = [];
  const visit = (node: unknown, type: string, path: string): void => {
    if (!isObject(node)) return;
    const actual = namedType(catalogue, node['@odata.type']) ?? type;
    visits.push({ value: node, type: actual, path });
    for (const child of catalogue.shape(actual).objects) {
      const v = node[child.key];
      if (v === undefined || v === null) continue;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) visit(v[i], child.type, `${path}/${child.key}/${i}`);
      } else visit(v, child.type, `${path}/${child.key}`);
    }
  };
  visit(value, declared, '');
  return visits;
}
