import { describe, expect, it } from 'vitest';
import { Mutex, WriterGate } from '../../src/store/mutex.js';

/** A piece of work that runs until `finish` is called, recording when it starts and ends. */
function worker(log: string[], name: string) {
  let finish = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    work: async () => {
      log.push(`${name}+`);
      await done;
      log.push(`${name}-`);
      return name;
    },
    finish: () => finish(),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('Mutex and WriterGate', () => {
  it('a Mutex runs one at a time, in order, and goes on after a failure', async () => {
    const mutex = new Mutex();
    const order: number[] = [];
    const failing = mutex.run(async () => {
      order.push(1);
      throw new Error('no');
    });
    const after = mutex.run(async () => order.push(2));
    await expect(failing).rejects.toThrow('no');
    await after;
    expect(order).toEqual([1, 2]);
  });

  it('a WriterGate runs up to its limit side by side; an exclusive one waits for them and holds back those after it', async () => {
    const gate = new WriterGate(2);
    const log: string[] = [];
    const [a, b, c, x, d] = [
      worker(log, 'a'),
      worker(log, 'b'),
      worker(log, 'c'),
      worker(log, 'x'),
      worker(log, 'd'),
    ];
    const runs = [
      gate.run(a.work),
      gate.run(b.work),
      gate.run(c.work),
      gate.run(x.work, true),
      gate.run(d.work),
    ];
    await settle();
    expect(log).toEqual(['a+', 'b+']);
    a.finish();
    await settle();
    expect(log).toEqual(['a+', 'b+', 'a-', 'c+']);
    b.finish();
    c.finish();
    await settle();
    expect(log.slice(4)).toEqual(['b-', 'c-', 'x+']);
    x.finish();
    await settle();
    expect(log.slice(7)).toEqual(['x-', 'd+']);
    d.finish();
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c', 'x', 'd']);
  });
});
