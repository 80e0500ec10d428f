import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { changeKinds } from '@sds-toolkit/spec-diff';
import { afterAll, describe, expect, it } from 'vitest';
import { all, diffJson, type Edits, fixture, replace, revision, work } from '../docs-revisions.js';

afterAll(work.remove);

/**
 * Every change kind end to end: `sds diff <old folder> <new folder> --json` on small docs pages written for this
 * test (test/fixtures/docs-revisions: a widget, a gizmo that inherits from it, an enum page, a list, an update
 * and an action), each case an edit of those pages, as a docs revision would make it.
 */
const widget = 'resources/contoso-widget.md';
const gizmo = 'resources/contoso-gizmo.md';
const enums = 'resources/enums-contoso.md';
const list = 'api/contoso-widget-list.md';
const update = 'api/contoso-widget-update.md';
const polish = 'api/contoso-widget-polish.md';
const listPermissions = 'includes/permissions/contoso-widget-list-permissions.md';
const polishRow =
  '| [Polish](../api/contoso-widget-polish.md)         | None                                      | Polish a widget.  |\n';

/** A new API page of our own, documenting one more operation of the widget. */
const getPage = `---
title: "Get widget"
doc_type: apiPageType
---

# Get widget

Namespace: microsoft.graph.contoso

Read a [widget](../resources/contoso-widget.md).

## HTTP request

\`\`\`http
GET /contoso/widgets/{id}
\`\`\`

## Response

If successful, this method returns a \`200 OK\` response code and a [widget](../resources/contoso-widget.md) object in the response body.
`;

/** A subtype page of the update: the same URL, for gizmos. */
const gizmoUpdatePage = `---
title: "Update gizmo"
doc_type: apiPageType
---

# Update gizmo

Namespace: microsoft.graph.contoso

Change the properties of a [gizmo](../resources/contoso-gizmo.md).

## Permissions

| Permission type                        | Least privileged permissions | Higher privileged permissions |
| :------------------------------------- | :--------------------------- | :---------------------------- |
| Delegated (work or school account)     | Widget.ReadWrite.All         | Not available.                |
| Delegated (personal Microsoft account) | Not supported.               | Not supported.                |
| Application                            | Widget.ReadWrite.All         | Not available.                |

## HTTP request

\`\`\`http
PATCH /contoso/widgets/{id}
\`\`\`

## Request body

| Property | Type  | Description                |
| :------- | :---- | :------------------------- |
| teeth    | Int32 | How many teeth. Optional.  |

## Response

If successful, this method returns a \`204 No Content\` response code.
`;
const gizmoMethods = replace(
  'Inherits from [widget](contoso-widget.md).\n',
  'Inherits from [widget](contoso-widget.md).\n\n## Methods\n\n| Method | Return type | Description |\n| :-- | :-- | :-- |\n| [Update gizmo](../api/contoso-gizmo-update.md) | None | Change a gizmo. |\n',
);

/** The gizmo update page with an empty request block, as a draft has it. */
const gizmoUpdateWithoutRequest = replace(
  '```http\nPATCH /contoso/widgets/{id}\n```',
  '```http\n```',
)(gizmoUpdatePage);

const sprocketPage = `---
title: "sprocket resource type"
doc_type: resourcePageType
---

# sprocket resource type

Namespace: microsoft.graph.contoso

A widget that turns.

Inherits from [widget](contoso-widget.md).

## Properties

| Property | Type  | Description     |
| :------- | :---- | :-------------- |
| speed    | Int32 | Turns a minute. |

## JSON representation

<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.contoso.sprocket" } -->

\`\`\`json
{ "speed": "Int32" }
\`\`\`
`;

interface Case {
  readonly kind: string;
  readonly name: string;
  readonly after: Edits;
  readonly before?: Edits;
  /** The diff's verdict (its most severe change). */
  readonly verdict: string;
  /** The change's classification, when a docs defect explains it (else the kind's own). */
  readonly classification?: string;
}

const cases: Case[] = [
  // operations
  {
    kind: 'operation-removed',
    name: 'the polish page deleted and its Methods-table row with it',
    after: { [polish]: null, [widget]: replace(polishRow, '') },
    verdict: 'breaking',
  },
  {
    kind: 'operation-unlisted',
    name: 'the Methods-table row removed, the polish page left in place',
    after: { [widget]: replace(polishRow, '') },
    verdict: 'breaking',
  },
  {
    kind: 'operation-undocumented',
    name: 'the polish page deleted, its Methods-table row kept',
    after: { [polish]: null },
    verdict: 'docs-defect',
  },
  {
    kind: 'operation-undocumented',
    name: 'a Methods-table row added before its page',
    after: {
      [widget]: replace(
        polishRow,
        `${polishRow}| [Spin](../api/contoso-widget-spin.md) | None | Spin it. |\n`,
      ),
    },
    verdict: 'docs-defect',
  },
  {
    kind: 'operation-moved',
    name: 'the action at another URL, on the same page',
    after: { [polish]: replace('POST /contoso/widgets/{id}/polish', 'POST /contoso/widgets/{id}/buff') },
    verdict: 'breaking',
  },
  {
    kind: 'operation-id-changed',
    name: 'the action renamed (its id follows the path)',
    after: { [polish]: replace('POST /contoso/widgets/{id}/polish', 'POST /contoso/widgets/{id}/buff') },
    verdict: 'breaking',
  },
  {
    kind: 'method-changed',
    name: 'the action’s page says PUT',
    after: { [polish]: replace('POST /contoso/widgets/{id}/polish', 'PUT /contoso/widgets/{id}/polish') },
    verdict: 'breaking',
  },
  {
    kind: 'operation-added',
    name: 'a new page, linked by the Methods table',
    after: {
      'api/contoso-widget-get.md': getPage,
      [widget]: replace(
        polishRow,
        `${polishRow}| [Get widget](../api/contoso-widget-get.md) | widget | Read one. |\n`,
      ),
    },
    verdict: 'non-breaking',
  },
  {
    kind: 'operation-listed',
    name: 'a Methods-table row added for a page that was there',
    before: { [widget]: replace(polishRow, '') },
    after: {},
    verdict: 'non-breaking',
  },
  {
    kind: 'operation-listing-changed',
    name: 'the gizmo page lists the update too',
    after: {
      [gizmo]: replace(
        'Inherits from [widget](contoso-widget.md).\n',
        'Inherits from [widget](contoso-widget.md).\n\n## Methods\n\n| Method | Return type | Description |\n| :-- | :-- | :-- |\n| [Update widget](../api/contoso-widget-update.md) | None | Change it. |\n',
      ),
    },
    verdict: 'documentation',
  },
  {
    kind: 'page-moved',
    name: 'the polish page renamed, the Methods table following',
    after: {
      [polish]: null,
      'api/contoso-widget-shine.md': (text) => text || readFileSync(join(fixture, polish), 'utf8'),
      [widget]: replace('../api/contoso-widget-polish.md', '../api/contoso-widget-shine.md'),
    },
    verdict: 'documentation',
  },
  {
    kind: 'page-moved',
    name: 'the gizmo resource page renamed',
    after: {
      [gizmo]: null,
      'resources/contoso-gizmos.md': () => readFileSync(join(fixture, gizmo), 'utf8'),
    },
    verdict: 'documentation',
  },
  {
    kind: 'operation-pages-changed',
    name: 'a gizmo page documents the update too',
    after: { 'api/contoso-gizmo-update.md': gizmoUpdatePage, [gizmo]: gizmoMethods },
    verdict: 'non-breaking', // the body now also accepts a gizmo: request-type-added
  },
  {
    kind: 'operation-description-changed',
    name: 'the update page’s introduction reworded',
    after: { [update]: replace('Change the properties of a', 'Set the properties of a') },
    verdict: 'documentation',
  },
  // requests
  {
    kind: 'request-type-removed',
    name: 'the gizmo update page gone',
    before: { 'api/contoso-gizmo-update.md': gizmoUpdatePage, [gizmo]: gizmoMethods },
    after: {},
    verdict: 'breaking',
  },
  {
    kind: 'request-type-added',
    name: 'a gizmo update page',
    after: { 'api/contoso-gizmo-update.md': gizmoUpdatePage, [gizmo]: gizmoMethods },
    verdict: 'non-breaking',
  },
  {
    kind: 'request-type-removed',
    name: 'the gizmo’s update page lost its request line (a docs defect, not the API)',
    before: { [gizmo]: gizmoMethods, 'api/contoso-gizmo-update.md': gizmoUpdatePage },
    after: {
      [gizmo]: gizmoMethods,
      'api/contoso-gizmo-update.md': gizmoUpdateWithoutRequest,
    },
    classification: 'docs-defect',
    verdict: 'docs-defect',
  },
  {
    kind: 'request-type-added',
    name: 'the gizmo’s update page got its request line back (a docs defect fixed)',
    before: {
      [gizmo]: gizmoMethods,
      'api/contoso-gizmo-update.md': gizmoUpdateWithoutRequest,
    },
    after: { [gizmo]: gizmoMethods, 'api/contoso-gizmo-update.md': gizmoUpdatePage },
    classification: 'docs-defect',
    verdict: 'docs-defect',
  },
  {
    kind: 'request-body-required',
    name: 'the action now takes parameters',
    after: {
      [polish]: replace(
        "Don't supply a request body for this method.",
        'In the request body, supply the parameters.\n\n| Parameter | Type | Description |\n| :-- | :-- | :-- |\n| grit | Int32 | How coarse. Required. |',
      ),
    },
    verdict: 'breaking',
  },
  {
    kind: 'accepted-properties-narrowed',
    name: 'a request-body table where the page took the whole object',
    before: {
      [update]: replace(
        /\| Property \| Type[\s\S]*?Required\. +\|\n/,
        'In the request body, supply a JSON representation of the [widget](../resources/contoso-widget.md) object.\n',
      ),
    },
    after: {},
    verdict: 'breaking',
  },
  {
    kind: 'accepted-properties-widened',
    name: 'the request-body table replaced by the whole object',
    after: {
      [update]: replace(
        /\| Property \| Type[\s\S]*?Required\. +\|\n/,
        'In the request body, supply a JSON representation of the [widget](../resources/contoso-widget.md) object.\n',
      ),
    },
    verdict: 'non-breaking',
  },
  {
    kind: 'request-property-removed',
    name: 'the colour row gone from the request-body table',
    after: {
      [update]: replace(
        /\| colour +\| microsoft\.graph\.contoso\.widgetColour \| Its new colour\. Optional\. +\|\n/,
        '',
      ),
    },
    verdict: 'breaking',
  },
  {
    kind: 'newly-required',
    name: 'colour now Required',
    after: { [update]: replace('Its new colour. Optional.', 'Its new colour. Required.') },
    verdict: 'breaking',
  },
  {
    kind: 'no-longer-required',
    name: 'size now Optional',
    after: { [update]: replace('Its new size. Required.', 'Its new size. Optional.') },
    verdict: 'non-breaking',
  },
  {
    kind: 'request-property-added',
    name: 'a new optional row',
    after: {
      [update]: replace(
        '| size     | Int32 ',
        '| finish   | String                               | Its new finish. Optional.       |\n| size     | Int32 ',
      ),
    },
    verdict: 'non-breaking',
  },
  {
    kind: 'query-parameter-removed',
    name: '$filter no longer named',
    after: {
      [list]: replace('the `$top` and `$filter` OData query parameters', 'the `$top` OData query parameter'),
    },
    verdict: 'breaking',
  },
  {
    kind: 'query-parameter-added',
    name: '$select named too',
    after: { [list]: replace('the `$top` and `$filter`', 'the `$top`, `$select` and `$filter`') },
    verdict: 'non-breaking',
  },
  // responses
  {
    kind: 'status-changed',
    name: 'the update returns 200 and the widget',
    after: {
      [update]: replace(
        'this method returns a `204 No Content` response code.',
        'this method returns a `200 OK` response code and an updated [widget](../resources/contoso-widget.md) object in the response body.',
      ),
    },
    verdict: 'breaking',
  },
  {
    kind: 'response-body-added',
    name: 'the update returns the widget (with 200)',
    after: {
      [update]: replace(
        'this method returns a `204 No Content` response code.',
        'this method returns a `200 OK` response code and an updated [widget](../resources/contoso-widget.md) object in the response body.',
      ),
    },
    verdict: 'breaking',
  },
  {
    kind: 'response-body-removed',
    name: 'the list says nothing of a body',
    after: {
      [list]: replace(
        ' and a collection of [widget](../resources/contoso-widget.md) objects in the response body.',
        '.',
      ),
    },
    verdict: 'breaking',
  },
  {
    kind: 'response-type-changed',
    name: 'the list returns gizmos',
    after: {
      [list]: replace(
        'a collection of [widget](../resources/contoso-widget.md) objects in the response body',
        'a collection of [gizmo](../resources/contoso-gizmo.md) objects in the response body',
      ),
    },
    verdict: 'breaking',
  },
  {
    kind: 'status-unknown',
    name: 'the polish page no longer states its status',
    after: {
      [polish]: replace(
        'If successful, this action returns a `204 No Content` response code.',
        'If successful, the widget shines.',
      ),
    },
    verdict: 'docs-defect',
  },
  {
    kind: 'status-stated',
    name: 'the polish page now states its status',
    before: {
      [polish]: replace(
        'If successful, this action returns a `204 No Content` response code.',
        'If successful, the widget shines.',
      ),
    },
    after: {},
    verdict: 'documentation',
  },
  // permissions
  {
    kind: 'permission-narrowed',
    name: 'Widget.ReadWrite.All no longer grants listing',
    after: {
      [listPermissions]: replace('| Widget.ReadWrite.All          |', '| Not available.                |'),
    },
    verdict: 'breaking',
  },
  {
    kind: 'permission-widened',
    name: 'application permissions now supported',
    after: {
      [listPermissions]: replace(
        '| Application                            | Not supported.               | Not supported.                |',
        '| Application                            | Widget.Read.All              | Widget.ReadWrite.All          |',
      ),
    },
    verdict: 'non-breaking',
  },
  {
    kind: 'permissions-undocumented',
    name: 'the permissions include deleted',
    after: { [listPermissions]: null },
    verdict: 'docs-defect',
  },
  {
    kind: 'permissions-documented',
    name: 'the missing include restored',
    before: { [listPermissions]: null },
    after: {},
    verdict: 'documentation',
  },
  // types
  {
    kind: 'schema-removed',
    name: 'the gizmo page deleted',
    after: { [gizmo]: null },
    verdict: 'breaking',
  },
  {
    kind: 'schema-added',
    name: 'a sprocket page',
    after: { 'resources/contoso-sprocket.md': sprocketPage },
    verdict: 'non-breaking',
  },
  {
    kind: 'discriminator-mapping-added',
    name: 'a new subtype of widget',
    after: { 'resources/contoso-sprocket.md': sprocketPage },
    verdict: 'non-breaking',
  },
  {
    kind: 'base-type-changed',
    name: 'gizmo no longer inherits from widget',
    after: { [gizmo]: replace('Inherits from [widget](contoso-widget.md).\n', '') },
    verdict: 'breaking',
  },
  {
    kind: 'discriminator-mapping-removed',
    name: 'gizmo no longer a widget',
    after: { [gizmo]: replace('Inherits from [widget](contoso-widget.md).\n', '') },
    verdict: 'breaking',
  },
  {
    kind: 'enum-member-removed',
    name: 'green gone',
    after: { [enums]: replace('| green              |\n', '') },
    verdict: 'breaking',
  },
  {
    kind: 'enum-member-added',
    name: 'blue added',
    after: {
      [enums]: replace('| green              |\n', '| green              |\n| blue               |\n'),
    },
    verdict: 'non-breaking',
  },
  {
    kind: 'type-name-casing-changed',
    name: 'the gizmo page spells its type Gizmo',
    after: {
      [gizmo]: replace(
        '"@odata.type": "microsoft.graph.contoso.gizmo"',
        '"@odata.type": "microsoft.graph.contoso.Gizmo"',
      ),
    },
    verdict: 'documentation',
  },
  {
    kind: 'type-resolved',
    name: 'finishKind, which no page documented, now an enum with its page',
    after: {
      [enums]: (text) =>
        `${text}\n### finishKind values\n\n| Member |\n| :-- |\n| matte |\n| gloss |\n| unknownFutureValue |\n`,
    },
    verdict: 'documentation',
  },
  {
    kind: 'type-became-unknown',
    name: 'colour typed by a name no page documents',
    after: {
      [widget]: replace(
        '| colour     | microsoft.graph.contoso.widgetColour  |',
        '| colour     | microsoft.graph.contoso.paintCode     |',
      ),
    },
    verdict: 'docs-defect',
  },
  {
    kind: 'abstract-changed',
    name: 'the widget page no longer says it is an abstract type',
    after: { [widget]: replace(' This is an abstract type.', '') },
    verdict: 'documentation',
  },
  {
    kind: 'schema-description-changed',
    name: 'the widget page’s introduction reworded',
    after: { [widget]: replace('A widget made on the shop floor.', 'A widget, made on the shop floor.') },
    verdict: 'documentation',
  },
  // properties
  {
    kind: 'property-removed',
    name: 'the size row gone',
    after: { [widget]: all(replace(/\| size .*\n/, ''), replace(',\n  "size": "Int32"', '')) },
    verdict: 'breaking',
  },
  {
    kind: 'property-renamed',
    name: 'size spelled sizes',
    after: {
      [widget]: all(
        replace('| size       |', '| sizes      |'),
        replace('"size": "Int32"', '"sizes": "Int32"'),
      ),
    },
    verdict: 'breaking',
  },
  {
    kind: 'property-type-changed',
    name: 'size Int32 → Int64',
    after: {
      [widget]: all(
        replace('| size       | Int32 ', '| size       | Int64 '),
        replace('"size": "Int32"', '"size": "Int64"'),
      ),
    },
    verdict: 'breaking',
  },
  {
    kind: 'made-read-only',
    name: 'size read-only',
    after: {
      [widget]: replace('How big it is, in millimetres.', 'How big it is, in millimetres. Read-only.'),
    },
    verdict: 'breaking',
  },
  {
    kind: 'no-longer-read-only',
    name: 'size writable again',
    before: {
      [widget]: replace('How big it is, in millimetres.', 'How big it is, in millimetres. Read-only.'),
    },
    after: {},
    verdict: 'non-breaking',
  },
  {
    kind: 'deprecation-added',
    name: 'size deprecated, with the date it goes',
    after: {
      [widget]: replace(
        'How big it is, in millimetres.',
        'How big it is, in millimetres. Deprecated: this property will be removed on October 15, 2026. Use `dimensions` instead.',
      ),
    },
    verdict: 'non-breaking',
  },
  {
    kind: 'deprecation-withdrawn',
    name: 'legacyCode no longer deprecated',
    after: {
      [widget]: replace('The code of the old catalogue. Deprecated.', 'The code of the old catalogue.'),
    },
    verdict: 'non-breaking',
  },
  {
    kind: 'removal-date-changed',
    name: 'legacyCode gets its removal date',
    after: {
      [widget]: replace(
        'The code of the old catalogue. Deprecated.',
        'The code of the old catalogue. Deprecated. It will be removed on 31 January 2027.',
      ),
    },
    verdict: 'non-breaking',
  },
  {
    kind: 'property-added',
    name: 'a label row',
    after: {
      [widget]: all(
        replace(
          '| legacyCode |',
          '| label      | String                                | What it is called.                              |\n| legacyCode |',
        ),
        replace('"legacyCode": "String",', '"label": "String",\n  "legacyCode": "String",'),
      ),
    },
    verdict: 'non-breaking',
  },
  {
    kind: 'property-description-changed',
    name: 'size described differently',
    after: { [widget]: replace('How big it is, in millimetres.', 'Its length, in millimetres.') },
    verdict: 'documentation',
  },
  // docs defects
  {
    kind: 'docs-defect-introduced',
    name: 'a stray indented | cuts the request-body table (the extractor mends it)',
    after: {
      [update]: replace(
        '| Its new colour. Optional.       |\n',
        '| Its new colour. Optional.       |\n    |\n',
      ),
    },
    verdict: 'docs-defect',
  },
  {
    kind: 'docs-defect-fixed',
    name: 'the stray | removed',
    before: {
      [update]: replace(
        '| Its new colour. Optional.       |\n',
        '| Its new colour. Optional.       |\n    |\n',
      ),
    },
    after: {},
    verdict: 'docs-defect',
  },
  {
    kind: 'docs-defect-fixed',
    name: 'a Methods-table row whose page was never there, dropped',
    before: {
      [widget]: replace(
        polishRow,
        `${polishRow}| [Spin](../api/contoso-widget-spin.md) | None | Spin it. |\n`,
      ),
    },
    after: {},
    verdict: 'docs-defect',
  },
  {
    kind: 'docs-defect-introduced',
    name: 'the request example’s JSON broken',
    after: { [update]: replace('"size": 40\n', '"size": 40,\n  "note": "unterminated\n') },
    verdict: 'docs-defect',
  },
];

/** Kinds no docs revision can produce on its own, with the reason; every other kind must have a case. */
const notFromPages: Record<string, string> = {
  'request-body-added':
    'the extractor marks every request body a page documents as required (request-body-required); an optional body is covered on specs in tools/spec-diff/test/kinds.test.ts',
};

describe('every change kind, from docs pages (old folder → new folder)', () => {
  it('has a case, or a reason it cannot come from pages alone', () => {
    const covered = new Set([...cases.map((c) => c.kind), ...Object.keys(notFromPages)]);
    expect(changeKinds.map((k) => k.kind).filter((k) => !covered.has(k))).toEqual([]);
  });

  it.concurrent.each(cases)('$kind: $name → verdict $verdict', async (c) => {
    const { changes, summary } = await diffJson(revision(c.before), revision(c.after));
    const rule = changeKinds.find((k) => k.kind === c.kind);
    const found = changes.filter((x) => x.kind === c.kind);
    const shown = JSON.stringify(changes, null, 2);
    expect(found.length, shown).toBeGreaterThan(0);
    for (const x of found) expect(x.classification, shown).toBe(c.classification ?? rule?.classification);
    expect(summary.verdict, shown).toBe(c.verdict);
  });
});

describe('revisions that change no API', () => {
  it('an identical folder: no change at all', async () => {
    const result = await diffJson(revision(), revision());
    expect(result.changes).toEqual([]);
    expect(result.summary.verdict).toBe('none');
    expect(result.defects).toEqual({ before: true, after: true, note: '' });
  });

  it('formatting only (table padding, blank lines, heading levels, reflowed prose, JSON layout): no change', async () => {
    const { changes } = await diffJson(
      revision(),
      revision({
        [widget]: all(
          replace(
            '| colour     | microsoft.graph.contoso.widgetColour  | Its colour.                                     |',
            '|colour|microsoft.graph.contoso.widgetColour|Its colour.|',
          ),
          replace('## Properties', '### Properties'),
          replace('A widget made on the shop floor.', 'A widget made\non the shop floor.'),
          replace(/"colour": "String",\n {2}"finish"/, '"colour": "String", "finish"'),
        ),
        [update]: all(
          replace('## Response\n', '## Response\n\n\n'),
          replace('"colour": "green",\n  "size": 40', '"colour":"green","size":40'),
        ),
        [list]: replace(/\n## HTTP request/, '\n\n## HTTP request'),
      }),
    );
    expect(changes).toEqual([]);
  });

  it('prose only (notes, example titles, a sentence that names no property): no API change', async () => {
    const { summary } = await diffJson(
      revision(),
      revision({
        [update]: all(
          replace('## Examples\n', '## Examples\n\nThe following example shows how to repaint a widget.\n'),
          replace(
            '### Request\n',
            '### Request\n\n> [!NOTE]\n> Widgets repainted twice in a day are inspected.\n',
          ),
        ),
        [widget]: replace('## Methods\n', '> [!TIP]\n> Polished widgets sell better.\n\n## Methods\n'),
      }),
    );
    expect(['none', 'documentation']).toContain(summary.verdict);
    expect(summary.breaking).toBe(0);
    expect(summary.nonBreaking).toBe(0);
  });
});
