import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OpenApiDocument, SchemaObject } from '@sds-toolkit/openapi-model';
import { describe, expect, it } from 'vitest';
import { extractFromFolder } from '../src/index.js';
import { type OfficialKind, readOfficialModel } from './official-model.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const docsDir = process.env.GRAPH_DOCS_DIR ?? `${repoRoot}../shared/graph-docs`;
const NS = 'microsoft.graph.industryData.';

/**
 * Where the docs and Microsoft's official model disagree. Each entry is a finding about the docs (or the model),
 * not a suppression of our own bug: the test fails when a disagreement appears or disappears, so this list stays
 * the truth.
 */
const outside =
  'a microsoft.graph type the industryData pages link to but the docs folder does not document: the spec has it as an open object type (type-external)';
const knownDisagreements: Record<string, string> = {
  'azureDataLakeConnector.fileFormat':
    'no row of the azureDataLakeConnector page (nor of fileDataConnector) documents fileFormat; the official model has it',
  'industryDataRoot.outboundProvisioningFlowSets':
    "industryDataRoot's Relationships table does not list outboundProvisioningFlowSets, though its API pages use the path",
  'publicError.code': outside,
  'publicError.details': outside,
  'publicError.innerError': outside,
  'publicError.message': outside,
  'publicError.target': outside,
  publicErrorDetail: outside,
  publicInnerError: outside,
};

/** Our schema of an official type name: in the namespace, else in microsoft.graph. */
const schemaName = (spec: OpenApiDocument, name: string): string =>
  spec.components.schemas[`${NS}${name}`] ? `${NS}${name}` : `microsoft.graph.${name}`;

function specProperties(spec: OpenApiDocument, name: string): Map<string, SchemaObject> {
  const result = new Map<string, SchemaObject>();
  let schema = spec.components.schemas[name];
  while (schema) {
    const body = (schema.allOf ? schema.allOf[1] : schema) as SchemaObject;
    for (const [k, v] of Object.entries(body.properties ?? {}))
      if (k !== '@odata.type' && !result.has(k)) result.set(k, v);
    const base = schema.allOf?.[0]?.$ref?.split('/').pop();
    schema = base ? spec.components.schemas[base] : undefined;
  }
  return result;
}

function specKind(spec: OpenApiDocument, property: SchemaObject): string {
  const collection = property.type === 'array';
  const item = (collection ? property.items : property) as SchemaObject;
  const ref = item.$ref ?? item.anyOf?.[0]?.$ref;
  let text: string;
  if (ref) {
    const target = ref.split('/').pop() ?? '';
    const targetSchema = spec.components.schemas[target];
    text = targetSchema?.enum
      ? `enum(${[...targetSchema.enum].sort().join(',')})`
      : `object(${target.replace(NS, '').replace('microsoft.graph.', '')})`;
  } else if (item.type === 'string' && item.format === 'date-time') text = 'date';
  else if (item.type === 'string' && item.format === 'date') text = 'dateOnly';
  else if (item.type === 'string' && item.format === 'uuid') text = 'guid';
  else if (item.type === 'integer' || item.type === 'number') text = 'number';
  else text = item.type ?? 'untyped';
  return collection ? `${text}[]` : text;
}

function officialKind(kind: OfficialKind): string {
  const text =
    kind.kind === 'primitive'
      ? kind.name
      : kind.kind === 'enum'
        ? `enum(${[...kind.members].sort().join(',')})`
        : `object(${kind.type})`;
  return kind.collection ? `${text}[]` : text;
}

describe.skipIf(!existsSync(docsDir))(
  'fidelity with the official model (@microsoft/msgraph-beta-sdk)',
  async () => {
    const { spec } = extractFromFolder(docsDir);
    const ourTypes = Object.keys(spec.components.schemas)
      .filter((n) => n.startsWith(NS))
      .map((n) => n.slice(NS.length));
    // Every type of the namespace the docs folder documents, and what the official model reaches from them.
    const official = await readOfficialModel(ourTypes, ourTypes);
    const disagreements = new Map<string, string>();

    for (const type of official.values()) {
      const schema = spec.components.schemas[schemaName(spec, type.name)];
      if (!schema) {
        disagreements.set(type.name, 'type missing from the spec');
        continue;
      }
      const ours = specProperties(spec, schemaName(spec, type.name));
      for (const [wire, kind] of type.properties) {
        const mine = ours.get(wire);
        if (!mine)
          disagreements.set(
            `${type.name}.${wire}`,
            `missing from the spec (official: ${officialKind(kind)})`,
          );
        else if (specKind(spec, mine) !== officialKind(kind)) {
          disagreements.set(
            `${type.name}.${wire}`,
            `spec ${specKind(spec, mine)} vs official ${officialKind(kind)}`,
          );
        }
      }
      for (const wire of ours.keys()) {
        if (!type.properties.has(wire))
          disagreements.set(`${type.name}.${wire}`, 'in the spec, not in the official model');
      }
    }

    it('reaches every type of the namespace in the official model', () => {
      expect([...official.keys()].sort()).toEqual(
        expect.arrayContaining([
          'outboundProvisioningFlowSet',
          'provisioningFlow',
          'classGroupProvisioningFlow',
          'basicFilter',
          'filter',
        ]),
      );
      expect(official.size).toBeGreaterThanOrEqual(60);
    });

    it.each(
      [...official.values()].filter((t) => !(t.name in knownDisagreements)).map((t) => [t.name, t] as const),
    )('%s: same base type and discriminator mapping', (name, type) => {
      const schema = spec.components.schemas[schemaName(spec, name)] as SchemaObject;
      const base = schema.allOf?.[0]?.$ref?.split('/').pop()?.replace(NS, '').replace('microsoft.graph.', '');
      expect(base, `base of ${name}`).toBe(type.base);
      const body = (schema.allOf ? schema.allOf[1] : schema) as SchemaObject;
      const mapping = Object.keys(body.discriminator?.mapping ?? {}).map((k) => k.replace(`#${NS}`, ''));
      expect(mapping, `discriminator of ${name}`).toEqual(type.derived);
    });

    it('every property name and type agrees, except the documented disagreements', () => {
      const unexpected = [...disagreements].filter(([key]) => !(key in knownDisagreements));
      expect(unexpected.map(([k, v]) => `${k}: ${v}`)).toEqual([]);
    });

    it('each documented disagreement still exists (remove entries the docs have fixed)', () => {
      const gone = Object.keys(knownDisagreements).filter((k) => !disagreements.has(k));
      expect(gone).toEqual([]);
    });
  },
);
