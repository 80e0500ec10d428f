import { parseSpec } from '@sds-toolkit/openapi-model';
import { describe, expect, it } from 'vitest';
import { buildIR } from '../../src/index.js';

// One base with two subtypes, a property declared as the base, and a subtype declared directly.
const spec = (accepted: Record<string, Record<string, { required: boolean }>> | undefined) =>
  parseSpec(
    JSON.stringify({
      openapi: '3.0.4',
      info: { title: 't', version: '1' },
      paths: {
        '/plots/{id}': {
          patch: {
            operationId: 'UpdatePlot',
            requestBody: {
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/microsoft.graph.g.plot' } },
              },
            },
            responses: { '204': { description: 'No Content' } },
            ...(accepted ? { 'x-docs-accepted-properties': accepted } : {}),
          },
        },
      },
      components: {
        schemas: {
          'microsoft.graph.g.plot': {
            type: 'object',
            properties: {
              id: { type: 'string', readOnly: true },
              label: { type: 'string' },
              createdDateTime: { type: 'string', format: 'date-time' },
              owner: { $ref: '#/components/schemas/microsoft.graph.g.person' },
              bed: { $ref: '#/components/schemas/microsoft.graph.g.bed' },
              favourite: { $ref: '#/components/schemas/microsoft.graph.g.rootBed' },
              '@odata.type': { type: 'string' },
            },
          },
          'microsoft.graph.g.person': {
            type: 'object',
            properties: { name: { type: 'string' } },
          },
          'microsoft.graph.g.bed': {
            type: 'object',
            'x-ms-abstract': true,
            properties: { '@odata.type': { type: 'string' } },
            discriminator: {
              propertyName: '@odata.type',
              mapping: {
                '#microsoft.graph.g.herbBed': '#/components/schemas/microsoft.graph.g.herbBed',
                '#microsoft.graph.g.rootBed': '#/components/schemas/microsoft.graph.g.rootBed',
              },
            },
          },
          'microsoft.graph.g.herbBed': {
            allOf: [
              { $ref: '#/components/schemas/microsoft.graph.g.bed' },
              { type: 'object', properties: {} },
            ],
          },
          'microsoft.graph.g.rootBed': {
            allOf: [
              { $ref: '#/components/schemas/microsoft.graph.g.bed' },
              { type: 'object', properties: {} },
            ],
          },
        },
      },
    }),
    'inline.json',
  );

const sentOf = (accepted?: Record<string, Record<string, { required: boolean }>>) => {
  const plot = buildIR(spec(accepted)).models.find((m) => m.fullName === 'microsoft.graph.g.plot');
  return Object.fromEntries((plot?.properties ?? []).map((p) => [p.wireName, p.sent]));
};

describe('which properties a request body carries', () => {
  it.each([
    [
      'without a request-body table, everything but read-only properties',
      undefined,
      { id: false, label: true, createdDateTime: true, owner: true, bed: true, favourite: true },
    ],
    [
      'with a table, only what it lists (the rest is set by the service)',
      { 'microsoft.graph.g.plot': { label: { required: true }, owner: { required: false } } },
      { id: false, label: true, createdDateTime: false, owner: true, bed: false, favourite: false },
    ],
    [
      'a table never makes a read-only property writable',
      { 'microsoft.graph.g.plot': { id: { required: false } } },
      { id: false, label: false, createdDateTime: false, owner: false, bed: false, favourite: false },
    ],
  ])('%s', (_name, accepted, want) => {
    expect(sentOf(accepted)).toEqual(want);
  });
});

describe('polymorphic values', () => {
  const ir = buildIR(spec(undefined));
  const model = (name: string) => ir.models.find((m) => m.fullName === `microsoft.graph.g.${name}`);

  it.each([
    [
      'an abstract base: its concrete subtypes',
      'bed',
      ['microsoft.graph.g.herbBed', 'microsoft.graph.g.rootBed'],
    ],
    ['a type without subtypes: itself', 'person', ['microsoft.graph.g.person']],
  ])('%s', (_name, type, concrete) => {
    expect(model(type)?.concrete).toEqual(concrete);
  });

  it.each([
    ['a subtype only ever sent where its base is declared must name itself', 'herbBed', true],
    ['a subtype some property declares directly need not (the service may leave it out)', 'rootBed', false],
    ['a type outside any hierarchy need not', 'person', false],
  ])('%s', (_name, type, required) => {
    expect(model(type)?.odataTypeRequired).toBe(required);
  });
});
