import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv } from './run.js';

/**
 * #20 regression: `pnpm -s sds …` run from a package folder printed nothing and exited 254 (pnpm looks for the
 * script in that package). Every workspace package now has an `sds` script; `pnpm -w sds …` runs the root's.
 * Either way, paths typed relative to the folder the user is in resolve from there (pnpm's INIT_CWD).
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));
const packageFolder = fileURLToPath(new URL('..', import.meta.url));
/** A folder inside another package, so neither the root nor the cli package is where pnpm starts. */
const deepFolder = join(root, 'tools', 'spec-diff', 'src');

/** The pnpm running these tests (`pnpm run` sets npm_execpath), else the one on PATH. */
function findPnpm(): readonly string[] | undefined {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath))
    return /\.c?js$/.test(execPath) ? [process.execPath, execPath] : [execPath];
  return spawnSync('pnpm', ['--version'], { encoding: 'utf8' }).status === 0 ? ['pnpm'] : undefined;
}
const pnpm = findPnpm();

function run(
  args: readonly string[],
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const [command = 'pnpm', ...prefix] = pnpm ?? [];
  return new Promise((resolve) => {
    const child = execFile(
      command,
      [...prefix, ...args],
      { cwd, env: cleanEnv(), encoding: 'utf8' },
      (_e, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

const work = mkdtempSync(join(tmpdir(), 'sds-pnpm-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!pnpm)('pnpm -s sds, from a folder inside a package', () => {
  it('runs the command', { timeout: 60_000 }, async () => {
    const result = await run(['-s', 'sds', '--version'], deepFolder);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('resolves a relative path from the folder it was run in', { timeout: 60_000 }, async () => {
    const payload = join(work, 'deep.json');
    writeFileSync(payload, JSON.stringify({ displayName: 'x' }));
    const args = ['validate', relative(deepFolder, payload), '--operation', 'createFlowSet', '--json'];
    const result = await run(['-s', 'sds', ...args], deepFolder);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([]);
  });

  it('every workspace package has the script, running the same command as the root', () => {
    const manifests = spawnSync('git', ['ls-files', '*package.json'], { cwd: root, encoding: 'utf8' })
      .stdout.split('\n')
      .filter((file) => file !== '' && file !== 'package.json');
    expect(manifests.length).toBeGreaterThan(5);
    const bin = join(root, 'packages', 'cli', 'src', 'bin.ts');
    for (const manifest of manifests) {
      const script: string = JSON.parse(readFileSync(join(root, manifest), 'utf8')).scripts?.sds ?? '';
      const [command, condition, entry = ''] = script.split(' ');
      expect([command, condition], manifest).toEqual(['tsx', '--conditions=development']);
      expect(resolve(root, dirname(manifest), entry), manifest).toBe(bin);
    }
  });
});

describe.skipIf(!pnpm)('pnpm -w -s sds, from a package folder', () => {
  it('runs the command', { timeout: 60_000 }, async () => {
    const result = await run(['-w', '-s', 'sds', '--version'], packageFolder);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('resolves a relative path from the folder it was run in', { timeout: 60_000 }, async () => {
    const payload = join(work, 'set.json');
    writeFileSync(payload, JSON.stringify({ displayName: 'x' }));
    const result = await run(
      [
        '-w',
        '-s',
        'sds',
        'validate',
        relative(packageFolder, payload),
        '--operation',
        'createFlowSet',
        '--json',
      ],
      packageFolder,
    );
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(expect.any(Array));
  });
});

if (!pnpm) console.warn('skipping the pnpm -w tests: no pnpm on PATH and not run by pnpm');
