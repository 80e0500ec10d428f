import type { Diagnostic } from '@sds-toolkit/openapi-model';
import { describe, expect, it } from 'vitest';
import { changeKinds, compareSpecs, type DiffOptions, renameTypes } from '../src/index.js';
import { base, colour, gizmo, list, NS, polish, ref, update, widget } from './spec-fixture.js';

type Edit = (s: any) => void;
const none: Edit = () => {};

interface Row {
  /** The change kind the row shows. */
  readonly kind: string;
  readonly name: string;
  readonly after: Edit;
  readonly before?: Edit;
  readonly diagnostics?: DiffOptions['diagnostics'];
  /** The diff's verdict: the kind's own classification, unless the edit brings a more severe change with it. */
  readonly verdict: string;
}

const diagnostic = (code: string, file: string, message: string, line = 10): Diagnostic => ({
  code,
  severity: 'warning',
  message,
  file,
  line,
});

/** The polish action taking an object of parameters (a Parameter | Type | Description table), of no named type. */
const parameters =
  (props: Record<string, boolean>, required = true): Edit =>
  (s) =>
    (polish(s).requestBody = {
      required,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: Object.fromEntries(Object.keys(props).map((n) => [n, { type: 'integer' }])),
            required: Object.keys(props).filter((n) => props[n]),
          },
        },
      },
    });

/** One row per change kind (several for some): an edit of the small spec, and what the diff must say. */
const rows: Row[] = [
  // operations
  {
    kind: 'operation-removed',
    name: 'an operation gone',
    after: (s) => delete s.paths['/contoso/widgets/{widgetId}/polish'],
    verdict: 'breaking',
  },
  {
    kind: 'operation-unlisted',
    name: 'no Methods table lists it, its page stays',
    after: (s) => (polish(s)['x-docs-listed-by'] = []),
    verdict: 'breaking',
  },
  {
    kind: 'operation-undocumented',
    name: 'its page deleted, the Methods table still lists it',
    after: (s) => delete s.paths['/contoso/widgets/{widgetId}/polish'],
    diagnostics: {
      before: [],
      after: [
        diagnostic(
          'operation-undocumented',
          'resources/contoso-widget.md',
          "the Methods table lists 'polish' (../api/contoso-widget-polish.md), but that page is not in the docs folder",
        ),
      ],
    },
    verdict: 'docs-defect',
  },
  {
    kind: 'operation-undocumented',
    name: 'a Methods-table row added before its page',
    after: none,
    diagnostics: {
      before: [],
      after: [
        diagnostic(
          'operation-undocumented',
          'resources/contoso-widget.md',
          "the Methods table lists 'spin' (../api/contoso-widget-spin.md), but that page is not in the docs folder",
        ),
      ],
    },
    verdict: 'docs-defect',
  },
  {
    kind: 'operation-moved',
    name: 'same operation id at another path',
    after: (s) => {
      s.paths['/contoso/gadgets/{widgetId}/polish'] = s.paths['/contoso/widgets/{widgetId}/polish'];
      delete s.paths['/contoso/widgets/{widgetId}/polish'];
    },
    verdict: 'breaking',
  },
  {
    kind: 'method-changed',
    name: 'same operation id, another method',
    after: (s) => {
      const item = s.paths['/contoso/widgets/{widgetId}/polish'];
      item.put = item.post;
      delete item.post;
    },
    verdict: 'breaking',
  },
  {
    kind: 'operation-id-changed',
    name: 'another operation id, same pages',
    after: (s) => (polish(s).operationId = 'contoso.Polish'),
    verdict: 'breaking',
  },
  {
    kind: 'operation-added',
    name: 'a new operation',
    after: (s) =>
      (s.paths['/contoso/widgets/{widgetId}'].delete = {
        operationId: 'contoso.DeleteWidgets',
        'x-docs-pages': ['contoso-widget-delete'],
        responses: { '204': { description: 'No Content' } },
      }),
    verdict: 'non-breaking',
  },
  {
    kind: 'operation-listed',
    name: 'a Methods table now lists it',
    before: (s) => (polish(s)['x-docs-listed-by'] = []),
    after: none,
    verdict: 'non-breaking',
  },
  {
    kind: 'operation-listing-changed',
    name: 'another Methods table lists it too',
    after: (s) => (polish(s)['x-docs-listed-by'] = ['contoso-root', 'contoso-widget']),
    verdict: 'documentation',
  },
  {
    kind: 'page-moved',
    name: 'the API page renamed',
    after: (s) => {
      update(s)['x-docs-pages'] = ['contoso-widget-edit'];
      update(s)['x-docs-source'] = 'api/contoso-widget-edit.md#L22';
    },
    verdict: 'documentation',
  },
  {
    kind: 'page-moved',
    name: 'the resource page renamed',
    after: (s) => (gizmo(s)['x-docs-source'] = 'resources/contoso-gizmos.md#L12'),
    verdict: 'documentation',
  },
  {
    kind: 'operation-pages-changed',
    name: 'a subtype page documents it too',
    after: (s) => (update(s)['x-docs-pages'] = ['contoso-gizmo-update', 'contoso-widget-update']),
    verdict: 'documentation',
  },
  {
    kind: 'operation-description-changed',
    name: 'the page’s words',
    after: (s) => (update(s).description = 'Change a widget.'),
    verdict: 'documentation',
  },
  // requests
  {
    kind: 'request-type-removed',
    name: 'a subtype no longer accepted',
    after: (s) => (update(s).requestBody.content['application/json'].schema = ref('widget')),
    verdict: 'breaking',
  },
  {
    kind: 'request-body-required',
    name: 'a body now required',
    after: (s) =>
      (polish(s).requestBody = {
        required: true,
        content: { 'application/json': { schema: ref('widget') } },
      }),
    verdict: 'breaking',
  },
  {
    kind: 'accepted-properties-narrowed',
    name: 'a request-body table appears',
    before: (s) => delete update(s)['x-docs-accepted-properties'],
    after: none,
    verdict: 'breaking',
  },
  {
    kind: 'request-property-removed',
    name: 'a row of the request-body table gone',
    after: (s) => delete update(s)['x-docs-accepted-properties'][`${NS}.widget`].colour,
    verdict: 'breaking',
  },
  {
    kind: 'newly-required',
    name: 'an optional request property now required',
    after: (s) => (update(s)['x-docs-accepted-properties'][`${NS}.widget`].colour.required = true),
    verdict: 'breaking',
  },
  {
    kind: 'newly-required',
    name: 'a new required row',
    after: (s) => (update(s)['x-docs-accepted-properties'][`${NS}.widget`].label = { required: true }),
    verdict: 'breaking',
  },
  {
    kind: 'newly-required',
    name: 'a type’s required list grows',
    after: (s) => (widget(s).required = ['size']),
    verdict: 'breaking',
  },
  {
    kind: 'query-parameter-removed',
    name: '$top no longer listed',
    after: (s) => (list(s).parameters = []),
    verdict: 'breaking',
  },
  {
    kind: 'request-body-required',
    name: 'an action now takes parameters, one required (an object of them, no named type)',
    after: parameters({ grit: true }),
    verdict: 'breaking',
  },
  {
    kind: 'request-property-removed',
    name: 'an action parameter gone',
    before: parameters({ grit: false, gloss: false }),
    after: parameters({ grit: false }),
    verdict: 'breaking',
  },
  {
    kind: 'newly-required',
    name: 'an action parameter now required',
    before: parameters({ grit: false }),
    after: parameters({ grit: true }),
    verdict: 'breaking',
  },
  {
    kind: 'request-property-added',
    name: 'an optional action parameter',
    before: parameters({ grit: true }),
    after: parameters({ grit: true, gloss: false }),
    verdict: 'non-breaking',
  },
  {
    kind: 'request-body-added',
    name: 'an action now takes optional parameters',
    after: parameters({ grit: false }, false),
    verdict: 'non-breaking',
  },
  {
    kind: 'request-type-added',
    name: 'a subtype now accepted',
    before: (s) => (update(s).requestBody.content['application/json'].schema = ref('widget')),
    after: none,
    verdict: 'non-breaking',
  },
  {
    kind: 'request-body-added',
    name: 'an optional body',
    after: (s) => (polish(s).requestBody = { content: { 'application/json': { schema: ref('widget') } } }),
    verdict: 'non-breaking',
  },
  {
    kind: 'accepted-properties-widened',
    name: 'the request-body table gone',
    after: (s) => delete update(s)['x-docs-accepted-properties'],
    verdict: 'non-breaking',
  },
  {
    kind: 'request-property-added',
    name: 'a new optional row',
    after: (s) => (update(s)['x-docs-accepted-properties'][`${NS}.widget`].label = { required: false }),
    verdict: 'non-breaking',
  },
  {
    kind: 'no-longer-required',
    name: 'a required row now optional',
    after: (s) => (update(s)['x-docs-accepted-properties'][`${NS}.widget`].size.required = false),
    verdict: 'non-breaking',
  },
  {
    kind: 'query-parameter-added',
    name: '$filter now listed',
    after: (s) => list(s).parameters.push({ $ref: '#/components/parameters/filter' }),
    verdict: 'non-breaking',
  },
  // responses
  {
    kind: 'status-changed',
    name: '204 → 200',
    after: (s) => (update(s).responses = { '200': { description: 'OK' } }),
    verdict: 'breaking',
  },
  {
    kind: 'response-body-removed',
    name: 'the list returns no body',
    after: (s) => delete list(s).responses['200'].content,
    verdict: 'breaking',
  },
  {
    kind: 'response-type-changed',
    name: 'a collection of another type',
    after: (s) =>
      (list(s).responses['200'].content['application/json'].schema.properties.value.items = ref('gizmo')),
    verdict: 'breaking',
  },
  {
    kind: 'status-unknown',
    name: 'no page states the status any more',
    after: (s) => (update(s).responses = { '2XX': { description: 'Success' } }),
    verdict: 'docs-defect',
  },
  {
    kind: 'response-body-added',
    name: 'the action now returns a widget',
    after: (s) => (polish(s).responses['2XX'].content = { 'application/json': { schema: ref('widget') } }),
    verdict: 'non-breaking',
  },
  {
    kind: 'status-stated',
    name: '2XX → 202',
    after: (s) => (polish(s).responses = { '202': { description: 'Accepted' } }),
    verdict: 'documentation',
  },
  // permissions
  {
    kind: 'permission-narrowed',
    name: 'a scope no longer grants access',
    after: (s) => (list(s)['x-permissions'].delegatedWork.higherPrivileged = []),
    verdict: 'breaking',
  },
  {
    kind: 'permissions-undocumented',
    name: 'the permissions table is gone',
    after: (s) => delete list(s)['x-permissions'],
    verdict: 'docs-defect',
  },
  {
    kind: 'permission-widened',
    name: 'application permissions now supported',
    after: (s) =>
      (list(s)['x-permissions'].application = { leastPrivileged: ['Widget.Read.All'], higherPrivileged: [] }),
    verdict: 'non-breaking',
  },
  {
    kind: 'permissions-documented',
    name: 'a permissions table appears',
    before: (s) => delete list(s)['x-permissions'],
    after: none,
    verdict: 'documentation',
  },
  // types
  {
    kind: 'schema-removed',
    name: 'a type gone',
    after: (s) => {
      delete s.components.schemas[`${NS}.publicError`];
      delete widget(s).properties.fault;
    },
    verdict: 'breaking',
  },
  {
    kind: 'enum-member-removed',
    name: 'a member gone',
    after: (s) => colour(s).enum.shift(),
    verdict: 'breaking',
  },
  {
    kind: 'base-type-changed',
    name: 'the subtype no longer inherits',
    after: (s) =>
      (s.components.schemas[`${NS}.gizmo`] = { type: 'object', properties: { teeth: { type: 'integer' } } }),
    verdict: 'breaking',
  },
  {
    kind: 'discriminator-mapping-removed',
    name: 'a derived type no longer mapped',
    after: (s) => (widget(s).discriminator.mapping = {}),
    verdict: 'breaking',
  },
  {
    kind: 'type-became-unknown',
    name: 'a property’s type no longer resolved',
    after: (s) =>
      (widget(s).properties.colour = {
        'x-docs-unresolved-type': `${NS}.colour`,
        description: 'Its colour.',
      }),
    verdict: 'docs-defect',
  },
  {
    kind: 'schema-added',
    name: 'a new type',
    after: (s) => (s.components.schemas[`${NS}.sprocket`] = { type: 'object', properties: {} }),
    verdict: 'non-breaking',
  },
  {
    kind: 'enum-member-added',
    name: 'a new member',
    after: (s) => colour(s).enum.splice(1, 0, 'blue'),
    verdict: 'non-breaking',
  },
  {
    kind: 'discriminator-mapping-added',
    name: 'a new derived type',
    after: (s) => (widget(s).discriminator.mapping[`#${NS}.sprocket`] = ref('sprocket').$ref),
    verdict: 'non-breaking',
  },
  {
    kind: 'type-name-casing-changed',
    name: 'widget respelled Widget (references follow)',
    after: (s) =>
      Object.assign(s, renameTypes(structuredClone(s), new Map([[`${NS}.widget`, `${NS}.Widget`]]))),
    verdict: 'documentation',
  },
  {
    kind: 'type-resolved',
    name: 'an unknown type now an enum',
    after: (s) => (widget(s).properties.finish = { ...ref('colour'), description: 'How it is finished.' }),
    verdict: 'documentation',
  },
  {
    kind: 'type-resolved',
    name: 'a type of another namespace now documented',
    after: (s) =>
      (s.components.schemas[`${NS}.publicError`] = {
        type: 'object',
        properties: { code: { type: 'string' } },
        'x-docs-source': 'resources/contoso-publicerror.md#L9',
      }),
    verdict: 'documentation',
  },
  {
    kind: 'abstract-changed',
    name: 'a base type now documented as abstract',
    after: (s) => (widget(s)['x-ms-abstract'] = true),
    verdict: 'documentation',
  },
  {
    kind: 'abstract-changed',
    name: 'a type no longer documented as abstract',
    before: (s) => (widget(s)['x-ms-abstract'] = true),
    after: none,
    verdict: 'documentation',
  },
  {
    kind: 'schema-description-changed',
    name: 'a type’s words',
    after: (s) => (widget(s).description = 'A better widget.'),
    verdict: 'documentation',
  },
  // properties
  {
    kind: 'property-removed',
    name: 'a property gone',
    after: (s) => delete widget(s).properties.size,
    verdict: 'breaking',
  },
  {
    kind: 'property-renamed',
    name: 'same type, near name',
    after: (s) => {
      widget(s).properties.sizes = widget(s).properties.size;
      delete widget(s).properties.size;
    },
    verdict: 'breaking',
  },
  {
    kind: 'property-type-changed',
    name: 'Int32 → String',
    after: (s) => (widget(s).properties.size = { type: 'string', nullable: true }),
    verdict: 'breaking',
  },
  {
    kind: 'made-read-only',
    name: 'size read-only',
    after: (s) => (widget(s).properties.size.readOnly = true),
    verdict: 'breaking',
  },
  {
    kind: 'deprecation-added',
    name: 'size deprecated, with its removal date',
    after: (s) =>
      Object.assign(widget(s).properties.size, {
        deprecated: true,
        'x-ms-deprecation': { removalDate: '2026-10-15' },
      }),
    verdict: 'non-breaking',
  },
  {
    kind: 'deprecation-withdrawn',
    name: 'legacyCode no longer deprecated',
    after: (s) => delete widget(s).properties.legacyCode.deprecated,
    verdict: 'non-breaking',
  },
  {
    kind: 'removal-date-changed',
    name: 'legacyCode gets a removal date',
    after: (s) => (widget(s).properties.legacyCode['x-ms-deprecation'] = { removalDate: '2027-01-31' }),
    verdict: 'non-breaking',
  },
  {
    kind: 'no-longer-read-only',
    name: 'id writable',
    after: (s) => delete widget(s).properties.id.readOnly,
    verdict: 'non-breaking',
  },
  {
    kind: 'property-added',
    name: 'a new property',
    after: (s) => (widget(s).properties.label = { type: 'string' }),
    verdict: 'non-breaking',
  },
  {
    kind: 'property-description-changed',
    name: 'a property’s words',
    after: (s) => (widget(s).properties.colour.description = 'The colour.'),
    verdict: 'documentation',
  },
  // docs
  {
    kind: 'docs-defect-introduced',
    name: 'a cut table the extractor mended',
    after: none,
    diagnostics: {
      before: [],
      after: [
        diagnostic(
          'table-cut',
          'api/contoso-widget-update.md',
          'a stray line ends the table of line 40 early',
          43,
        ),
      ],
    },
    verdict: 'docs-defect',
  },
  {
    kind: 'docs-defect-fixed',
    name: 'a Methods-table row whose page was missing, dropped',
    after: none,
    diagnostics: {
      before: [
        diagnostic(
          'operation-undocumented',
          'resources/contoso-widget.md',
          "the Methods table lists 'spin' (../api/contoso-widget-spin.md), but that page is not in the docs folder",
        ),
      ],
      after: [],
    },
    verdict: 'docs-defect',
  },
  {
    kind: 'docs-defect-fixed',
    name: 'broken JSON repaired by the page',
    after: none,
    diagnostics: {
      before: [diagnostic('example-json-repaired', 'api/contoso-widget-update.md', 'trailing comma at 12:3')],
      after: [],
    },
    verdict: 'docs-defect',
  },
];

function diff(row: Pick<Row, 'before' | 'after' | 'diagnostics'>) {
  const before = base();
  const after = base();
  row.before?.(before);
  row.after(after);
  return compareSpecs(before, after, [], { diagnostics: row.diagnostics });
}

describe('the rule table', () => {
  it('every kind has a row below', () => {
    const covered = new Set(rows.map((r) => r.kind));
    expect(changeKinds.map((k) => k.kind).filter((k) => !covered.has(k))).toEqual([]);
  });

  it('kinds are unique, each with a reason and a when', () => {
    const names = changeKinds.map((k) => k.kind);
    expect(new Set(names).size).toBe(names.length);
    for (const k of changeKinds)
      expect([k.kind, k.why.length > 10, k.when.length > 10]).toEqual([k.kind, true, true]);
  });

  it.each(rows)('$kind: $name → verdict $verdict', (row) => {
    const result = diff(row);
    const rule = changeKinds.find((k) => k.kind === row.kind);
    const found = result.changes.filter((c) => c.kind === row.kind);
    expect(found.length, JSON.stringify(result.changes, null, 2)).toBeGreaterThan(0);
    for (const c of found) {
      expect(c.classification).toBe(rule?.classification);
      expect(c.why).toBe(rule?.why);
    }
    expect(result.summary.verdict, JSON.stringify(result.changes, null, 2)).toBe(row.verdict);
  });

  it('identical specs: no changes, verdict none', () => {
    expect(compareSpecs(base(), base())).toMatchObject({
      changes: [],
      summary: {
        breaking: 0,
        nonBreaking: 0,
        documentation: 0,
        docsDefect: 0,
        total: 0,
        ignored: 0,
        verdict: 'none',
      },
    });
  });

  it('white space in descriptions, line numbers of sources, example names: no change', () => {
    const after = base();
    widget(after).description = '  A\n widget. ';
    update(after).description = 'Update  a\nwidget.';
    update(after)['x-docs-source'] = 'api/contoso-widget-update.md#L29';
    widget(after)['x-docs-source'] = 'resources/contoso-widget.md#L33';
    update(after)['x-docs-example-names'] = ['update_widget', 'update_widget_e1'];
    expect(compareSpecs(base(), after).changes).toEqual([]);
  });

  it('a type respelled: one change, not a removal, an addition and a type change for every reference', () => {
    const after = renameTypes(base(), new Map([[`${NS}.widget`, `${NS}.Widget`]]));
    const { changes } = compareSpecs(base(), after);
    expect(changes.map((c) => [c.kind, c.before, c.after])).toEqual([
      ['type-name-casing-changed', `${NS}.widget`, `${NS}.Widget`],
    ]);
  });

  it('a property moved to the base type is neither removed nor added', () => {
    const after = base();
    widget(after).properties.teeth = { type: 'integer', nullable: true };
    delete gizmo(after).allOf[1].properties.teeth;
    expect(compareSpecs(base(), after).changes.map((c) => c.kind)).toEqual(['property-added']);
    expect(compareSpecs(base(), after).changes[0]?.location).toBe(
      `components.schemas.${NS}.widget.properties.teeth`,
    );
  });

  it('an operation removed whose page now documents another says so', () => {
    const after = base();
    update(after)['x-docs-pages'] = ['contoso-widget-polish', 'contoso-widget-update'];
    delete after.paths['/contoso/widgets/{widgetId}/polish'];
    const removed = compareSpecs(base(), after).changes.find((c) => c.kind === 'operation-removed');
    expect(removed?.message).toBe(
      'contoso.widgets.widget.polish (POST /contoso/widgets/{widgetId}/polish) was removed; its page contoso-widget-polish now documents PATCH /contoso/widgets/{widgetId}',
    );
  });

  it('a Methods-table row whose page arrived: the operation added, no docs defect fixed besides', () => {
    const before = base();
    delete before.paths['/contoso/widgets/{widgetId}/polish'];
    const missing = diagnostic(
      'operation-undocumented',
      'resources/contoso-widget.md',
      "the Methods table lists 'Polish' (../api/contoso-widget-polish.md), but that page is not in the docs folder",
    );
    const { changes } = compareSpecs(before, base(), [], { diagnostics: { before: [missing], after: [] } });
    expect(changes.map((c) => `${c.kind}:${c.classification}`)).toEqual(['operation-added:non-breaking']);
  });

  it('a deprecated property removed is breaking, and says it was deprecated', () => {
    const after = base();
    delete widget(after).properties.legacyCode;
    const [change] = compareSpecs(base(), after).changes;
    expect(change).toMatchObject({ kind: 'property-removed', classification: 'breaking' });
    expect(change?.message).toMatch(/'legacyCode' was removed \(it was deprecated\)/);
  });
});
