import { describe, expect, it } from 'vitest';
import { ManualClock } from '../src/index.js';

describe('ManualClock', () => {
  it('runs due tasks in time order (then in the order scheduled), including those scheduled meanwhile', async () => {
    const clock = new ManualClock(0);
    const ran: string[] = [];
    clock.schedule(20, () => ran.push('b@20'));
    clock.schedule(10, () => {
      ran.push('a@10');
      clock.schedule(15, () => ran.push('c@15'));
    });
    clock.schedule(20, () => ran.push('d@20'));
    const cancel = clock.schedule(5, () => ran.push('cancelled'));
    cancel();
    await clock.advance(19);
    expect(ran).toEqual(['a@10', 'c@15']);
    expect(clock.now()).toBe(19);
    await clock.advance(1);
    expect(ran).toEqual(['a@10', 'c@15', 'b@20', 'd@20']);
    expect(clock.scheduled).toBe(0);
  });

  it('a task sees the time it was due at, and waits for what it starts', async () => {
    const clock = new ManualClock(1000);
    const seen: number[] = [];
    clock.schedule(1500, async () => {
      await Promise.resolve();
      seen.push(clock.now());
    });
    await clock.advance(10_000);
    expect(seen).toEqual([1500]);
    expect(clock.now()).toBe(11_000);
  });
});
