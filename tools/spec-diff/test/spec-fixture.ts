import type { OpenApiDocument } from '@sds-toolkit/openapi-model';

export const NS = 'microsoft.graph.contoso';
export const ref = (name: string) => ({ $ref: `#/components/schemas/${NS}.${name}` });
const nullableRef = (name: string) => ({ anyOf: [ref(name), { type: 'object', nullable: true }] });

/**
 * A small spec, shaped like the extractor's output, written for these tests: a widget (with a subtype, a
 * gizmo), an enum, a type of another namespace, a list, an update and an action, each with the docs pages and
 * Methods tables it came from.
 */
export function base(): OpenApiDocument {
  return structuredClone({
    openapi: '3.0.4',
    info: { title: 't', version: '1' },
    paths: {
      '/contoso/widgets': {
        get: {
          operationId: 'contoso.ListWidgets',
          'x-docs-source': 'api/contoso-widget-list.md#L20',
          'x-docs-pages': ['contoso-widget-list'],
          'x-docs-listed-by': ['contoso-widget'],
          parameters: [{ $ref: '#/components/parameters/top' }],
          responses: {
            '200': {
              description: 'OK',
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { value: { type: 'array', items: ref('widget') } } },
                },
              },
            },
          },
          'x-permissions': {
            delegatedWork: {
              leastPrivileged: ['Widget.Read.All'],
              higherPrivileged: ['Widget.ReadWrite.All'],
            },
            delegatedPersonal: 'not supported',
            application: 'not supported',
            source: 'includes/permissions/contoso-widget-list-permissions.md#L5',
          },
        },
      },
      '/contoso/widgets/{widgetId}': {
        patch: {
          operationId: 'contoso.UpdateWidgets',
          summary: 'Update widget',
          description: 'Update a widget.',
          'x-docs-source': 'api/contoso-widget-update.md#L22',
          'x-docs-pages': ['contoso-widget-update'],
          'x-docs-example-names': ['update_widget'],
          'x-docs-listed-by': ['contoso-widget'],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { oneOf: [ref('widget'), ref('gizmo')] } } },
          },
          responses: { '204': { description: 'No Content' } },
          'x-docs-accepted-properties': {
            [`${NS}.widget`]: { colour: { required: false }, size: { required: true } },
          },
        },
      },
      '/contoso/widgets/{widgetId}/polish': {
        post: {
          operationId: 'contoso.widgets.widget.polish',
          'x-docs-source': 'api/contoso-widget-polish.md#L18',
          'x-docs-pages': ['contoso-widget-polish'],
          'x-docs-listed-by': ['contoso-widget'],
          responses: { '2XX': { description: 'Success' } },
        },
      },
    },
    components: {
      schemas: {
        [`${NS}.widget`]: {
          type: 'object',
          description: 'A widget.',
          'x-docs-source': 'resources/contoso-widget.md#L30',
          properties: {
            id: { type: 'string', readOnly: true },
            colour: { ...nullableRef('colour'), description: 'Its colour.' },
            size: { type: 'integer', format: 'int32', nullable: true },
            finish: { 'x-docs-unresolved-type': `${NS}.finish`, description: 'How it is finished.' },
            legacyCode: { type: 'string', nullable: true, deprecated: true },
            fault: nullableRef('publicError'),
            '@odata.type': { type: 'string' },
          },
          discriminator: { propertyName: '@odata.type', mapping: { [`#${NS}.gizmo`]: ref('gizmo').$ref } },
        },
        [`${NS}.gizmo`]: {
          allOf: [
            ref('widget'),
            { type: 'object', properties: { teeth: { type: 'integer', nullable: true } } },
          ],
          'x-docs-source': 'resources/contoso-gizmo.md#L12',
        },
        [`${NS}.colour`]: {
          type: 'string',
          enum: ['red', 'unknownFutureValue'],
          'x-docs-source': 'resources/contoso-widget.md#L50',
        },
        [`${NS}.publicError`]: {
          type: 'object',
          additionalProperties: true,
          'x-docs-external': true,
          'x-docs-source': 'resources/contoso-widget.md#L30',
        },
      },
    },
  } as unknown as OpenApiDocument);
}

/** Shortcuts into a spec (tests edit it as plain data). */
export const widget = (s: any) => s.components.schemas[`${NS}.widget`];
export const gizmo = (s: any) => s.components.schemas[`${NS}.gizmo`];
export const colour = (s: any) => s.components.schemas[`${NS}.colour`];
export const list = (s: any) => s.paths['/contoso/widgets'].get;
export const update = (s: any) => s.paths['/contoso/widgets/{widgetId}'].patch;
export const polish = (s: any) => s.paths['/contoso/widgets/{widgetId}/polish'].post;
