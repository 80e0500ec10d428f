import type { OperationEntry, SchemaObject } from '@sds-toolkit/openapi-model';
import type { OperationPair, TypePair } from '../context.js';
import type { Finding } from '../kinds/kind.js';
import { operationFiles, operationSource, pagesOf, schemaFiles, schemaSource } from '../sources.js';

type Fields = Pick<Finding, 'before' | 'after' | 'message'> & Partial<Pick<Finding, 'location' | 'source'>>;

const union = (...lists: readonly string[][]) => [...new Set(lists.flat())];

/** A change of a paired operation: located at its new label, sourced at its new page, its pages both sides'. */
export function operationFinding(pair: OperationPair, fields: Fields): Finding {
  return {
    location: pair.after.label,
    source: operationSource(pair.after, 'after') ?? operationSource(pair.before, 'before'),
    files: union(operationFiles(pair.before), operationFiles(pair.after)),
    pages: union(pagesOf(pair.before), pagesOf(pair.after)),
    ...fields,
  };
}

/** A change of an operation present on one side only. */
export function singleOperationFinding(
  entry: OperationEntry,
  side: 'before' | 'after',
  fields: Fields,
): Finding {
  return {
    location: entry.label,
    source: operationSource(entry, side),
    files: operationFiles(entry),
    pages: pagesOf(entry),
    ...fields,
  };
}

/** A change of a paired type, located at `components.schemas.<name>` (plus `suffix`). */
export function typeFinding(pair: TypePair, fields: Fields, suffix = ''): Finding {
  return {
    location: `components.schemas.${pair.name}${suffix}`,
    source: schemaSource(pair.after, 'after') ?? schemaSource(pair.before, 'before'),
    files: union(schemaFiles(pair.before), schemaFiles(pair.after)),
    ...fields,
  };
}

/** A change of a type present on one side only. */
export function singleTypeFinding(
  name: string,
  schema: SchemaObject | undefined,
  side: 'before' | 'after',
  fields: Fields,
): Finding {
  return {
    location: `components.schemas.${name}`,
    source: schemaSource(schema, side),
    files: schemaFiles(schema),
    ...fields,
  };
}

/** Text compared the way a reader sees it: runs of white space are one space. */
export const prose = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
