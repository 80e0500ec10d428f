import { fileURLToPath } from 'node:url';
import type { SchemaObject } from '@sds-toolkit/openapi-model';
import { describe, expect, it } from 'vitest';
import { extractFromFolder } from '../src/index.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const inheritance = extractFromFolder(fixture('inheritance'));
const enums = extractFromFolder(fixture('enums'));
const operations = extractFromFolder(fixture('operations'));
const defects = extractFromFolder(fixture('defects'));

const schema = (x: typeof inheritance, name: string) => x.spec.components.schemas[name] as SchemaObject;
const body = (s: SchemaObject) => (s.allOf ? (s.allOf[1] as SchemaObject) : s);
const codes = (x: typeof inheritance) => x.diagnostics.map((d) => d.code);

describe('inheritance and discriminators', () => {
  it.each([
    ['annotation baseType', 'microsoft.graph.contoso.circle', 'microsoft.graph.contoso.shape'],
    ['"Inherits from" prose only', 'microsoft.graph.contoso.square', 'microsoft.graph.contoso.shape'],
    ['"Inherited from entity" on id', 'microsoft.graph.contoso.shape', 'microsoft.graph.entity'],
  ])('%s → allOf the base', (_name, type, base) => {
    expect(schema(inheritance, type).allOf?.[0]).toEqual({ $ref: `#/components/schemas/${base}` });
  });

  it('the abstract base maps every derived type on @odata.type', () => {
    expect(body(schema(inheritance, 'microsoft.graph.contoso.shape')).discriminator).toEqual({
      propertyName: '@odata.type',
      mapping: {
        '#microsoft.graph.contoso.circle': '#/components/schemas/microsoft.graph.contoso.circle',
        '#microsoft.graph.contoso.square': '#/components/schemas/microsoft.graph.contoso.square',
      },
    });
    expect(schema(inheritance, 'microsoft.graph.contoso.shape')['x-ms-abstract']).toBe(true);
  });

  it('properties inherited on a subtype page are declared once, on the base', () => {
    expect(Object.keys(body(schema(inheritance, 'microsoft.graph.contoso.circle')).properties ?? {})).toEqual(
      ['radius', '@odata.type'],
    );
    expect(Object.keys(body(schema(inheritance, 'microsoft.graph.entity')).properties ?? {})).toContain('id');
  });

  it('an undocumented base is synthesized from what subtypes inherit, and said', () => {
    expect(schema(inheritance, 'microsoft.graph.entity')['x-docs-synthesized']).toBe(true);
    expect(codes(inheritance)).toContain('base-type-undocumented');
  });

  it('navigation collections and complex collections are arrays of refs', () => {
    const drawing = body(schema(inheritance, 'microsoft.graph.contoso.drawing')).properties ?? {};
    expect(drawing.shapes).toMatchObject({
      type: 'array',
      items: { $ref: '#/components/schemas/microsoft.graph.contoso.shape' },
      'x-ms-navigationProperty': true,
    });
  });

  it('every schema and operation names the page and line it came from', () => {
    for (const [name, s] of Object.entries(inheritance.spec.components.schemas)) {
      // The OData error envelope is a Graph-wide convention no page of the folder restates.
      if (name.startsWith('microsoft.graph.ODataErrors.')) continue;
      expect(s['x-docs-source'], name).toMatch(/^resources\/[\w-]+\.md#L\d+$/);
    }
    const op = inheritance.spec.paths['/contoso/drawings/{drawingId}/shapes']?.get;
    expect(op?.['x-docs-source']).toMatch(/^api\/contoso-drawing-list-shapes\.md#L\d+$/);
  });
});

describe('enums', () => {
  it('an enum used by several properties is one named schema with every member, unknownFutureValue kept', () => {
    expect(schema(enums, 'microsoft.graph.contoso.colour')).toMatchObject({
      type: 'string',
      enum: ['red', 'green', 'unknownFutureValue', 'blue'],
    });
    const brush = body(schema(enums, 'microsoft.graph.contoso.brush')).properties ?? {};
    expect(brush.fillColour?.anyOf?.[0]).toEqual({
      $ref: '#/components/schemas/microsoft.graph.contoso.colour',
    });
    expect(brush.palette).toMatchObject({
      type: 'array',
      items: { $ref: '#/components/schemas/microsoft.graph.contoso.colour' },
    });
  });

  it('a lowercase enum name is re-cased from the corpus words, with a diagnostic', () => {
    expect(enums.spec.components.schemas['microsoft.graph.contoso.brushSize']).toMatchObject({
      enum: ['fine', 'broad', 'unknownFutureValue'],
    });
    expect(codes(enums)).toContain('type-name-recased');
  });

  it('a String property whose text says "possible values" without code spans stays a string', () => {
    expect(body(schema(enums, 'microsoft.graph.contoso.brush')).properties?.brushName).toMatchObject({
      type: 'string',
    });
  });
});

describe('operations', () => {
  const paths = operations.spec.paths;
  it('paths are canonical: relationship casing, Graph-style parameter names', () => {
    expect(Object.keys(paths).sort()).toEqual([
      '/contoso/pipelines',
      '/contoso/pipelines/{pipelineId}/stages/{stageId}',
      '/contoso/pipelines/{pipelineId}/stages/{stageId}/restart',
    ]);
    expect(codes(operations)).toEqual(expect.arrayContaining(['path-casing', 'path-parameter-duplicate']));
  });

  it('subtype pages of one URL become one operation whose body is oneOf the subtypes', () => {
    const patch = paths['/contoso/pipelines/{pipelineId}/stages/{stageId}']?.patch;
    expect(patch?.requestBody?.content['application/json']?.schema?.oneOf).toEqual([
      { $ref: '#/components/schemas/microsoft.graph.contoso.buildStage' },
      { $ref: '#/components/schemas/microsoft.graph.contoso.testStage' },
    ]);
    expect(patch?.['x-docs-accepted-properties']).toEqual({
      'microsoft.graph.contoso.buildStage': { buildOptions: { required: true } },
      'microsoft.graph.contoso.testStage': { testOptions: { required: true } },
    });
    expect(patch?.['x-docs-pages']).toEqual(['contoso-buildstage-update', 'contoso-teststage-update']);
    expect(patch?.['x-docs-example-names']).toEqual(['update_buildstage', 'update_teststage']);
  });

  it('published pages win over a draft that says 200 with a body; the conflict is reported', () => {
    const patch = paths['/contoso/pipelines/{pipelineId}/stages/{stageId}']?.patch;
    expect(Object.keys(patch?.responses ?? {})).toEqual(['204', '4XX', '5XX']);
    expect(operations.diagnostics.find((d) => d.code === 'draft-superseded')?.message).toContain(
      'status 200 vs 204',
    );
  });

  it.each([
    ['get', '/contoso/pipelines', 'contoso.ListPipelines', '200'],
    ['post', '/contoso/pipelines', 'contoso.CreatePipelines', '201'],
    ['patch', '/contoso/pipelines/{pipelineId}/stages/{stageId}', 'contoso.pipelines.UpdateStages', '204'],
    [
      'post',
      '/contoso/pipelines/{pipelineId}/stages/{stageId}/restart',
      'contoso.pipelines.stages.restart',
      '202',
    ],
  ] as const)('%s %s → %s, %s', (method, path, id, status) => {
    const op = paths[path]?.[method];
    expect(op?.operationId).toBe(id);
    expect(Object.keys(op?.responses ?? {})[0]).toBe(status);
  });

  it('an action has no request or response body', () => {
    const restart = paths['/contoso/pipelines/{pipelineId}/stages/{stageId}/restart']?.post;
    expect(restart?.requestBody).toBeUndefined();
    expect(restart?.responses['202']).toEqual({ description: 'Accepted' });
    expect(restart?.['x-ms-docs-operation-type']).toBe('action');
  });

  it('a list supports the standard OData query parameters when the page does not name them', () => {
    const list = paths['/contoso/pipelines']?.get;
    expect(list?.parameters?.map((p) => (p as unknown as { $ref: string }).$ref.split('/').pop())).toEqual([
      'count',
      'expand',
      'filter',
      'orderby',
      'select',
      'skip',
      'top',
    ]);
  });

  it('permissions: least and higher privileged, delegated and application, from the three- and two-column tables', () => {
    expect(paths['/contoso/pipelines/{pipelineId}/stages/{stageId}']?.patch?.['x-permissions']).toMatchObject(
      {
        delegatedWork: { leastPrivileged: ['Pipeline.ReadWrite.All'], higherPrivileged: [] },
        delegatedPersonal: 'not supported',
        application: { leastPrivileged: ['Pipeline.ReadWrite.All'], higherPrivileged: [] },
      },
    );
    const post = paths['/contoso/pipelines']?.post;
    expect(post?.['x-permissions']).toMatchObject({
      delegatedWork: {
        leastPrivileged: ['Pipeline.ReadWrite.All'],
        higherPrivileged: ['Directory.ReadWrite.All'],
      },
      application: 'not supported',
    });
    expect(post?.security).toEqual([
      { delegated: ['Pipeline.ReadWrite.All'] },
      { delegated: ['Directory.ReadWrite.All'] },
    ]);
  });
});

describe('documentation defects are reported, never fatal', () => {
  it.each([
    ['link to a page that does not exist', 'link-broken', 'resources/contoso-kettle.md'],
    ['type name typo in a link text', 'type-name-mismatch', 'resources/contoso-kettle.md'],
    ['stray table row', 'table-stray-row', 'resources/contoso-kettle.md'],
    ['JSON representation casing', 'json-representation-extra', 'resources/contoso-kettle.md'],
    ['empty Properties section', 'properties-empty', 'resources/contoso-kettlespout.md'],
    [
      'descriptions exchanged between sibling properties',
      'description-swapped',
      'resources/contoso-kettle.md',
    ],
    ['wrongly cased property in an example', 'example-property-casing', 'api/contoso-kettle-post.md'],
    ['trailing comma in an example', 'example-json-repaired', 'api/contoso-kettle-post.md'],
    ['broken annotation JSON', 'annotation-invalid-json', 'api/contoso-kettle-post.md'],
    ['unreadable request line', 'http-request-unreadable', 'api/contoso-kettle-post.md'],
    ['placeholder collection URI', 'http-request-placeholder', 'api/contoso-kettle-list.md'],
    ['missing status', 'response-status-missing', 'api/contoso-kettle-list.md'],
    ['missing permissions include', 'permissions-include-missing', 'api/contoso-kettle-post.md'],
  ])('%s → %s in %s', (_name, code, file) => {
    const found = defects.diagnostics.find((d) => d.code === code);
    expect(found, `${code} not reported`).toBeDefined();
    expect(found?.file).toBe(file);
    expect(found?.line).toBeGreaterThan(1);
  });

  it('the repaired example is kept, as written otherwise', () => {
    const post = defects.spec.paths['/contoso/kettles']?.post;
    expect(post?.requestBody?.content['application/json']?.examples?.create_kettle?.value).toEqual({
      waterlevel: 500,
      spout: { '@odata.type': '#microsoft.graph.contoso.kettleSpout' },
    });
  });

  it('a deprecated property keeps its name and is marked deprecated; Read-only is read', () => {
    const kettle = body(schema(defects, 'microsoft.graph.contoso.kettle')).properties ?? {};
    expect(kettle.legacyMode).toMatchObject({ type: 'boolean', deprecated: true });
    expect(kettle.id).toMatchObject({ readOnly: true });
  });
});
