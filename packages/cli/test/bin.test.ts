import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../src/bin.ts', import.meta.url));

function sds(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', '--conditions=development', bin, ...args], {
    encoding: 'utf8',
  });
}

describe('the sds binary', () => {
  it('exits 2 with a helpful message on an unknown command', { timeout: 30_000 }, () => {
    const result = sds('nope');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown command 'nope'");
  });

  it('exits 0 on --help and lists the commands', { timeout: 30_000 }, () => {
    const result = sds('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('pipeline');
  });
});
