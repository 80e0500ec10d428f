import { bodyTypes, type OperationObject, type SchemaObject } from '@sds-toolkit/openapi-model';
import type { OperationPair } from '../context.js';

/** The request-body table of an operation, by type: property → Required. */
export type AcceptedProperties = Readonly<Record<string, Readonly<Record<string, { required?: boolean }>>>>;

/**
 * An action's parameters (a Parameter | Type | Description table) are an object of their own in the request body,
 * of no named type: compared as one more request-body table under this name (no type has a name without a dot).
 */
export const actionParameters = 'action parameters';

const requestSchemaOf = (operation: OperationObject): SchemaObject | undefined =>
  operation.requestBody?.content['application/json']?.schema;

/** The parameters of an action whose request body is an object of them (no type of the spec). */
function parametersOf(operation: OperationObject): Record<string, { required?: boolean }> | undefined {
  const schema = requestSchemaOf(operation);
  if (
    !schema ||
    schema.$ref ||
    schema.oneOf ||
    schema.allOf ||
    schema.type !== 'object' ||
    !schema.properties
  )
    return undefined;
  const required = schema.required ?? [];
  return Object.fromEntries(
    Object.keys(schema.properties).map((name) => [name, { required: required.includes(name) }]),
  );
}

export const acceptedOf = (operation: OperationObject): AcceptedProperties => {
  const tables = (operation['x-docs-accepted-properties'] as AcceptedProperties | undefined) ?? {};
  const parameters = parametersOf(operation);
  return parameters ? { ...tables, [actionParameters]: parameters } : tables;
};

export const requestTypesOf = (operation: OperationObject): string[] => bodyTypes(requestSchemaOf(operation));

/** What the request body carries: its types, or the action's parameters; empty without a body. */
export const requestBodyOf = (operation: OperationObject): string[] => {
  const types = requestTypesOf(operation);
  if (types.length > 0) return types;
  const parameters = parametersOf(operation);
  return parameters ? [`${actionParameters} (${Object.keys(parameters).join(', ')})`] : [];
};

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
