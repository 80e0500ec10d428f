import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/index.js';
import { captureIO } from '../capture.js';
import { replace, revision, work } from '../docs-revisions.js';

afterAll(work.remove);

const widget = 'resources/contoso-widget.md';
const update = 'api/contoso-widget-update.md';
/** One revision per verdict, from the small docs pages of test/fixtures/docs-revisions. */
const base = revision();
const revisions = {
  breaking: revision({ [update]: replace('Its new colour. Optional.', 'Its new colour. Required.') }),
  'non-breaking': revision({ [update]: replace('Its new size. Required.', 'Its new size. Optional.') }),
  documentation: revision({ [widget]: replace('Its colour.', 'The colour it is painted.') }),
  'docs-defect': revision({
    [update]: replace(
      '| Its new colour. Optional.       |\n',
      '| Its new colour. Optional.       |\n    |\n',
    ),
  }),
  none: revision(),
} as const;

async function diff(...args: string[]) {
  const io = captureIO({}, work.root);
  const code = await main(['diff', ...args], io);
  return { code, out: io.out, err: io.err };
}

describe('sds diff --fail-on', () => {
  it.each([
    // [the revision's verdict, --fail-on, exit code]
    ['breaking', 'breaking', 1],
    ['non-breaking', 'breaking', 0],
    ['breaking', 'non-breaking', 1],
    ['non-breaking', 'non-breaking', 1],
    ['documentation', 'non-breaking', 0],
    ['docs-defect', 'non-breaking', 0],
    ['documentation', 'any', 1],
    ['docs-defect', 'any', 1],
    ['none', 'any', 0],
  ] as const)('a %s revision with --fail-on %s exits %i', async (verdict, level, code) => {
    const run = await diff(base, revisions[verdict], '--fail-on', level, '--json');
    expect(JSON.parse(run.out).summary.verdict).toBe(verdict);
    expect(run.code).toBe(code);
  });
});

describe('sds diff output formats', () => {
  it('text: each change, then the counts and the verdict', async () => {
    const { out } = await diff(base, revisions.breaking);
    expect(out).toMatch(
      /^breaking +newly-required +PATCH \/contoso\/widgets\/\{widgetId\} microsoft\.graph\.contoso\.widget\.colour\n/,
    );
    expect(out).toMatch(/\n1 breaking, 0 non-breaking, 0 documentation, 0 docs defects: breaking\n$/);
  });

  it('a docs defect: named with its page and line, and no API change', async () => {
    const { out } = await diff(base, revisions['docs-defect']);
    expect(out).toMatch(
      /^docs-defect +docs-defect-introduced +api\/contoso-widget-update\.md#L\d+\n +table-cut: /,
    );
    expect(out).toMatch(/0 breaking, 0 non-breaking, 0 documentation, 1 docs defects: docs-defect/);
  });

  it('--format github: annotations on the page of the new folder, relative to where the command runs', async () => {
    const { out } = await diff(base, revisions.breaking, '--format', 'github');
    const folder = revisions.breaking.slice(work.root.length + 1);
    expect(out.split('\n')[0]).toMatch(
      new RegExp(
        `^::error file=${folder}/api/contoso-widget-update\\.md,line=\\d+,title=breaking%3A newly-required::`,
      ),
    );
  });

  it('--format markdown prints the changelog; --markdown writes it too', async () => {
    const file = join(work.root, 'changes.md');
    const { out } = await diff(base, revisions['docs-defect'], '--format', 'markdown', '--markdown', file);
    expect(out).toMatch(
      /^## API changes\n\n### Docs defects \(not API changes\)\n\n- `api\/contoso-widget-update\.md#L\d+`: table-cut: /,
    );
    expect(readFileSync(file, 'utf8')).toBe(out);
  });

  it('--json: the documented shape', async () => {
    const { out } = await diff(base, revisions['non-breaking'], '--json');
    const result = JSON.parse(out);
    expect(Object.keys(result)).toEqual(['changes', 'summary', 'defects']);
    expect(result.changes[0]).toEqual({
      classification: 'non-breaking',
      kind: 'no-longer-required',
      location: 'PATCH /contoso/widgets/{widgetId} microsoft.graph.contoso.widget.size',
      before: true,
      after: false,
      message: "microsoft.graph.contoso.widget: 'size' is no longer required",
      why: 'requests that send it are still valid',
      source: { file: 'api/contoso-widget-update.md', line: expect.any(Number), side: 'after' },
      defect: null,
    });
    expect(result.defects).toEqual({ before: true, after: true, note: '' });
  });
});
