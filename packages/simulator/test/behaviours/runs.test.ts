// The 12-hourly run when several simulators serve one state (each process arms its own schedule): one run per
// interval, not one per simulator. Two simulators in one process share a store here, each on its own clock.
import { describe, expect, it } from 'vitest';
import { ManualClock, MemoryStore, type Simulator, startRun } from '../../src/index.js';
import { call, newSimulator } from '../harness.js';

const hour = 60 * 60 * 1000;
const interval = 12 * hour;
const NS = '#microsoft.graph.industryData.';

async function withReadyFlow(sim: Simulator, clock: ManualClock): Promise<void> {
  const set = await call(sim, 'POST', '/beta/external/industryData/outboundProvisioningFlowSets', {
    displayName: 'shared',
  });
  const flow = await call(
    sim,
    'POST',
    `/beta/external/industryData/outboundProvisioningFlowSets/${set.json.id}/provisioningFlows`,
    { '@odata.type': `${NS}userProvisioningFlow`, createUnmatchedUsers: true, managementOptions: {} },
  );
  expect(flow.status).toBe(201);
  await clock.advance(60_000);
}

const runs = async (sim: Simulator) =>
  (await call(sim, 'GET', '/beta/external/industryData/runs')).json.value as { id: string }[];

describe('runs on a state several simulators share', () => {
  it('one scheduled run per interval, whichever simulator starts it; each runs it alone when the other is gone', async () => {
    const store = new MemoryStore();
    const clockA = new ManualClock();
    const a = await newSimulator({ store, clock: clockA, runIntervalMs: interval });
    await clockA.advance(hour);
    // B starts an hour after A: their schedules are out of phase.
    const clockB = new ManualClock(clockA.now());
    const b = await newSimulator({ store, clock: clockB, runIntervalMs: interval });
    const both = async (ms: number) => {
      await clockA.advance(ms);
      await clockB.advance(ms);
    };
    await withReadyFlow(a, clockA);
    await clockB.advance(60_000);
    await both(interval);
    expect(await runs(b)).toHaveLength(1);
    await both(interval);
    expect(await runs(a)).toHaveLength(2);
    // A stops: B's schedule goes on by itself.
    await a.close();
    await clockB.advance(interval);
    expect(await runs(b)).toHaveLength(3);
    await b.close();
  });

  it('a run started with startRun does not stand in for the scheduled one', async () => {
    const clock = new ManualClock();
    const sim = await newSimulator({ clock, runIntervalMs: interval });
    await withReadyFlow(sim, clock);
    await startRun(sim.env);
    await clock.advance(interval - 60_000);
    expect(await runs(sim)).toHaveLength(2);
    await sim.close();
  });
});
