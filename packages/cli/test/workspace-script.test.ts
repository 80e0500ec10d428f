import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv } from './run.js';

/**
 * `pnpm sds …` is a script of the repository root; from a package folder pnpm looks for it in that package and
 * fails silently under -s (exit 254). `pnpm -w sds …` (what the README says) runs the root's from anywhere, and
 * paths typed relative to the folder the user is in still resolve from there (pnpm's INIT_CWD).
 */
const packageFolder = fileURLToPath(new URL('..', import.meta.url));

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
