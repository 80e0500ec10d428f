import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { describe, expect, it } from 'vitest';

// Runs on the built package: turbo builds it before the tests.
const pkgDir = fileURLToPath(new URL('..', import.meta.url));

describe('the published package', () => {
  it('is publint clean', async () => {
    const { messages } = await publint({ pkgDir, level: 'suggestion' });
    expect(messages.map((m) => `${m.type} ${m.code} ${JSON.stringify(m.args)}`)).toEqual([]);
  }, 60_000);

  it('resolves types and code for ESM consumers (arethetypeswrong, esm-only like the Kiota runtime)', () => {
    const attw = fileURLToPath(new URL('../node_modules/.bin/attw', import.meta.url));
    const result = spawnSync(attw, ['--pack', '.', '--profile', 'esm-only', '--format', 'json'], {
      cwd: pkgDir,
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as {
      analysis: { problems: { kind: string; resolutionKind?: string }[] };
    };
    const problems = report.analysis.problems.filter(
      (p) => p.resolutionKind !== 'node10' && p.resolutionKind !== 'node16-cjs',
    );
    expect(problems).toEqual([]);
  }, 60_000);
});
