import { describe, expect, it } from 'vitest';
import {
  baseTypeChain,
  baseTypeName,
  bodyTypes,
  inheritedProperties,
  isStatusRange,
  type OpenApiDocument,
  type OperationObject,
  referencedTypes,
  refName,
  schemaBody,
  successResponse,
  successStatus,
  walkOperations,
} from '../src/index.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const op = (responses: OperationObject['responses']): OperationObject => ({ operationId: 'x', responses });

/** A small spec written for these tests: a base type, a subtype, a sub-subtype and two paths. */
const spec: OpenApiDocument = {
  openapi: '3.0.4',
  info: { title: 't', version: '1' },
  paths: {
    '/things/{id}': { patch: op({ '204': { description: '' } }), get: op({ '200': { description: '' } }) },
    '/Things': { post: op({ '201': { description: '' } }) },
  },
  components: {
    schemas: {
      entity: { type: 'object', properties: { id: { type: 'string' } } },
      thing: { allOf: [ref('entity'), { type: 'object', properties: { name: { type: 'string' } } }] },
      bigThing: {
        allOf: [
          ref('thing'),
          { type: 'object', properties: { name: { type: 'integer' }, size: ref('size') } },
        ],
      },
      loop: { allOf: [ref('loop'), { properties: { a: { type: 'string' } } }] },
    },
  },
};

describe('walkOperations', () => {
  it('lists every operation with its label, ordered by code point (upper case first, whatever the locale)', () => {
    expect(walkOperations(spec).map((o) => o.label)).toEqual([
      'GET /things/{id}',
      'PATCH /things/{id}',
      'POST /Things',
    ]);
    expect(walkOperations(spec)[0]).toMatchObject({ method: 'get', path: '/things/{id}' });
  });
});

describe('successStatus', () => {
  it.each([
    ['one 2xx code', { '204': { description: '' }, '4XX': { description: '' } }, '204'],
    ['the lowest of several', { '202': { description: '' }, '200': { description: '' } }, '200'],
    ['only the range (no page states it)', { '2XX': { description: '' }, '5XX': { description: '' } }, '2XX'],
    ['an exact code beats the range', { '2XX': { description: '' }, '201': { description: '' } }, '201'],
    ['none', { '4XX': { description: '' } }, undefined],
  ])('%s → %s', (_name, responses, status) => {
    expect(successStatus(op(responses))).toBe(status);
  });

  it('successResponse is the response of that status; isStatusRange tells the range apart', () => {
    expect(successResponse(op({ '2XX': { description: 'any' } }))?.description).toBe('any');
    expect([
      isStatusRange('2XX'),
      isStatusRange('2xx'),
      isStatusRange('200'),
      isStatusRange(undefined),
    ]).toEqual([true, true, false, false]);
  });
});

describe('types', () => {
  it('refName reads local schema references only', () => {
    expect([refName('#/components/schemas/a.b'), refName('other.yaml#/x'), refName(undefined)]).toEqual([
      'a.b',
      undefined,
      undefined,
    ]);
  });

  it('base types: the nearest first; a cycle ends the chain', () => {
    expect(baseTypeName(spec.components.schemas.bigThing)).toBe('thing');
    expect(baseTypeChain(spec, 'bigThing')).toEqual(['thing', 'entity']);
    expect(baseTypeChain(spec, 'loop')).toEqual([]);
    expect(schemaBody(spec.components.schemas.thing)?.properties).toHaveProperty('name');
    expect(schemaBody(spec.components.schemas.entity)).toBe(spec.components.schemas.entity);
  });

  it('inheritedProperties: the base types’ first, an own property overriding an inherited one', () => {
    const all = inheritedProperties(spec, 'bigThing');
    expect(Object.keys(all)).toEqual(['id', 'name', 'size']);
    expect(all.name).toEqual({ type: 'integer' });
    expect(inheritedProperties(spec, 'missing')).toEqual({});
  });

  it('referencedTypes finds references anywhere inside a schema, sorted and unique', () => {
    expect(
      referencedTypes({
        type: 'object',
        properties: {
          a: { anyOf: [ref('z'), { type: 'object', nullable: true }] },
          b: { type: 'array', items: ref('a') },
          c: ref('z'),
        },
        additionalProperties: ref('m'),
      }),
    ).toEqual(['a', 'm', 'z']);
  });

  it('bodyTypes: a reference, the members of oneOf, or the item of a collection', () => {
    expect(bodyTypes(ref('x'))).toEqual(['x']);
    expect(bodyTypes({ oneOf: [ref('b'), ref('a')] })).toEqual(['a', 'b']);
    expect(bodyTypes({ type: 'object', properties: { value: { type: 'array', items: ref('c') } } })).toEqual([
      'c',
    ]);
    expect(bodyTypes(undefined)).toEqual([]);
  });
});
