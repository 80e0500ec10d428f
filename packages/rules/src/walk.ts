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

/** The OData type named by an `@odata.type` value, if the spec knows it. */
export function namedType(catalogue: Catalogue, odataType: unknown): string | undefined {
  return typeof odataType === 'string' ? catalogue.typeNamed(odataType) : undefined;
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
