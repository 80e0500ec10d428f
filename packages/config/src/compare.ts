import { compareCodePoints } from '@sds-toolkit/openapi-model';
import { concreteTypeOf } from './convert.js';
import type { Kind } from './kinds.js';
import type { ConfigModel, Shape } from './model.js';
import { type ConfigObject, type ConfigValue, isObject } from './setup.js';

/** One property that differs, at its leaf (`configuration.additionalOptions.createTeam`). */
export interface Change {
  /** The top-level property it is in: what an update sends. */
  readonly property: string;
  /** Dotted path below the object (list items by index). */
  readonly path: string;
  readonly from: ConfigValue | undefined;
  readonly to: ConfigValue | undefined;
}

const isDateTime = (shape: Shape) =>
  shape.kind === 'value' && shape.schema.format === 'date-time' && shape.schema.type === 'string';

/** Graph answers date-times with seven fractional digits: the same instant is the same value. */
function sameValue(shape: Shape, a: ConfigValue, b: ConfigValue): boolean {
  if (isDateTime(shape) && typeof a === 'string' && typeof b === 'string') {
    const x = Date.parse(a);
    const y = Date.parse(b);
    if (!Number.isNaN(x) && !Number.isNaN(y)) return x === y;
  }
  return a === b;
}

const canonical = (v: ConfigValue): string => JSON.stringify(v);

/**
 * The leaves where `to` (the file) differs from `from` (the tenant), for a value of `shape`. A property the
 * file leaves out of a nested object is compared as null (the object is sent whole); secrets are never compared
 * (Graph never answers them); lists of plain values are compared as sets of values (Graph keeps no order).
 */
export function diffValue(
  model: ConfigModel,
  shape: Shape,
  from: ConfigValue | undefined,
  to: ConfigValue | undefined,
  property: string,
  path: string,
): Change[] {
  const a = from ?? null;
  const b = to ?? null;
  switch (shape.kind) {
    case 'secret':
      return [];
    case 'array': {
      if (!Array.isArray(a) || !Array.isArray(b)) {
        if (a === null && Array.isArray(b) && b.length === 0) return [];
        if (b === null && Array.isArray(a) && a.length === 0) return [];
        return canonical(a) === canonical(b) ? [] : [{ property, path, from: a, to: b }];
      }
      if (shape.item.kind === 'value' || shape.item.kind === 'enum') {
        const x = a.map(canonical).sort(compareCodePoints);
        const y = b.map(canonical).sort(compareCodePoints);
        return x.length === y.length && x.every((v, i) => v === y[i])
          ? []
          : [{ property, path, from: a, to: b }];
      }
      if (a.length !== b.length) return [{ property, path, from: a, to: b }];
      return a.flatMap((item, i) => diffValue(model, shape.item, item, b[i], property, `${path}[${i}]`));
    }
    case 'object': {
      if (!isObject(a) || !isObject(b))
        return a === null && b === null ? [] : [{ property, path, from: a, to: b }];
      const typeA = concreteTypeOf(model, shape.declared, a.type);
      const typeB = concreteTypeOf(model, shape.declared, b.type);
      if (!typeA || !typeB || typeA !== typeB) return [{ property, path, from: a, to: b }];
      return diffObject(model, typeB, undefined, a, b, property, path, false);
    }
    default:
      if (a === null && b === null) return [];
      if (a === null || b === null || typeof a === 'object' || typeof b === 'object')
        return canonical(a) === canonical(b) ? [] : [{ property, path, from: a, to: b }];
      return sameValue(shape, a, b) ? [] : [{ property, path, from: a, to: b }];
  }
}

/**
 * The changes between an object of the tenant (`from`) and the file's (`to`). At the top of an object only the
 * properties the file writes are managed (`managedOnly`); inside a property the file writes, every property is.
 */
export function diffObject(
  model: ConfigModel,
  type: string,
  kind: Kind | undefined,
  from: ConfigObject,
  to: ConfigObject,
  property: string | undefined,
  path: string,
  managedOnly: boolean,
): Change[] {
  const changes: Change[] = [];
  for (const p of model.properties(type, kind).values()) {
    if (managedOnly && !(p.name in to)) continue;
    const at = path ? `${path}.${p.name}` : p.name;
    changes.push(...diffValue(model, p.shape, from[p.name], to[p.name], property ?? p.name, at));
  }
  return changes;
}
