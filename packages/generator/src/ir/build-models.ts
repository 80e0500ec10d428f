import type { OpenApiDocument, SchemaObject } from '@sds-toolkit/openapi-model';
import { compareCodePoints } from '@sds-toolkit/openapi-model';
import { propertyName, typeName } from '../naming.js';
import type { EnumIR, ModelIR, PropertyIR, PropertyType } from './types.js';

/** Thrown when the spec holds something the generator cannot turn into code; the message names the place. */
export class GeneratorInputError extends Error {
  override readonly name = 'GeneratorInputError';
}

const refName = (ref: string): string => {
  const prefix = '#/components/schemas/';
  if (!ref.startsWith(prefix))
    throw new GeneratorInputError(`only local schema references are supported, got ${ref}`);
  return ref.slice(prefix.length);
};

export const namespaceOf = (fullName: string): string =>
  fullName.slice(0, Math.max(0, fullName.lastIndexOf('.')));

/** The `$ref` a property points at, whether written plainly or as `anyOf: [$ref, nullable object]`. */
export function referenced(schema: SchemaObject): string | undefined {
  if (schema.$ref) return refName(schema.$ref);
  const ref = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])].find(
    (s) => s.$ref,
  )?.$ref;
  return ref ? refName(ref) : undefined;
}

function propertyType(schema: SchemaObject, spec: OpenApiDocument, where: string): PropertyType {
  const target = referenced(schema);
  if (target) {
    const resolved = spec.components.schemas[target];
    if (!resolved)
      throw new GeneratorInputError(`${where} refers to ${target}, which the spec does not define`);
    return resolved.enum ? { kind: 'enum', target } : { kind: 'model', target };
  }
  switch (schema.type) {
    case 'string':
      if (schema.format === 'date-time')
        return { kind: 'primitive', primitive: 'dateTime', format: schema.format };
      if (schema.format === 'uuid') return { kind: 'primitive', primitive: 'guid', format: schema.format };
      return { kind: 'primitive', primitive: 'string', format: schema.format };
    case 'integer':
    case 'number':
      return { kind: 'primitive', primitive: 'number', format: schema.format };
    case 'boolean':
      return { kind: 'primitive', primitive: 'boolean', format: undefined };
    default:
      return { kind: 'primitive', primitive: 'untyped', format: undefined };
  }
}

export function readProperties(body: SchemaObject, spec: OpenApiDocument, owner: string): PropertyIR[] {
  const properties: PropertyIR[] = [];
  for (const [wireName, schema] of Object.entries(body.properties ?? {})) {
    if (wireName === '@odata.type') continue; // the discriminator: `odataType` on the root of each hierarchy
    const collection = schema.type === 'array';
    const item = collection ? (schema.items ?? {}) : schema;
    const readOnly = schema.readOnly === true;
    const navigation = schema['x-ms-navigationProperty'] === true;
    properties.push({
      wireName,
      name: propertyName(wireName),
      type: propertyType(item, spec, `${owner}.${wireName}`),
      collection,
      description: schema.description,
      readOnly,
      navigation,
      // Refined once every request-body table is known (ir/request-bodies.ts).
      sent: !readOnly && !navigation,
    });
  }
  return properties.sort((a, b) => compareCodePoints(a.wireName, b.wireName));
}

/** components.schemas → models and enums, with bases and derived types linked. */
export function buildModels(spec: OpenApiDocument): { models: ModelIR[]; enums: EnumIR[] } {
  const models: ModelIR[] = [];
  const enums: EnumIR[] = [];
  for (const [fullName, schema] of Object.entries(spec.components.schemas).sort(([a], [b]) =>
    compareCodePoints(a, b),
  )) {
    if (schema.enum) {
      enums.push({
        fullName,
        name: typeName(fullName),
        namespace: namespaceOf(fullName),
        members: schema.enum.map(String),
        description: schema.description,
      });
      continue;
    }
    const base = schema.allOf?.[0]?.$ref ? refName(schema.allOf[0].$ref) : undefined;
    const body = (schema.allOf ? (schema.allOf.find((s) => !s.$ref) ?? {}) : schema) as SchemaObject;
    const derived = Object.values(body.discriminator?.mapping ?? {})
      .map(refName)
      .sort(compareCodePoints);
    models.push({
      fullName,
      name: typeName(fullName),
      namespace: namespaceOf(fullName),
      base,
      derived,
      abstract: schema['x-ms-abstract'] === true,
      properties: readProperties(body, spec, fullName),
      description: schema.description,
      discriminated: !fullName.includes('.ODataErrors.'),
      // Both known once every model and body is (ir/request-bodies.ts).
      concrete: [fullName],
      odataTypeRequired: false,
    });
  }
  const names = new Map<string, string>();
  for (const m of [...models, ...enums]) {
    const clash = names.get(`${m.namespace}|${m.name}`);
    if (clash) throw new GeneratorInputError(`${m.fullName} and ${clash} would both be named ${m.name}`);
    names.set(`${m.namespace}|${m.name}`, m.fullName);
  }
  return { models, enums };
}
