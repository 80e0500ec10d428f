import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/index.js';
import { captureIO } from '../capture.js';

// The contract suites themselves run in @sds-toolkit/contract-tests' own test task (and in `sds pipeline`'s
// stage 5); running them here too would run them twice in `pnpm verify`. These check the command's edges.
describe('sds contracts', () => {
  it('a scenarios folder that does not exist is a usage error naming it, before anything runs', async () => {
    const io = captureIO({});
    expect(await main(['contracts', '--scenarios', 'no/such/folder'], io)).toBe(2);
    expect(io.err).toMatch(
      /^sds contracts: --scenarios no\/such\/folder is not a folder: give the folder of the scenario files \(\*\.yaml\)/,
    );
    expect(io.err.trim().split('\n')).toHaveLength(1);
  });

  // #18/#20 regression (user trial): an empty folder ran every suite (~30 s) and ended in vitest's own output.
  it('a scenarios folder without scenario files is a usage error, before anything runs', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'sds-no-scenarios-'));
    writeFileSync(join(empty, 'notes.txt'), 'not a scenario\n');
    const io = captureIO({});
    try {
      expect(await main(['contracts', '--scenarios', empty], io)).toBe(2);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    expect(io.err.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^sds contracts: --scenarios .* holds no scenario file \(\*\.yaml\): give the folder/,
      ),
    ]);
  });

  it('--help says where outcomes come from', async () => {
    const io = captureIO({});
    expect(await main(['contracts', '--help'], io)).toBe(0);
    expect(io.out).toContain("through vitest's Node API");
    expect(io.out).toContain('--scenarios <dir>');
  });
});
