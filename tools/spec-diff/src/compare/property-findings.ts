import type { SchemaObject } from '@sds-toolkit/openapi-model';
import type { Finding } from '../kinds/kind.js';
import { typeFinding } from './findings.js';
import type { PropertyDiff } from './properties.js';

type Fields = Pick<Finding, 'before' | 'after' | 'message'>;

/** A change of one property, located at `components.schemas.<type>.properties.<name>`. */
export const propertyFinding = (diff: PropertyDiff, name: string, fields: Fields): Finding =>
  typeFinding(diff.pair, fields, `.properties.${name}`);

/** Each property kept by both revisions, with its two schemas. */
export const keptProperties = (
  diff: PropertyDiff,
): [string, SchemaObject | undefined, SchemaObject | undefined][] =>
  diff.kept.map((p) => [p, diff.before[p], diff.after[p]]);

/** `x-ms-deprecation.removalDate`, when the page gives one. */
export const removalDateOf = (s: SchemaObject | undefined): string | undefined =>
  (s?.['x-ms-deprecation'] as { removalDate?: string } | undefined)?.removalDate;
