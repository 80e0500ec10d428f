import { describe, expect, it } from 'vitest';
import { stageLines } from '../../src/commands/pipeline.js';

// #18 regression (user trial): the diff stage kept ten of its 140 changes, so the terminal said "… 5 more in
// the report" where the report held 135 more.
describe('a finished stage on the terminal', () => {
  const stage = (details: number) => ({
    name: 'diff',
    status: 'warning' as const,
    summary: `${details} changes`,
    details: Array.from({ length: details }, (_, i) => `breaking: change ${i + 1}\nits second line`),
    durationMs: 1234,
  });

  it('shows its first five details, each on one line, and counts the rest', () => {
    const lines = stageLines(1, stage(140)).trimEnd().split('\n');
    expect(lines).toEqual([
      '  2. diff … warning (1.2 s): 140 changes',
      '       breaking: change 1',
      '       breaking: change 2',
      '       breaking: change 3',
      '       breaking: change 4',
      '       breaking: change 5',
      '       … 135 more in the report',
    ]);
  });

  it('says nothing of more when there is none', () => {
    expect(stageLines(0, stage(5)).trimEnd().split('\n')).toHaveLength(6);
    expect(stageLines(0, stage(0))).toBe('  1. diff … warning (1.2 s): 0 changes\n');
  });
});
