import type { Diagnostic } from '@sds-toolkit/openapi-model';
import { describe, expect, it } from 'vitest';
import { compareSpecs, renameTypes } from '../src/index.js';
import { base, NS, update, widget } from './spec-fixture.js';

const d = (code: string, file: string, message: string, line = 10): Diagnostic => ({
  code,
  severity: 'warning',
  message,
  file,
  line,
});

/** The update page lost a request-body row; what explains it depends on the diagnostics of each side. */
function rowLost() {
  const after = base();
  delete update(after)['x-docs-accepted-properties'][`${NS}.widget`].colour;
  return after;
}
const stray = d(
  'table-stray-row',
  'api/contoso-widget-update.md',
  "a request-body row does not name a property ('| colour'); it is skipped",
  44,
);

describe('changes a docs defect explains', () => {
  // A subtype's update page (contoso-gizmo-update) documents the same PATCH: its type joins the request body.
  const withGizmoPage = () => {
    const s = base();
    update(s)['x-docs-pages'] = ['contoso-gizmo-update', 'contoso-widget-update'];
    return s;
  };
  const widgetOnly = () => {
    const s = base();
    update(s).requestBody.content['application/json'].schema = { $ref: `#/components/schemas/${NS}.widget` };
    return s;
  };
  const unplaced = d(
    'operation-unplaced',
    'api/contoso-gizmo-update.md',
    "no usable request path; the page 'Update gizmo' is left out of the spec",
  );

  it('a subtype page that lost its request line: the type it brought is gone as a docs defect, not breaking', () => {
    const result = compareSpecs(withGizmoPage(), widgetOnly(), [], {
      diagnostics: { before: [], after: [unplaced] },
    });
    expect(result.changes.find((c) => c.kind === 'request-type-removed')).toMatchObject({
      classification: 'docs-defect',
      defect: { code: 'operation-unplaced', side: 'after', apparent: 'breaking' },
    });
    expect(result.summary.breaking).toBe(0);
  });

  it('its request line mended: the type it brings is a docs defect fixed, not an API addition', () => {
    const result = compareSpecs(widgetOnly(), withGizmoPage(), [], {
      diagnostics: { before: [unplaced], after: [] },
    });
    expect(result.changes.find((c) => c.kind === 'request-type-added')).toMatchObject({
      classification: 'docs-defect',
      defect: { code: 'operation-unplaced', side: 'before', apparent: 'non-breaking' },
    });
    expect(result.summary.verdict).toBe('docs-defect');
  });

  it('a row lost with a defect the new page introduced on that page: docs-defect, with the defect', () => {
    const result = compareSpecs(base(), rowLost(), [], { diagnostics: { before: [], after: [stray] } });
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]).toMatchObject({
      kind: 'request-property-removed',
      classification: 'docs-defect',
      defect: {
        code: 'table-stray-row',
        file: 'api/contoso-widget-update.md',
        line: 44,
        side: 'after',
        apparent: 'breaking',
      },
    });
    expect(result.summary).toMatchObject({ breaking: 0, docsDefect: 1, verdict: 'docs-defect' });
    expect(result.defects).toEqual({ before: true, after: true, note: '' });
  });

  it('the same defect on both sides explains nothing new: the loss is an API change', () => {
    const result = compareSpecs(base(), rowLost(), [], {
      diagnostics: { before: [stray], after: [{ ...stray, line: 47 }] },
    });
    expect(result.changes[0]).toMatchObject({ classification: 'breaking', defect: null });
  });

  it('a defect on another page, or of a code that cannot cause the change, explains nothing', () => {
    const elsewhere = { ...stray, file: 'api/contoso-widget-list.md' };
    const unrelated = d('example-property-unknown', 'api/contoso-widget-update.md', "'x' is not a property");
    for (const defect of [elsewhere, unrelated]) {
      const result = compareSpecs(base(), rowLost(), [], { diagnostics: { before: [], after: [defect] } });
      expect(result.summary.verdict).toBe('breaking');
      // …and the defect itself is reported, as introduced.
      expect(result.changes.map((c) => c.kind)).toContain('docs-defect-introduced');
    }
  });

  it('a fixed defect explains a row regained', () => {
    const result = compareSpecs(rowLost(), base(), [], { diagnostics: { before: [stray], after: [] } });
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]).toMatchObject({
      kind: 'request-property-added',
      classification: 'docs-defect',
      defect: { side: 'before', apparent: 'non-breaking' },
    });
  });

  it('a status lost with the example that gave it: status-unknown carries the defects', () => {
    const after = base();
    update(after).responses = { '2XX': { description: 'Success' } };
    const broken = d(
      'example-json-invalid',
      'api/contoso-widget-update.md',
      'the response example is not JSON',
    );
    const unknown = d('response-status-unknown', 'api/contoso-widget-update.md', 'no success status stated');
    const result = compareSpecs(base(), after, [], { diagnostics: { before: [], after: [broken, unknown] } });
    // Both defects explain the one change: neither is listed again on its own.
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]).toMatchObject({
      kind: 'status-unknown',
      defect: { code: 'example-json-invalid' },
    });
  });

  it('information is not a defect; lines and numbers in messages do not make a defect new', () => {
    const info: Diagnostic = {
      ...d('link-outside-folder', 'api/contoso-widget-update.md', 'outside'),
      severity: 'info',
    };
    const cut = d(
      'table-cut',
      'api/contoso-widget-update.md',
      'a stray line ends the table of line 40 early',
      43,
    );
    const result = compareSpecs(base(), base(), [], {
      diagnostics: {
        before: [{ ...cut, line: 50, message: cut.message.replace('40', '47') }],
        after: [cut, info],
      },
    });
    expect(result.changes).toEqual([]);
  });

  it('a defect on another page that names the type explains its respelling (links and examples spell it)', () => {
    const after = renameTypes(base(), new Map([[`${NS}.widget`, `${NS}.Widget`]]));
    const casing = d(
      'type-name-casing',
      'api/contoso-widget-list.md',
      `'${NS}.Widget' is written ${NS}.widget on its own page; using ${NS}.widget`,
    );
    const other = d(
      'type-name-casing',
      'api/contoso-widget-list.md',
      `'${NS}.widgetry' is written ${NS}.Widgetry`,
    );
    const result = compareSpecs(after, base(), [], { diagnostics: { before: [casing, other], after: [] } });
    expect(result.changes.map((c) => [c.kind, c.classification, c.defect?.code])).toEqual([
      ['docs-defect-fixed', 'docs-defect', undefined],
      ['type-name-casing-changed', 'documentation', 'type-name-casing'],
    ]);
    expect(result.changes[0]?.message).toContain('widgetry');
  });

  it('a defect reworded (the pages it names changed) is the same defect, neither fixed nor introduced', () => {
    const before = d(
      'draft-superseded',
      'api/contoso-widget-update.md',
      'draft page superseded by a.md, b.md',
    );
    const after = d(
      'draft-superseded',
      'api/contoso-widget-update.md',
      'draft page superseded by a.md, b.md, c.md',
    );
    const twice = [
      after,
      d('draft-superseded', 'api/contoso-widget-update.md', 'draft page superseded by d.md'),
    ];
    expect(
      compareSpecs(base(), base(), [], { diagnostics: { before: [before], after: [after] } }).changes,
    ).toEqual([]);
    const result = compareSpecs(base(), base(), [], { diagnostics: { before: [before], after: twice } });
    expect(result.changes.map((c) => c.message)).toEqual(['draft-superseded: draft page superseded by d.md']);
  });

  describe('with a spec file on one side', () => {
    it('the new side a docs folder: its defects explain, none is listed as introduced, and the note says so', () => {
      const result = compareSpecs(base(), rowLost(), [], {
        diagnostics: { after: [stray, d('table-cut', 'api/x.md', 'cut')] },
      });
      expect(result.changes.map((c) => `${c.kind} ${c.classification}`)).toEqual([
        'request-property-removed docs-defect',
      ]);
      expect(result.defects).toMatchObject({ before: false, after: true });
      expect(result.defects.note).toMatch(/the old side is a spec file, which carries no docs diagnostics/);
    });

    it('two spec files: nothing explained, and the note says a docs defect cannot be told from an API change', () => {
      const result = compareSpecs(base(), rowLost());
      expect(result.summary.verdict).toBe('breaking');
      expect(result.defects.note).toMatch(
        /old and new sides are spec files.*cannot be told from an API change/,
      );
    });
  });

  it('a change that is no API change keeps its class, with the defect that explains it', () => {
    const after = base();
    widget(after).properties.colour.description = 'How big.';
    const swapped = d(
      'description-swapped',
      'resources/contoso-widget.md',
      'the descriptions of colour and size are swapped',
    );
    const result = compareSpecs(base(), after, [], { diagnostics: { before: [], after: [swapped] } });
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]).toMatchObject({
      kind: 'property-description-changed',
      classification: 'documentation',
      defect: { code: 'description-swapped', apparent: 'documentation' },
    });
  });
});
