import type { SchemaObject } from '@sds-toolkit/openapi-model';
import { type Kind, kinds, shortName, topKinds } from './kinds.js';
import type { ConfigModel, Property, Shape } from './model.js';

/** A JSON Schema (draft-07) value: plain JSON. */
export type JsonSchema = { [key: string]: unknown };

export const schemaFileName = 'sds.schema.json';

/** What an environment variable's name may be (POSIX: letters, digits and `_`, not starting with a digit). */
export const envNamePattern = '^[A-Za-z_][A-Za-z0-9_]*$';

const described = (description: string | undefined, schema: JsonSchema): JsonSchema =>
  description ? { description, ...schema } : schema;

function valueSchema(schema: SchemaObject): JsonSchema {
  const type = typeof schema.type === 'string' ? schema.type : 'string';
  const out: JsonSchema = { type: schema.nullable ? [type, 'null'] : type };
  if (typeof schema.format === 'string' && (schema.format === 'date' || schema.format === 'date-time'))
    out.format = schema.format;
  return out;
}

/**
 * The JSON Schema of a set-up file, from the spec: each kind's concrete types with the properties their create
 * request-body tables list (or every writable one), `type:` where a kind has several, references between
 * objects as names, role groups by id or name, secrets as environment variables. Editors complete and check a
 * file with it (`# yaml-language-server: $schema=…`); `sds plan` and `sds apply` check every file with it.
 */
export function buildFileSchema(model: ConfigModel): JsonSchema {
  const definitions: Record<string, JsonSchema> = {};
  const define = (name: string, build: () => JsonSchema): string => {
    if (!(name in definitions)) {
      definitions[name] = {};
      definitions[name] = build();
    }
    return `#/definitions/${name}`;
  };

  const shapeSchema = (shape: Shape, description: string | undefined): JsonSchema => {
    switch (shape.kind) {
      case 'value':
        return described(description, valueSchema(shape.schema));
      case 'enum':
        return described(description, { enum: [...shape.members] });
      case 'array':
        return described(description, { type: 'array', items: shapeSchema(shape.item, undefined) });
      case 'reference': {
        const label = kinds.find((k) => k.name === shape.to)?.label ?? shape.to;
        return described(description, {
          type: 'string',
          minLength: 1,
          $comment: `the display name of a ${label} of this file`,
        });
      }
      case 'roleGroup':
        return described(description, { $ref: '#/definitions/roleGroup' });
      case 'secret':
        return described(description, { $ref: '#/definitions/secret' });
      case 'object':
        return described(description, { $ref: objectRef(shape.declared, shape.types) });
    }
  };

  // A type's `type:` is optional here; where the declared type has several, the choice requires it.
  const typeDefinition = (type: string, kind: Kind | undefined): string =>
    define(shortName(type), () => {
      const properties: Record<string, JsonSchema> = {
        type: { const: shortName(type), description: `\`${shortName(type)}\`` },
      };
      const required: string[] = [];
      for (const property of model.properties(type, kind).values()) {
        properties[property.name] = shapeSchema(property.shape, property.description);
        if (property.required) required.push(property.name);
      }
      if (kind?.name === 'outboundProvisioningFlowSets')
        properties.provisioningFlows = {
          description: 'The flows of the set: at most one of each type.',
          type: 'array',
          items: { $ref: '#/definitions/provisioningFlows' },
        };
      const description = model.catalogue.spec.components.schemas[type]?.allOf?.find(
        (s) => !s.$ref,
      )?.description;
      return {
        ...(typeof description === 'string' ? { description } : {}),
        type: 'object',
        additionalProperties: false,
        properties,
        ...(required.length > 0 ? { required } : {}),
      };
    });

  /** A value declared as `declared`: its one type, or a choice by `type:`. */
  const choice = (declared: string, types: readonly string[], kind: Kind | undefined): JsonSchema => {
    const [only] = types;
    if (!model.needsType(declared) && only !== undefined && types.length === 1)
      return { $ref: typeDefinition(only, kind) };
    const names = types.map(shortName);
    return {
      type: 'object',
      required: ['type'],
      properties: { type: { enum: names, description: `which ${shortName(declared)} it is` } },
      allOf: types.map((type) => ({
        if: { properties: { type: { const: shortName(type) } }, required: ['type'] },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword.
        then: { $ref: typeDefinition(type, kind) },
      })),
    };
  };

  const objectRef = (declared: string, types: readonly string[]): string =>
    define(`${shortName(declared)}Value`, () => choice(declared, types, undefined));

  definitions.secret = {
    description:
      'A secret, never written in the file: the name of the environment variable that holds it when `sds apply` runs.',
    type: 'object',
    additionalProperties: false,
    required: ['env'],
    properties: { env: { type: 'string', pattern: envNamePattern } },
  };
  definitions.roleGroup = {
    description: "One of the tenant's role groups, by its id or display name (e.g. staff, students).",
    type: 'string',
    minLength: 1,
  };
  for (const kind of kinds) definitions[kind.name] = choice(kind.type, model.concreteTypes(kind.type), kind);

  const properties: Record<string, JsonSchema> = {};
  for (const kind of topKinds)
    properties[kind.name] = {
      description: `The ${kind.label}s of the set-up, matched with the tenant's by ${kind.matchBy === 'displayName' ? 'display name' : 'type'}.`,
      type: 'array',
      items: { $ref: `#/definitions/${kind.name}` },
    };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment:
      'Generated from specs/industrydata/openapi.yaml by `pnpm --filter @sds-toolkit/config schema`; do not edit.',
    title: 'School Data Sync set-up (sds plan / sds apply / sds export)',
    type: 'object',
    additionalProperties: false,
    properties,
    definitions: sortKeys(definitions),
  };
}

/** Definitions in code-point order, so the file is the same whatever order they were reached in. */
function sortKeys(record: Record<string, JsonSchema>): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, record[key] ?? {}]),
  );
}

/** The schema as written to disk: stable, two-space indented, a final newline. */
export const schemaText = (schema: JsonSchema): string => `${JSON.stringify(schema, null, 2)}\n`;

export type { Property };
