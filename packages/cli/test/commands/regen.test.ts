import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/index.js';
import { captureIO } from '../capture.js';
import { replace, revision, work } from '../docs-revisions.js';

afterAll(work.remove);

/** The small docs pages of test/fixtures/docs-revisions, regenerated into a folder of the test's own. */
async function regen(docs: string, into: string, json = false) {
  const io = captureIO();
  const code = await main(
    [
      'regen',
      '--docs',
      docs,
      '--spec',
      join(into, 'openapi.yaml'),
      '--client',
      join(into, 'client'),
      '--changesets',
      join(into, 'changesets'),
      ...(json ? ['--json'] : []),
    ],
    io,
  );
  return { code, out: io.out };
}

const changesets = (into: string) =>
  readdirSync(join(into, 'changesets')).map((f) => readFileSync(join(into, 'changesets', f), 'utf8'));

describe('sds regen: the changeset bump is the most severe change’s', () => {
  it.each([
    [
      'non-breaking',
      'minor',
      { 'api/contoso-widget-update.md': replace('Its new size. Required.', 'Its new size. Optional.') },
    ],
    [
      'documentation',
      'patch',
      { 'resources/contoso-widget.md': replace('Its colour.', 'The colour it is painted.') },
    ],
    [
      'docs-defect',
      'patch',
      {
        'api/contoso-widget-polish.md': replace(
          'If successful, this action returns a `204 No Content` response code.',
          'If successful, the widget shines.',
        ),
      },
    ],
  ] as const)('a %s revision → %s', async (verdict, bump, edits) => {
    const into = join(work.root, `regen-${verdict}`);
    expect((await regen(revision(), into)).code).toBe(0);
    const { code, out } = await regen(revision(edits), into, true);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result).toMatchObject({ changed: true, spec: { verdict }, bump });
    const text = changesets(into).find((t) => t.includes(`"@sds-toolkit/client": ${bump}`));
    expect(text).toBeDefined();
  });

  it('docs defects are named in the output and in the changeset, apart from API changes', async () => {
    const into = join(work.root, 'regen-defect-text');
    await regen(revision(), into);
    const { out } = await regen(
      revision({
        'api/contoso-widget-polish.md': replace(
          'If successful, this action returns a `204 No Content` response code.',
          'If successful, the widget shines.',
        ),
      }),
      into,
    );
    expect(out).toMatch(
      /spec changes: 0 breaking, 0 non-breaking, 0 documentation, 1 docs defects: docs-defect\n/,
    );
    expect(out).toMatch(
      /docs defects: 1 of the changes come from defects of the docs pages, not from the API/,
    );
    expect(out).toMatch(/changeset: .* \(patch\)/);
    const latest = changesets(into).find((t) => t.includes('Docs defects'));
    expect(latest).toMatch(
      /### Docs defects \(not API changes\)\n\n- `POST \/contoso\/widgets\/\{widgetId\}\/polish`: no page states the success status any more \(was 204\)/,
    );
  });
});
