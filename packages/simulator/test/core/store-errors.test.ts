// How the core answers when its store cannot be reached or refuses a change (src/core/pipeline.ts), with a store
// that fails on demand: 503 with Retry-After, 409, and scheduled tasks that wait for the store instead of failing.
import { describe, expect, it } from 'vitest';
import {
  type Change,
  ManualClock,
  MemoryStore,
  type Store,
  StoreConflictError,
  type StoreReader,
  StoreUnavailableError,
  type Written,
} from '../../src/index.js';
import { call, newSimulator } from '../harness.js';

/** Memory, until `failing` says otherwise. */
class FlakyStore implements Store {
  readonly description = 'flaky';
  failing: (() => Error) | undefined;
  private readonly memory = new MemoryStore();
  private check() {
    if (this.failing) throw this.failing();
  }
  async list(collection: string) {
    this.check();
    return this.memory.list(collection);
  }
  async get(collection: string, id: string) {
    this.check();
    return this.memory.get(collection, id);
  }
  async transact<T>(work: (reader: StoreReader) => Promise<Written<T>>): Promise<T> {
    this.check();
    return this.memory.transact(work);
  }
  apply(changes: readonly Change[]) {
    return this.transact(async () => ({ result: undefined, changes }));
  }
  collections() {
    return this.memory.collections();
  }
  clear() {
    return this.memory.clear();
  }
  async close() {}
}

const sets = '/beta/external/industryData/outboundProvisioningFlowSets';
const NS = '#microsoft.graph.industryData.';

describe('the core when its store fails', () => {
  it.each([
    ['GET', sets, undefined],
    ['POST', sets, { displayName: 'x' }],
  ])(
    '%s while the store cannot be reached: 503 serviceUnavailable with its Retry-After',
    async (method, url, body) => {
      const store = new FlakyStore();
      const sim = await newSimulator({ store });
      store.failing = () => new StoreUnavailableError('the state database is down: retry', 7);
      const answer = await call(sim, method, url, body);
      expect(answer.status).toBe(503);
      expect(answer.headers['retry-after']).toBe('7');
      expect(answer.json.error).toMatchObject({
        code: 'serviceUnavailable',
        message: 'the state database is down: retry',
      });
      store.failing = undefined;
      expect((await call(sim, method, url, body)).status).toBe(method === 'GET' ? 200 : 201);
    },
  );

  it('a unique value the store refuses: 409 conflict with its message', async () => {
    const store = new FlakyStore();
    const sim = await newSimulator({ store });
    store.failing = () => new StoreConflictError('taken by another entity');
    const answer = await call(sim, 'POST', sets, { displayName: 'x' });
    expect(answer.status).toBe(409);
    expect(answer.json.error).toMatchObject({ code: 'conflict', message: 'taken by another entity' });
  });

  it('a timer that fires while the store is down runs once it is back (a flow still becomes ready)', async () => {
    const store = new FlakyStore();
    const clock = new ManualClock();
    const errors: unknown[] = [];
    const sim = await newSimulator({ store, clock, readinessDelayMs: 1000, onError: (e) => errors.push(e) });
    const set = await call(sim, 'POST', sets, { displayName: 'x' });
    const flow = await call(sim, 'POST', `${sets}/${set.json.id}/provisioningFlows`, {
      '@odata.type': `${NS}securityGroupProvisioningFlow`,
      creationOptions: {},
    });
    expect(flow.json.readinessStatus).toBe('notReady');
    store.failing = () => new StoreUnavailableError('down', 2);
    await clock.advance(1000);
    await clock.advance(2000);
    store.failing = undefined;
    await clock.advance(2000);
    const read = await call(sim, 'GET', `${sets}/${set.json.id}/provisioningFlows/${flow.json.id}`);
    expect(read.json.readinessStatus).toBe('ready');
    expect(errors).toEqual([]);
  });
});
