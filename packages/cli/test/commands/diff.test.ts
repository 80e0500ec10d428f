import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/index.js';
import { captureIO } from '../capture.js';

const shared = fileURLToPath(new URL('../../../../../shared/', import.meta.url));
const seeds = `${shared}seeds/`;
const corpus = `${shared}graph-docs/`;
const work = mkdtempSync(join(tmpdir(), 'sds-diff-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const seed = (prefix: string) => {
  const name = readdirSync(seeds).find((f) => f.startsWith(`${prefix}_`));
  if (!name) throw new Error(`no seed ${prefix}`);
  return readFileSync(seeds + name, 'utf8');
};

/** The seeds laid out as docs pages, with revision 002 (draft) or 003 (published) of the update page. */
function seedFolder(revision: '002' | '003'): string {
  const dir = join(work, `seeds-${revision}`);
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'api'), { recursive: true });
  writeFileSync(join(dir, 'resources/industrydata-classgroupprovisioningflow.md'), seed('000'));
  writeFileSync(join(dir, 'resources/industrydata-securitygroupprovisioningflow.md'), seed('001'));
  writeFileSync(join(dir, 'resources/industrydata-outboundprovisioningflowset.md'), seed('004'));
  writeFileSync(join(dir, 'api/industrydata-classgroupprovisioningflow-update.md'), seed(revision));
  return dir;
}

async function diffJson(...args: string[]) {
  const io = captureIO();
  const code = await main(['diff', ...args, '--json'], io);
  return {
    code,
    result: JSON.parse(io.out) as {
      changes: {
        classification: string;
        kind: string;
        location: string;
        before: unknown;
        after: unknown;
        message: string;
      }[];
      summary: Record<string, number | string>;
      defects: { before: boolean; after: boolean; note: string };
    },
  };
}

describe.skipIf(!existsSync(seeds))('sds diff on the real revisions (seeds 002 → 003)', () => {
  it('reports, on one operation, the path change, 200 → 204 and readinessStatus no longer accepted, all breaking', async () => {
    const { code, result } = await diffJson(seedFolder('002'), seedFolder('003'));
    expect(code).toBe(0);
    const kinds = result.changes.map((c) => `${c.kind}:${c.classification}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'operation-moved:breaking',
        'status-changed:breaking',
        'request-property-removed:breaking',
      ]),
    );
    expect(result.summary.verdict).toBe('breaking');
    expect(kinds).not.toContain('operation-removed:breaking');
    expect(kinds).not.toContain('operation-added:non-breaking');
    const status = result.changes.find((c) => c.kind === 'status-changed');
    expect([status?.before, status?.after]).toEqual([200, 204]);
    expect(
      result.changes.find(
        (c) => c.kind === 'request-property-removed' && c.location.endsWith('.readinessStatus'),
      ),
    ).toBeDefined();
    const moved = result.changes.find((c) => c.kind === 'operation-moved');
    expect(moved?.before).toBe('PATCH /classGroupProvisioningFlow');
    expect(moved?.after).toBe(
      'PATCH /external/industryData/outboundProvisioningFlowSets/{outboundProvisioningFlowSetId}/provisioningFlows/{provisioningFlowId}',
    );
  });

  it('--format github: an ::error annotation on the page and line of each breaking change', async () => {
    const io = captureIO({}, work);
    expect(await main(['diff', seedFolder('002'), seedFolder('003'), '--format', 'github'], io)).toBe(0);
    const status = io.out.split('\n').find((l) => l.includes('status-changed'));
    expect(status).toMatch(
      /^::error file=seeds-003\/api\/industrydata-classgroupprovisioningflow-update\.md,line=\d+,title=breaking%3A status-changed::.*the success status changed from 200 to 204/,
    );
    expect(io.out).toMatch(/^::error file=.*title=breaking%3A request-property-removed::.*readinessStatus/m);
    expect(io.out.trimEnd().split('\n').at(-1)).toMatch(
      /^::notice title=sds diff::\d+ breaking, .*: breaking$/,
    );
  });

  it('--fail-on breaking exits 1; --markdown writes a changelog', async () => {
    const md = join(work, 'changes.md');
    const io = captureIO();
    expect(
      await main(
        ['diff', seedFolder('002'), seedFolder('003'), '--fail-on', 'breaking', '--markdown', md],
        io,
      ),
    ).toBe(1);
    expect(readFileSync(md, 'utf8')).toMatch(
      /### Breaking changes[\s\S]*the success status changed from 200 to 204/,
    );
    expect(io.out).toMatch(/\d+ breaking, \d+ non-breaking/);
  });
});

/** Each of these extracts the 181 pages once or twice: seconds, more on a busy machine. */
const corpusTimeout = { timeout: 60_000 };

describe.skipIf(!existsSync(corpus))('sds diff on the full corpus', () => {
  it('two identical folders: no change at all', corpusTimeout, async () => {
    const { code, result } = await diffJson(corpus, corpus);
    expect(code).toBe(0);
    expect(result.changes).toEqual([]);
  });

  it(
    'the corpus with the classGroup update page replaced by the draft (002): at least one breaking change',
    corpusTimeout,
    async () => {
      const copy = join(work, 'corpus-002');
      cpSync(corpus, copy, { recursive: true });
      writeFileSync(
        join(copy, 'api-reference/beta/api/industrydata-classgroupprovisioningflow-update.md'),
        seed('002'),
      );
      const { result } = await diffJson(corpus, copy);
      expect(result.summary.breaking).toBeGreaterThanOrEqual(1);
    },
  );

  it(
    'a docs folder against the committed spec: no change (the spec is up to date)',
    corpusTimeout,
    async () => {
      const spec = fileURLToPath(new URL('../../../../specs/industrydata/openapi.yaml', import.meta.url));
      const { result } = await diffJson(spec, corpus);
      expect(result.changes).toEqual([]);
      expect(result.defects).toMatchObject({ before: false, after: true });
      expect(result.defects.note).toMatch(/^the old side is a spec file, which carries no docs diagnostics/);
    },
  );
});

describe('sds diff usage', () => {
  it.each([
    ['one side', ['diff', '/tmp'], /give two sides/],
    ['a missing side', ['diff', '/no/such', '/tmp'], /does not exist/],
    [
      'a bad --fail-on',
      ['diff', '/tmp', '/tmp', '--fail-on', 'some'],
      /--fail-on takes 'breaking', 'non-breaking' or 'any', not 'some'/,
    ],
    [
      'a bad --format',
      ['diff', '/tmp', '/tmp', '--format', 'gihub'],
      /--format takes 'text', 'markdown' or 'github', not 'gihub'; did you mean 'github'\?/,
    ],
    [
      '--json with --format',
      ['diff', '/tmp', '/tmp', '--json', '--format', 'github'],
      /--json and --format github both choose the output: give one/,
    ],
  ])('%s is bad usage (exit 2)', async (_name, argv, message) => {
    const io = captureIO();
    expect(await main(argv, io)).toBe(2);
    expect(io.err).toMatch(message);
  });
});

describe.skipIf(!existsSync(seeds))('sds regen', () => {
  it('after a docs change: writes the spec, the client and a changeset with the implied bump', async () => {
    const dir = join(work, 'regen');
    const spec = join(dir, 'specs/openapi.yaml');
    mkdirSync(join(dir, 'specs'), { recursive: true });
    // The committed state is the draft revision; the docs now hold the published one.
    const first = captureIO();
    expect(
      await main(
        [
          'regen',
          '--docs',
          seedFolder('002'),
          '--spec',
          spec,
          '--client',
          join(dir, 'client'),
          '--changesets',
          join(dir, 'changesets'),
        ],
        first,
      ),
    ).toBe(0);
    const io = captureIO();
    expect(
      await main(
        [
          'regen',
          '--docs',
          seedFolder('003'),
          '--spec',
          spec,
          '--client',
          join(dir, 'client'),
          '--changesets',
          join(dir, 'changesets'),
        ],
        io,
      ),
    ).toBe(0);
    expect(io.out).toMatch(/changeset: .*\(minor: breaking, and the client is 0\.x\)/);
    const changesets = readdirSync(join(dir, 'changesets'));
    const latest = changesets
      .map((f) => readFileSync(join(dir, 'changesets', f), 'utf8'))
      .find((t) => t.includes('200 to 204'));
    expect(latest).toMatch(
      /^---\n"@sds-toolkit\/client": minor\n---\n\n## Graph docs changes\n\n### Breaking changes/,
    );
    expect(existsSync(join(dir, 'client/models/industryData/index.ts'))).toBe(true);
    expect(readFileSync(spec, 'utf8')).toContain('204');
  });

  it('when nothing changed, nothing is written', async () => {
    const dir = join(work, 'regen-same');
    const spec = join(dir, 'openapi.yaml');
    const args = [
      'regen',
      '--docs',
      seedFolder('003'),
      '--spec',
      spec,
      '--client',
      join(dir, 'client'),
      '--changesets',
      join(dir, 'changesets'),
    ];
    await main(args, captureIO());
    rmSync(join(dir, 'changesets'), { recursive: true, force: true });
    const io = captureIO();
    expect(await main(args, io)).toBe(0);
    expect(io.out).toMatch(/no changes: .* already matches the docs; nothing written/);
    expect(existsSync(join(dir, 'changesets'))).toBe(false);
  });
});
