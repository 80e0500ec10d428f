import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/index.js';
import { captureIO } from '../capture.js';

const fixtures = fileURLToPath(new URL('../../../../tools/docs-to-openapi/test/fixtures/', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'sds-extract-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('sds extract', () => {
  it('writes the spec, docs.lock.json and the diagnostics file, and exits 0 with warnings', async () => {
    const io = captureIO();
    const code = await main(
      [
        'extract',
        '--docs',
        `${fixtures}defects`,
        '--out',
        join(out, 'a/openapi.yaml'),
        '--diagnostics',
        join(out, 'diag.json'),
        '--dump-ir',
        join(out, 'ir.json'),
      ],
      io,
    );
    expect(code).toBe(0);
    expect(readFileSync(join(out, 'a/openapi.yaml'), 'utf8')).toMatch(/^# GENERATED FILE/);
    expect(JSON.parse(readFileSync(join(out, 'a/docs.lock.json'), 'utf8')).pages[0]).toMatchObject({
      path: 'api/contoso-kettle-list.md',
    });
    const diagnostics = JSON.parse(readFileSync(join(out, 'diag.json'), 'utf8'));
    expect(Object.keys(diagnostics[0]).sort()).toEqual(['code', 'file', 'line', 'message', 'severity']);
    expect(JSON.parse(readFileSync(join(out, 'ir.json'), 'utf8')).types.length).toBeGreaterThan(0);
    expect(io.err).toMatch(/^resources\/contoso-kettle\.md:\d+: warning link-broken: /m);
    // Each defect names its page on learn.microsoft.com as well as its file:line in the docs folder.
    expect(io.err).toMatch(
      /^resources\/contoso-kettle\.md:\d+: warning link-broken: .* \(https:\/\/learn\.microsoft\.com\/graph\/api\/resources\/contoso-kettle\?view=graph-rest-beta\)$/m,
    );
    expect(io.out).toMatch(/diagnostics: \d+ errors, \d+ warnings/);
  });

  it('--strict fails (exit 1) when a diagnostic is an error', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const docs = join(out, 'binary-docs');
    mkdirSync(join(docs, 'resources'), { recursive: true });
    writeFileSync(join(docs, 'resources/x.md'), Buffer.from([0, 1, 2]));
    const args = ['extract', '--docs', docs, '--out', join(out, 'b/openapi.yaml')];
    expect(await main(args, captureIO())).toBe(0);
    const io = captureIO();
    expect(await main([...args, '--strict'], io)).toBe(1);
    expect(io.err).toContain('error page-binary');
  });

  it('takes the docs folder from GRAPH_DOCS_DIR and resolves relative paths from INIT_CWD', async () => {
    const io = captureIO({ GRAPH_DOCS_DIR: `${fixtures}enums`, INIT_CWD: out }, '/');
    expect(await main(['extract', '--out', 'c/openapi.yaml'], io)).toBe(0);
    expect(readFileSync(join(out, 'c/openapi.yaml'), 'utf8')).toContain('microsoft.graph.contoso.colour');
  });

  it.each([
    ['no docs folder', ['extract'], /give the docs folder with --docs/],
    ['a missing docs folder', ['extract', '--docs', '/no/such/folder'], /does not exist/],
    ['an unknown option', ['extract', '--docs', 'x', '--nope'], /unknown option '--nope'/],
    ['a misspelt option', ['extract', '--doc', 'x'], /unknown option '--doc'; did you mean '--docs'\?/],
    [
      'a code --mute does not know',
      [
        'extract',
        '--docs',
        `${fixtures}defects`,
        '--out',
        join(out, 'm/openapi.yaml'),
        '--mute',
        'link-brokn',
      ],
      /'link-brokn' is not a diagnostic code of the extractor; did you mean 'link-broken'\?/,
    ],
  ])('%s is bad usage (exit 2), in one line', async (_name, argv, want) => {
    const io = captureIO({});
    expect(await main(argv, io)).toBe(2);
    expect(io.err).toMatch(want);
    expect(io.err).toMatch(/^sds extract: .* \(see 'sds help extract'\)\n$/);
  });

  it('--summary counts diagnostics per code; --mute leaves codes out and says how many', async () => {
    const args = [
      'extract',
      '--docs',
      `${fixtures}defects`,
      '--out',
      join(out, 's/openapi.yaml'),
      '--verbose',
    ];
    const all = captureIO();
    expect(await main([...args, '--json'], all)).toBe(0);
    const summary = JSON.parse(all.out);
    const broken = summary.byCode.find((c: { code: string }) => c.code === 'link-broken');
    expect(broken).toEqual({ code: 'link-broken', severity: 'warning', count: 1 });

    const io = captureIO();
    expect(
      await main(
        [...args, '--summary', '--mute', 'link-broken', '--mute', 'example-json-repaired,table-stray-row'],
        io,
      ),
    ).toBe(0);
    expect(io.err).not.toContain('link-broken');
    expect(io.err).toMatch(/^\s+\d+ {2}warning {2}type-name-mismatch$/m);
    expect(io.err.split('\n').filter(Boolean)).toHaveLength(summary.byCode.length - 3);
    expect(io.out).toMatch(/, 3 muted\n/);
  });
});

// #12/#20 regression (user trial): a folder of five pages copied out of the docs overwrote the committed spec
// (47 operations down to 3) with exit 0; a folder of one unrelated page wrote an empty spec without a word.
describe('a folder that holds only part of the docs the spec came from', () => {
  const full = `${fixtures}methods-tables`;

  it('is refused when it lacks most pages of the lock beside --out: nothing written, exit 2', async () => {
    const spec = join(out, 'partial/openapi.yaml');
    expect(await main(['extract', '--docs', full, '--out', spec], captureIO())).toBe(0);
    const written = readFileSync(spec, 'utf8');
    const few = join(out, 'few-pages');
    cpSync(full, few, { recursive: true });
    for (const page of readdirSync(join(few, 'api')).slice(1)) rmSync(join(few, 'api', page));
    rmSync(join(few, 'resources'), { recursive: true, force: true });
    const io = captureIO();
    expect(await main(['extract', '--docs', few, '--out', spec], io)).toBe(2);
    expect(io.err).toMatch(
      /lacks \d+ of the \d+ pages .*docs\.lock\.json lists for .*: writing would drop most of the spec, so nothing was written; .*--allow-partial/,
    );
    expect(readFileSync(spec, 'utf8')).toBe(written);
    expect(await main(['extract', '--docs', few, '--out', spec, '--allow-partial'], captureIO())).toBe(0);
    expect(readFileSync(spec, 'utf8')).not.toBe(written);
  });

  it('a folder that documents nothing is written with a warning saying so', async () => {
    const docs = join(out, 'unrelated');
    mkdirSync(join(docs, 'api'), { recursive: true });
    writeFileSync(join(docs, 'api/notes.md'), '# Notes\n\nNothing of an API here.\n');
    const io = captureIO();
    expect(await main(['extract', '--docs', docs, '--out', join(out, 'unrelated/openapi.yaml')], io)).toBe(0);
    expect(io.err).toMatch(
      /^warning: the 1 page in .* document no operation and no resource: is it the docs folder you meant/m,
    );
  });
});
