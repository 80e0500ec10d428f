import type { OperationEntry, SchemaObject } from '@sds-toolkit/openapi-model';
import type { DocsSource, Side } from './types.js';

/**
 * Where in the docs a part of the spec comes from. The extractor records `x-docs-source: <file>#L<line>` on
 * every operation and schema, `x-docs-pages` (API page names) on operations and `source` on their permissions.
 */

/** `api-reference/beta/api/x.md#L36` → `{ file, line }`; undefined for anything else. */
export function parseSource(value: unknown, side: Side): DocsSource | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(.+?)(?:#L(\d+))?$/.exec(value);
  if (!match?.[1]) return undefined;
  return { file: match[1], line: Number(match[2] ?? 1), side };
}

export const operationSource = (entry: OperationEntry, side: Side): DocsSource | undefined =>
  parseSource(entry.operation['x-docs-source'], side);

export const schemaSource = (schema: SchemaObject | undefined, side: Side): DocsSource | undefined =>
  parseSource(schema?.['x-docs-source'], side);

/** The API page names an operation was taken from. */
export const pagesOf = (entry: OperationEntry): string[] =>
  (entry.operation['x-docs-pages'] as string[] | undefined) ?? [];

/** The resource pages whose Methods table links the operation; undefined when the spec does not record it. */
export const listedByOf = (entry: OperationEntry): string[] | undefined =>
  entry.operation['x-docs-listed-by'] as string[] | undefined;

export const exampleNamesOf = (entry: OperationEntry): string[] =>
  (entry.operation['x-docs-example-names'] as string[] | undefined) ?? [];

/** Where the permissions table of an operation was read (an include file, or the API page). */
export const permissionsSource = (entry: OperationEntry, side: Side): DocsSource | undefined =>
  parseSource((entry.operation['x-permissions'] as { source?: unknown } | undefined)?.source, side) ??
  operationSource(entry, side);

/** The docs files an operation comes from: its source, its pages (next to the source), its permissions. */
export function operationFiles(entry: OperationEntry): string[] {
  const source = operationSource(entry, 'after')?.file;
  const folder = source?.includes('/') ? source.slice(0, source.lastIndexOf('/') + 1) : '';
  const files = new Set<string>();
  if (source) files.add(source);
  for (const page of pagesOf(entry)) files.add(`${folder}${page}.md`);
  const permissions = permissionsSource(entry, 'after')?.file;
  if (permissions) files.add(permissions);
  return [...files];
}

export const schemaFiles = (schema: SchemaObject | undefined): string[] => {
  const file = schemaSource(schema, 'after')?.file;
  return file ? [file] : [];
};
