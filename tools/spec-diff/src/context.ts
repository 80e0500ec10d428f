import {
  compareCodePoints,
  type Diagnostic,
  type OpenApiDocument,
  type OperationEntry,
  type SchemaObject,
  walkOperations,
} from '@sds-toolkit/openapi-model';
import { type DefectIndex, indexDefects } from './defects.js';
import { exampleNamesOf, pagesOf } from './sources.js';
import type { DiffOptions } from './types.js';

export interface OperationPair {
  readonly before: OperationEntry;
  readonly after: OperationEntry;
}

export interface TypePair {
  readonly name: string;
  readonly before: SchemaObject;
  readonly after: SchemaObject;
}

/** What every change kind reads: both revisions, their operations and types paired, the docs defects. */
export interface DiffContext {
  /** The old revision, with the types whose name changed only in casing renamed to their new spelling. */
  readonly before: OpenApiDocument;
  readonly after: OpenApiDocument;
  readonly operations: {
    readonly pairs: readonly OperationPair[];
    readonly removed: readonly OperationEntry[];
    readonly added: readonly OperationEntry[];
  };
  readonly types: {
    readonly pairs: readonly TypePair[];
    readonly removed: readonly string[];
    readonly added: readonly string[];
    /** `[old, new]` names that differ only in casing: one type, respelled. */
    readonly recased: readonly (readonly [string, string])[];
  };
  readonly defects: DefectIndex;
  /** Defects that explain a change found so far (the docs kinds, which run last, report the others). */
  readonly explained: Set<Diagnostic>;
}

const overlaps = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

/**
 * Pairs the operations of two revisions by stable identity: the operation id, then the docs pages and request
 * example names they came from (so an operation whose path or status changed is still the same operation), then
 * method and path regardless of casing, then the pages alone (a page whose request line changed method).
 */
export function matchOperations(
  before: readonly OperationEntry[],
  after: readonly OperationEntry[],
): { pairs: OperationPair[]; removed: OperationEntry[]; added: OperationEntry[] } {
  const free = [...after];
  const unmatched = [...before];
  const pairs: OperationPair[] = [];
  const strategies: ((a: OperationEntry, b: OperationEntry) => boolean)[] = [
    (a, b) => a.operation.operationId === b.operation.operationId,
    (a, b) =>
      a.method === b.method &&
      (overlaps(pagesOf(a), pagesOf(b)) || overlaps(exampleNamesOf(a), exampleNamesOf(b))),
    (a, b) => a.method === b.method && a.path.toLowerCase() === b.path.toLowerCase(),
    // Last: the same page with another method (POST → PUT): one operation whose method changed.
    (a, b) => overlaps(pagesOf(a), pagesOf(b)),
  ];
  for (const same of strategies) {
    for (const a of [...unmatched]) {
      const b = free.find((candidate) => same(a, candidate));
      if (!b) continue;
      pairs.push({ before: a, after: b });
      free.splice(free.indexOf(b), 1);
      unmatched.splice(unmatched.indexOf(a), 1);
    }
  }
  pairs.sort((x, y) => compareCodePoints(x.after.label, y.after.label));
  return { pairs, removed: unmatched, added: free };
}

/** Type names present on one side only that differ from a name of the other side only in casing. */
function recasedTypes(before: readonly string[], after: readonly string[]): [string, string][] {
  const found: [string, string][] = [];
  const free = [...after];
  for (const old of before) {
    const match = free.find((n) => n.toLowerCase() === old.toLowerCase());
    if (!match) continue;
    free.splice(free.indexOf(match), 1);
    found.push([old, match]);
  }
  return found;
}

/**
 * A copy of a spec with types renamed: schema keys, `$ref`s, discriminator mappings (`#name` keys) and the
 * request-body tables keyed by type. So that a respelled type is compared with itself, not removed and added.
 */
export function renameTypes(spec: OpenApiDocument, renames: ReadonlyMap<string, string>): OpenApiDocument {
  if (renames.size === 0) return spec;
  const prefix = '#/components/schemas/';
  const renameKey = (key: string) =>
    renames.get(key) ??
    (key.startsWith('#') && renames.has(key.slice(1)) ? `#${renames.get(key.slice(1))}` : key);
  const visit = (value: unknown): unknown => {
    if (typeof value === 'string')
      return value.startsWith(prefix) && renames.has(value.slice(prefix.length))
        ? `${prefix}${renames.get(value.slice(prefix.length))}`
        : value;
    if (Array.isArray(value)) return value.map(visit);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [renameKey(k), visit(v)]));
    return value;
  };
  return visit(spec) as OpenApiDocument;
}

export function buildContext(
  originalBefore: OpenApiDocument,
  after: OpenApiDocument,
  options: DiffOptions = {},
): DiffContext {
  const afterNames = Object.keys(after.components.schemas);
  const onlyBefore = Object.keys(originalBefore.components.schemas).filter((n) => !afterNames.includes(n));
  const onlyAfter = afterNames.filter((n) => !(n in originalBefore.components.schemas));
  const recased = recasedTypes(onlyBefore, onlyAfter);
  const before = renameTypes(originalBefore, new Map(recased));
  const names = [...new Set([...Object.keys(before.components.schemas), ...afterNames])].sort(
    compareCodePoints,
  );
  const pairs: TypePair[] = [];
  const removed: string[] = [];
  const added: string[] = [];
  for (const name of names) {
    const a = before.components.schemas[name];
    const b = after.components.schemas[name];
    if (a && b) pairs.push({ name, before: a, after: b });
    else if (a) removed.push(name);
    else added.push(name);
  }
  return {
    before,
    after,
    operations: matchOperations(walkOperations(before), walkOperations(after)),
    types: { pairs, removed, added, recased },
    defects: indexDefects(options.diagnostics),
    explained: new Set(),
  };
}
