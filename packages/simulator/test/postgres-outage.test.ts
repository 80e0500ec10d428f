// PostgreSQL stopped under load (as a crash: immediate shutdown), then started again: the simulator answers
// 503 with Retry-After meanwhile (never a 500), loses no write it acknowledged, and serves again by itself.
import { afterAll, describe, expect, it } from 'vitest';
import { createToken, type RunningSimulator, startSimulator } from '../src/index.js';
import { ownCluster } from './postgres-server.js';

const cluster = await ownCluster();
let sim: RunningSimulator | undefined;
afterAll(async () => {
  await sim?.close();
  if (typeof cluster !== 'string') await cluster.destroy();
});
if (typeof cluster === 'string') console.warn(`skipping the PostgreSQL outage test: ${cluster}`);

const headers = {
  authorization: `Bearer ${createToken({ scopes: ['IndustryData-OutboundFlow.ReadWrite.All'] })}`,
  'content-type': 'application/json',
};
const sets = '/external/industryData/outboundProvisioningFlowSets';

interface Seen {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly body: { error?: { code?: string; message?: string; innerError?: unknown }; id?: string };
  readonly phase: string;
}

describe.skipIf(typeof cluster === 'string')('PostgreSQL stopped mid-load', () => {
  it('503 with Retry-After while it is down, no 500, no acknowledged write lost, recovery after restart', async () => {
    if (typeof cluster === 'string') return;
    sim = await startSimulator({ postgres: await cluster.createDatabase(), readinessDelayMs: 60_000 });
    const url = `${sim.url}${sets}`;
    const seen: Seen[] = [];
    let phase = 'up';
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const response = await fetch(url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ displayName: `w${w}-${i}` }),
        });
        seen.push({
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
          body: (await response.json()) as Seen['body'],
          phase,
        });
        // A client waits as Retry-After asks; a short wait here keeps the test quick (the value is checked).
        if (response.status === 503) await new Promise((r) => setTimeout(r, 25));
      }
    };
    const count = (status: number, inPhase: string) =>
      seen.filter((s) => s.status === status && s.phase === inPhase).length;
    const until = async (what: string, done: () => boolean) => {
      for (const started = Date.now(); !done(); await new Promise((r) => setTimeout(r, 20)))
        if (Date.now() - started > 60_000) throw new Error(`waited a minute for ${what}`);
    };
    const writers = Array.from({ length: 4 }, (_, w) => writer(w));
    await until('20 writes before the stop', () => count(201, 'up') >= 20);
    phase = 'stopping';
    await cluster.stop('immediate');
    phase = 'down';
    await until('503s while the database is down', () => count(503, 'down') >= 10);
    const read = await fetch(url, { headers });
    expect(read.status).toBe(503);
    phase = 'starting';
    await cluster.start();
    phase = 'back';
    await until('writes after the restart', () => count(201, 'back') >= 20);
    stop = true;
    await Promise.all(writers);

    expect(seen.filter((s) => s.status !== 201 && s.status !== 503)).toEqual([]);
    for (const failure of seen.filter((s) => s.status === 503)) {
      expect(failure.retryAfter).toMatch(/^\d+$/);
      expect(failure.body.error).toMatchObject({
        code: 'serviceUnavailable',
        innerError: expect.any(Object),
      });
      expect(failure.body.error?.message).toMatch(/cannot be reached .*: retry after the Retry-After delay$/);
    }
    const acknowledged = seen.filter((s) => s.status === 201).map((s) => String(s.body.id));
    const present = new Set<string>();
    for (let next: string | undefined = `${url}?$select=id`; next; ) {
      const page = await fetch(next, { headers });
      expect(page.status).toBe(200);
      const body = (await page.json()) as { value: { id: string }[]; '@odata.nextLink'?: string };
      for (const set of body.value) present.add(set.id);
      next = body['@odata.nextLink'];
    }
    expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
  }, 180_000);
});
