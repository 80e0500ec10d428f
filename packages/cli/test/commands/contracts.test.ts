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

  it('--help says where outcomes come from', async () => {
    const io = captureIO({});
    expect(await main(['contracts', '--help'], io)).toBe(0);
    expect(io.out).toContain("through vitest's Node API");
    expect(io.out).toContain('--scenarios <dir>');
  });
});
