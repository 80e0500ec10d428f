import type { OpenApiDocument } from '@sds-toolkit/openapi-model';
import { describe, expect, it } from 'vitest';
import { bumpFor, compareSpecs, parseIgnore, renderMarkdown } from '../src/index.js';

const NS = 'microsoft.graph.contoso';
/** A small revision of a spec, written for these tests: one resource, two operations, an enum. */
function base(): OpenApiDocument {
  return structuredClone({
    openapi: '3.0.4',
    info: { title: 't', version: '1' },
    paths: {
      '/contoso/widgets': {
        get: {
          operationId: 'contoso.ListWidgets',
          'x-docs-pages': ['contoso-widget-list'],
          parameters: [{ $ref: '#/components/parameters/top' }],
          responses: {
            '200': {
              description: 'OK',
              content: { 'application/json': { schema: { $ref: `#/components/schemas/${NS}.widget` } } },
            },
          },
          'x-permissions': {
            delegatedWork: {
              leastPrivileged: ['Widget.Read.All'],
              higherPrivileged: ['Widget.ReadWrite.All'],
            },
            application: 'not supported',
          },
        },
      },
      '/contoso/widgets/{widgetId}': {
        patch: {
          operationId: 'contoso.UpdateWidgets',
          'x-docs-pages': ['contoso-widget-update'],
          'x-docs-example-names': ['update_widget'],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: `#/components/schemas/${NS}.widget` } } },
          },
          responses: { '204': { description: 'No Content' } },
          'x-docs-accepted-properties': { [`${NS}.widget`]: { colour: { required: false } } },
        },
      },
    },
    components: {
      schemas: {
        [`${NS}.widget`]: {
          type: 'object',
          description: 'A widget.',
          properties: {
            id: { type: 'string', readOnly: true },
            colour: { $ref: `#/components/schemas/${NS}.colour` },
            size: { type: 'integer' },
          },
        },
        [`${NS}.colour`]: { type: 'string', enum: ['red', 'unknownFutureValue'] },
      },
    },
  } as unknown as OpenApiDocument);
}

type Edit = (s: any) => void;
const widget = (s: any) => s.components.schemas[`${NS}.widget`];

describe('classification of each kind of change', () => {
  it.each<[string, Edit, string, string]>([
    [
      'a property added',
      (s) => (widget(s).properties.label = { type: 'string' }),
      'property-added',
      'non-breaking',
    ],
    ['a property removed', (s) => delete widget(s).properties.size, 'property-removed', 'breaking'],
    [
      'a property renamed (same type, near name)',
      (s) => {
        widget(s).properties.sizes = widget(s).properties.size;
        delete widget(s).properties.size;
      },
      'property-renamed',
      'breaking',
    ],
    [
      'a property type changed',
      (s) => (widget(s).properties.size = { type: 'string' }),
      'property-type-changed',
      'breaking',
    ],
    [
      'a property made read-only',
      (s) => (widget(s).properties.size.readOnly = true),
      'read-only-changed',
      'breaking',
    ],
    ['a property made required', (s) => (widget(s).required = ['size']), 'required-changed', 'breaking'],
    [
      'an enum member added',
      (s) => s.components.schemas[`${NS}.colour`].enum.splice(1, 0, 'blue'),
      'enum-member-added',
      'non-breaking',
    ],
    [
      'an enum member removed',
      (s) => s.components.schemas[`${NS}.colour`].enum.shift(),
      'enum-member-removed',
      'breaking',
    ],
    [
      'a permission narrowed',
      (s) => (s.paths['/contoso/widgets'].get['x-permissions'].delegatedWork.higherPrivileged = []),
      'permission-narrowed',
      'breaking',
    ],
    [
      'a permission widened',
      (s) =>
        (s.paths['/contoso/widgets'].get['x-permissions'].application = {
          leastPrivileged: ['Widget.Read.All'],
          higherPrivileged: [],
        }),
      'permission-widened',
      'non-breaking',
    ],
    [
      'a path renamed (same pages)',
      (s) => {
        s.paths['/contoso/gadgets'] = s.paths['/contoso/widgets'];
        delete s.paths['/contoso/widgets'];
      },
      'operation-moved',
      'breaking',
    ],
    [
      'a success status changed',
      (s) => {
        const p = s.paths['/contoso/widgets/{widgetId}'].patch;
        p.responses = { '200': { description: 'OK' } };
      },
      'status-changed',
      'breaking',
    ],
    [
      'an operation added',
      (s) =>
        (s.paths['/contoso/widgets'].post = {
          operationId: 'contoso.CreateWidgets',
          responses: { '201': { description: 'Created' } },
        }),
      'operation-added',
      'non-breaking',
    ],
    [
      'an operation removed',
      (s) => delete s.paths['/contoso/widgets/{widgetId}'],
      'operation-removed',
      'breaking',
    ],
    [
      'a request property no longer accepted',
      (s) =>
        (s.paths['/contoso/widgets/{widgetId}'].patch['x-docs-accepted-properties'][`${NS}.widget`] = {}),
      'request-property-removed',
      'breaking',
    ],
    [
      'a request property made required',
      (s) =>
        (s.paths['/contoso/widgets/{widgetId}'].patch['x-docs-accepted-properties'][
          `${NS}.widget`
        ].colour.required = true),
      'required-changed',
      'breaking',
    ],
    [
      'a query option removed',
      (s) => (s.paths['/contoso/widgets'].get.parameters = []),
      'query-parameter-removed',
      'breaking',
    ],
    [
      'a description changed',
      (s) => (widget(s).description = 'A better widget.'),
      'schema-description-changed',
      'documentation',
    ],
  ])('%s → %s, %s', (_name, edit, kind, classification) => {
    const after = base();
    edit(after);
    const { changes } = compareSpecs(base(), after);
    expect(changes.map((c) => `${c.kind} ${c.classification}`)).toContain(`${kind} ${classification}`);
  });

  it('identical specs: no changes', () => {
    expect(compareSpecs(base(), base())).toEqual({
      changes: [],
      summary: { breaking: 0, nonBreaking: 0, documentation: 0, total: 0, ignored: 0 },
    });
  });

  it('each change carries classification, kind, location, before, after and message', () => {
    const after = base();
    delete widget(after).properties.size;
    expect(compareSpecs(base(), after).changes[0]).toEqual({
      classification: 'breaking',
      kind: 'property-removed',
      location: `components.schemas.${NS}.widget.properties.size`,
      before: 'integer',
      after: null,
      message: `${NS}.widget: 'size' was removed`,
    });
  });
});

describe('ignore file, changelog and bump', () => {
  it('ignores accepted differences, wildcards allowed, and counts them', () => {
    const after = base();
    widget(after).description = 'x';
    const ignore = parseIgnore(
      'ignore:\n  - kind: "*-description-changed"\n    location: "components.schemas.*"\n    reason: wording only\n',
      'diff-ignore.yaml',
    );
    expect(compareSpecs(base(), after, ignore).summary).toMatchObject({ total: 0, ignored: 1 });
  });

  it.each([
    ['an entry without a reason', 'ignore:\n  - kind: x\n', /has no reason/],
    ['an entry that matches everything', 'ignore:\n  - reason: because\n', /matches everything/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseIgnore(text, 'f.yaml')).toThrow(message);
  });

  it('markdown groups changes for a changelog', () => {
    const after = base();
    delete widget(after).properties.size;
    widget(after).properties.label = { type: 'string' };
    const md = renderMarkdown(compareSpecs(base(), after));
    expect(md).toMatch(
      /### Breaking changes\n\n- `components\.schemas\.microsoft\.graph\.contoso\.widget\.properties\.size`: .*'size' was removed/,
    );
    expect(md).toMatch(/### Non-breaking changes/);
  });

  it.each([
    ['breaking on 0.x', 'breaking', '0.3.0', 'minor'],
    ['breaking from 1.0', 'breaking', '1.2.0', 'major'],
    ['non-breaking', 'non-breaking', '0.3.0', 'minor'],
    ['documentation', 'documentation', '1.0.0', 'patch'],
  ] as const)('%s → %s', (_name, level, version, bump) => {
    const summary = {
      breaking: level === 'breaking' ? 1 : 0,
      nonBreaking: level === 'non-breaking' ? 1 : 0,
      documentation: level === 'documentation' ? 1 : 0,
      total: 1,
      ignored: 0,
    };
    expect(bumpFor({ changes: [], summary }, version)).toBe(bump);
  });
});
