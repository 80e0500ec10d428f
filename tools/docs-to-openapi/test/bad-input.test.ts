import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DocsFolderError, extractFromFolder } from '../src/index.js';

const folders: string[] = [];
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

function docsWith(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'sds-docs-'));
  folders.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const resourcePage = (name: string, extra = '') => `---
title: "${name} resource type"
doc_type: resourcePageType
---

# ${name} resource type

Namespace: microsoft.graph.contoso

${extra}

## Properties

| Property | Type | Description |
|:--|:--|:--|
| id | String | The id. |

<!-- { "blockType": "resource", "keyProperty": "id", "@odata.type": "microsoft.graph.contoso.${name}" } -->

\`\`\`json
{ "id": "String" }
\`\`\`
`;

describe('bad input never crashes the extractor', () => {
  it('malformed front matter is reported and the page is still read', () => {
    const page = resourcePage('widget').replace('doc_type: resourcePageType', 'doc_type: [unclosed');
    const { diagnostics, spec } = extractFromFolder(docsWith({ 'resources/contoso-widget.md': page }));
    expect(diagnostics.map((d) => d.code)).toContain('front-matter-invalid');
    expect(spec.components.schemas['microsoft.graph.contoso.widget']).toBeDefined();
  });

  it('an unterminated code fence swallows the rest of the page but does not crash', () => {
    const page = `${resourcePage('widget').replace(/```\n$/, '')}\n## More\n\ntext`;
    const { spec } = extractFromFolder(docsWith({ 'resources/contoso-widget.md': page }));
    expect(spec.components.schemas['microsoft.graph.contoso.widget']).toBeDefined();
  });

  it('invalid example JSON is reported and the example left out', () => {
    const api = `---
title: "Get widget"
doc_type: apiPageType
---

# Get widget

Get a [widget](../resources/contoso-widget.md).

## HTTP request

\`\`\`http
GET /contoso/widgets/{id}
\`\`\`

## Response

If successful, this method returns a \`200 OK\` response code and a [widget](../resources/contoso-widget.md) object in the response body.

### Response

<!-- { "blockType": "response" } -->

\`\`\`http
HTTP/1.1 200 OK

{ "id": 'single quotes' }
\`\`\`
`;
    const { diagnostics, spec } = extractFromFolder(
      docsWith({ 'resources/contoso-widget.md': resourcePage('widget'), 'api/contoso-widget-get.md': api }),
    );
    expect(diagnostics.find((d) => d.code === 'example-json-invalid')).toMatchObject({
      file: 'api/contoso-widget-get.md',
      line: 27,
    });
    expect(
      spec.paths['/contoso/widgets/{widgetId}']?.get?.responses['200']?.content?.['application/json']
        ?.examples,
    ).toBeUndefined();
  });

  it('a binary file is reported and skipped', () => {
    const { diagnostics } = extractFromFolder(
      docsWith({
        'resources/contoso-widget.md': resourcePage('widget'),
        'resources/contoso-logo.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]),
      }),
    );
    expect(diagnostics.find((d) => d.code === 'page-binary')).toMatchObject({
      file: 'resources/contoso-logo.md',
      severity: 'error',
    });
  });

  it('an empty file is reported and skipped', () => {
    const { diagnostics } = extractFromFolder(
      docsWith({ 'resources/contoso-widget.md': resourcePage('widget'), 'api/empty.md': '' }),
    );
    expect(diagnostics.find((d) => d.code === 'page-empty')).toMatchObject({ file: 'api/empty.md' });
  });

  it('a 5 MB page (a large response example) is read, the example kept', () => {
    const items = Array.from(
      { length: 80_000 },
      (_, i) => `    { "id": "w${i}", "note": "filler item ${i} of a very large example" }`,
    ).join(',\n');
    const api = `---
title: "List widgets"
doc_type: apiPageType
---

# List widgets

List [widget](../resources/contoso-widget.md) objects.

## HTTP request

\`\`\`http
GET /contoso/widgets
\`\`\`

## Response

If successful, this method returns a \`200 OK\` response code and a collection of [widget](../resources/contoso-widget.md) objects in the response body.

<!-- { "blockType": "response" } -->

\`\`\`http
HTTP/1.1 200 OK

{
  "value": [
${items}
  ]
}
\`\`\`
`;
    expect(api.length).toBeGreaterThan(5_000_000);
    const { spec } = extractFromFolder(
      docsWith({ 'resources/contoso-widget.md': resourcePage('widget'), 'api/contoso-widget-list.md': api }),
    );
    const example =
      spec.paths['/contoso/widgets']?.get?.responses['200']?.content?.['application/json']?.examples;
    const [first] = Object.values(example ?? {});
    expect((first?.value as { value: unknown[] } | undefined)?.value).toHaveLength(80_000);
    // Speed is measured by the benchmark; here only "no crash, nothing lost", with room for a loaded CI machine.
  }, 60_000);

  it('a BOM and CRLF line endings are read like plain LF text', () => {
    const page = `\uFEFF${resourcePage('widget').replaceAll('\n', '\r\n')}`;
    const { spec, diagnostics } = extractFromFolder(docsWith({ 'resources/contoso-widget.md': page }));
    expect(spec.components.schemas['microsoft.graph.contoso.widget']).toBeDefined();
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it.each([
    ['a folder that does not exist', () => join(tmpdir(), 'sds-no-such-folder-4711')],
    ['a folder without docs pages', () => docsWith({ 'README.md': '# hi' })],
  ])('%s is a DocsFolderError that says what is expected', (_name, folder) => {
    expect(() => extractFromFolder(folder())).toThrow(DocsFolderError);
  });
});
