import { bodyTypes, type OperationObject } from '@sds-toolkit/openapi-model';
import type { OperationPair } from '../context.js';

/** The request-body table of an operation, by type: property → Required. */
export type AcceptedProperties = Readonly<Record<string, Readonly<Record<string, { required?: boolean }>>>>;

export const acceptedOf = (operation: OperationObject): AcceptedProperties =>
  (operation['x-docs-accepted-properties'] as AcceptedProperties | undefined) ?? {};

export const requestTypesOf = (operation: OperationObject): string[] =>
  bodyTypes(operation.requestBody?.content['application/json']?.schema);

/** Each type both revisions' request-body tables list, with both tables. */
export function acceptedTables(pair: OperationPair): {
  type: string;
  before: AcceptedProperties[string] | undefined;
  after: AcceptedProperties[string] | undefined;
}[] {
  const a = acceptedOf(pair.before.operation);
  const b = acceptedOf(pair.after.operation);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .sort()
    .map((type) => ({ type, before: a[type], after: b[type] }));
}

export const isRequired = (entry: { required?: boolean } | undefined) => entry?.required === true;
