import { editDistance, inheritedProperties, type SchemaObject, schemaBody } from '@sds-toolkit/openapi-model';
import type { DiffContext, TypePair } from '../context.js';
import { typeText } from './types.js';

/** The properties of one type, compared: removed, added, renamed and kept. */
export interface PropertyDiff {
  readonly pair: TypePair;
  readonly before: Readonly<Record<string, SchemaObject>>;
  readonly after: Readonly<Record<string, SchemaObject>>;
  readonly removed: readonly string[];
  readonly added: readonly string[];
  readonly renamed: readonly (readonly [string, string])[];
  readonly kept: readonly string[];
}

/** Types whose properties are compared: object types documented on both sides (not enums, not open objects). */
export const comparableTypes = (ctx: DiffContext): TypePair[] =>
  ctx.types.pairs.filter(
    (p) =>
      !p.before.enum &&
      !p.after.enum &&
      p.before['x-docs-external'] !== true &&
      p.after['x-docs-external'] !== true,
  );

/** A property gone and one new of the same type, with a near name (casing, a typo): one property renamed. */
const nearName = (a: string, b: string) =>
  a.toLowerCase() === b.toLowerCase() || editDistance(a.toLowerCase(), b.toLowerCase()) <= 2;

const memo = new WeakMap<DiffContext, PropertyDiff[]>();

/**
 * Each type's own properties, compared. A property that moved to a base type (or from one) is still there: it
 * is neither removed nor added.
 */
export function propertyDiffs(ctx: DiffContext): PropertyDiff[] {
  const cached = memo.get(ctx);
  if (cached) return cached;
  const diffs = comparableTypes(ctx).map((pair): PropertyDiff => {
    const before = schemaBody(pair.before)?.properties ?? {};
    const after = schemaBody(pair.after)?.properties ?? {};
    const inheritedAfter = inheritedProperties(ctx.after, pair.name);
    const inheritedBefore = inheritedProperties(ctx.before, pair.name);
    const gone = Object.keys(before).filter((p) => !(p in after) && !(p in inheritedAfter));
    const fresh = Object.keys(after).filter((p) => !(p in before) && !(p in inheritedBefore));
    const renamed: [string, string][] = [];
    for (const old of gone) {
      const candidate = fresh.find(
        (n) =>
          !renamed.some(([, taken]) => taken === n) &&
          typeText(before[old]) === typeText(after[n]) &&
          nearName(old, n),
      );
      if (candidate) renamed.push([old, candidate]);
    }
    return {
      pair,
      before,
      after,
      removed: gone.filter((p) => !renamed.some(([old]) => old === p)),
      added: fresh.filter((p) => !renamed.some(([, n]) => n === p)),
      renamed,
      kept: Object.keys(before).filter((p) => p in after),
    };
  });
  memo.set(ctx, diffs);
  return diffs;
}
