import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Runs on the built package (turbo builds it before the tests), packed as it is published: with pnpm, whose
// `publishConfig` replaces the workspace's exports (those carry a `development` condition pointing at src/).
const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
let work: string;
let tarball: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'sds-client-pack-'));
  execFileSync('pnpm', ['pack', '--pack-destination', work], { cwd: pkgDir, stdio: 'pipe' });
  tarball = join(work, `sds-toolkit-client-${manifest.version}.tgz`);
  execFileSync('tar', ['-xzf', tarball, '-C', work]);
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const packed = () => JSON.parse(readFileSync(join(work, 'package', 'package.json'), 'utf8'));

/** `exports` without the `development` condition: what the workspace resolves, as installs resolve it. */
function withoutDevelopment(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).filter(([k]) => k !== 'development');
  if (entries.length === 1 && entries[0]?.[0] === 'default') return entries[0][1];
  return Object.fromEntries(entries.map(([k, v]) => [k, withoutDevelopment(v)]));
}

describe('the published package', () => {
  it('has no development condition, and exports what the workspace does (publishConfig kept in step)', () => {
    expect(JSON.stringify(packed().exports)).not.toContain('development');
    expect(packed().exports).toEqual(withoutDevelopment(manifest.exports));
    expect(packed().private).toBeUndefined();
  });

  it('ships dist/ and the README, no sources', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(files.filter((f) => f.startsWith('package/src/'))).toEqual([]);
    expect(files).toEqual(
      expect.arrayContaining(['package/dist/index.js', 'package/dist/index.cjs', 'package/README.md']),
    );
  });

  it('is publint clean', async () => {
    const { messages } = await publint({ pkgDir, level: 'suggestion', pack: 'pnpm' });
    expect(messages.map((m) => `${m.type} ${m.code} ${JSON.stringify(m.args)}`)).toEqual([]);
  }, 60_000);

  it('resolves types and code for ESM and CommonJS consumers and bundlers (arethetypeswrong, node16 profile)', () => {
    const attw = fileURLToPath(new URL('../node_modules/.bin/attw', import.meta.url));
    // node16 covers require and import under Node's resolution, and bundlers; node10 predates `exports`.
    const result = spawnSync(attw, [tarball, '--profile', 'node16', '--format', 'json'], {
      encoding: 'utf8',
    });
    const report = JSON.parse(result.stdout) as {
      analysis: { problems: { kind: string; resolutionKind?: string }[] };
    };
    expect(report.analysis.problems.filter((p) => p.resolutionKind !== 'node10')).toEqual([]);
    expect(result.status, result.stderr).toBe(0);
  }, 60_000);

  it('require() and import give the same API (the CommonJS build bundles the ESM-only Kiota runtime)', () => {
    const names = (code: string, type: 'commonjs' | 'module') =>
      // In the package folder: the ESM build imports the Kiota runtime from its node_modules.
      execFileSync(process.execPath, ['--input-type', type, '--eval', code], {
        cwd: pkgDir,
        encoding: 'utf8',
      });
    const required = names(
      "process.stdout.write(JSON.stringify(Object.keys(require('./dist/index.cjs')).sort()))",
      'commonjs',
    );
    const imported = names(
      "const m = await import('./dist/index.js'); process.stdout.write(JSON.stringify(Object.keys(m).sort()))",
      'module',
    );
    expect(JSON.parse(required)).toEqual(JSON.parse(imported));
    expect(JSON.parse(required)).toEqual(
      expect.arrayContaining([
        'createIndustryDataAdapter',
        'createIndustryDataClient',
        'IndustryDataError',
        'pageAll',
      ]),
    );
  });
});
