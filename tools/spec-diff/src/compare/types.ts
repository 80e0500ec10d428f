import { type OpenApiDocument, refName, type SchemaObject } from '@sds-toolkit/openapi-model';

/**
 * A property's type as a comparable text: `string`, `string (date-time)`, a type name, `X collection`, or
 * `unknown` when the docs did not give a type the extractor could resolve (`x-docs-unresolved-type`).
 */
export function typeText(schema: SchemaObject | undefined): string {
  if (!schema) return 'none';
  if (schema.type === 'array') return `${typeText(schema.items)} collection`;
  const ref = schema.$ref ?? [...(schema.anyOf ?? []), ...(schema.allOf ?? [])].find((s) => s.$ref)?.$ref;
  if (ref) return refName(ref) ?? ref;
  if (isUnknownType(schema)) return 'unknown';
  return schema.format ? `${schema.type} (${schema.format})` : (schema.type ?? 'unknown');
}

/** Whether the spec does not know a property's type: the docs named one it could not resolve, or none. */
export function isUnknownType(schema: SchemaObject | undefined): boolean {
  if (!schema) return false;
  if (schema.type === 'array') return isUnknownType(schema.items);
  if (schema['x-docs-unresolved-type'] !== undefined) return true;
  return (
    schema.type === undefined &&
    schema.$ref === undefined &&
    !schema.anyOf &&
    !schema.allOf &&
    !schema.oneOf &&
    !schema.enum &&
    !schema.properties
  );
}

/** The type names a spec's properties give without the spec knowing them (`x-docs-unresolved-type`). */
export function unresolvedTypeNames(spec: OpenApiDocument): Set<string> {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object')
      for (const [key, v] of Object.entries(value)) {
        if (key === 'x-docs-unresolved-type' && typeof v === 'string') names.add(v);
        else visit(v);
      }
  };
  visit(spec.components.schemas);
  return names;
}

/** A type defined in another namespace, which the docs folder does not document: an open object. */
export const isExternal = (spec: OpenApiDocument, name: string | undefined): boolean =>
  name !== undefined && spec.components.schemas[name]?.['x-docs-external'] === true;
