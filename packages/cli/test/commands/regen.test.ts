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

  // #20 (user trial): with nothing changed, `spec` was a path string; with changes, an object with counts.
  it('nothing changed: --json has the same shape, with zero counts and no changeset', async () => {
    const into = join(work.root, 'regen-unchanged');
    const docs = revision();
    expect((await regen(docs, into)).code).toBe(0);
    const { code, out } = await regen(docs, into, true);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      changed: false,
      spec: expect.objectContaining({
        file: join(into, 'openapi.yaml'),
        breaking: 0,
        total: 0,
        verdict: 'none',
      }),
      client: null,
      changeset: null,
      bump: null,
    });
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

// #12/#20 regression (user trial): regen on a folder of a few pages copied out of the docs rewrote the spec,
// deleted most of the client and wrote a changeset of breaking changes, all with exit 0.
describe('sds regen on a folder that lacks most pages of the lock', () => {
  it('is refused: nothing written, exit 2; --allow-partial goes on', async () => {
    const into = join(work.root, 'regen-partial');
    expect((await regen(revision(), into)).code).toBe(0);
    const spec = readFileSync(join(into, 'openapi.yaml'), 'utf8');
    const before = changesets(into);
    const few = revision({
      'api/contoso-widget-list.md': null,
      'api/contoso-widget-update.md': null,
      'resources/contoso-gizmo.md': null,
      'resources/contoso-widget.md': null,
      'resources/enums-contoso.md': null,
    });
    const io = captureIO();
    const args = [
      'regen',
      '--docs',
      few,
      '--spec',
      join(into, 'openapi.yaml'),
      '--client',
      join(into, 'client'),
    ];
    const all = [...args, '--changesets', join(into, 'changesets')];
    expect(await main(all, io)).toBe(2);
    expect(io.err).toMatch(/lacks \d+ of the \d+ pages .*: writing would drop most of the spec/);
    expect(readFileSync(join(into, 'openapi.yaml'), 'utf8')).toBe(spec);
    expect(changesets(into)).toEqual(before);
    expect(await main([...all, '--allow-partial'], captureIO())).toBe(0);
    expect(readFileSync(join(into, 'openapi.yaml'), 'utf8')).not.toBe(spec);
  });
});
