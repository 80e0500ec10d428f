import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createToken, ManualClock, startSimulator } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'sds-sim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const token = createToken({ scopes: ['IndustryData-OutboundFlow.ReadWrite.All'] });
const NS = '#microsoft.graph.industryData.';
const json = async (response: Promise<Response>): Promise<any> => (await response).json();
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

describe('the HTTP simulator', () => {
  it('listens on a port the OS picks, answers with request-id headers, and closes', async () => {
    const sim = await startSimulator();
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/beta$/);
    const response = await fetch(`${sim.url}/external/industryData/outboundProvisioningFlowSets`, {
      headers,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toMatchObject({
      value: [],
      '@odata.context': `${sim.origin}/beta/$metadata#external/industryData/outboundProvisioningFlowSets`,
    });
    await sim.close();
    await expect(fetch(sim.url)).rejects.toThrow();
  });

  it('100 concurrent POSTs of one flow type: exactly one 201, 99 × 409', async () => {
    const sim = await startSimulator();
    const set: any = await (
      await fetch(`${sim.url}/external/industryData/outboundProvisioningFlowSets`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ displayName: 'race' }),
      })
    ).json();
    const body = JSON.stringify({ '@odata.type': `${NS}userProvisioningFlow`, createUnmatchedUsers: true });
    const statuses = await Promise.all(
      Array.from({ length: 100 }, () =>
        fetch(`${sim.url}/external/industryData/outboundProvisioningFlowSets/${set.id}/provisioningFlows`, {
          method: 'POST',
          headers,
          body,
        }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    await sim.close();
  });

  it('a reset flow goes notReady, then ready after the configured delay (on the clock given)', async () => {
    const clock = new ManualClock();
    const sim = await startSimulator({ readinessDelayMs: 50, clock });
    const base = `${sim.url}/external/industryData/outboundProvisioningFlowSets`;
    const set: any = await (
      await fetch(base, { method: 'POST', headers, body: JSON.stringify({ displayName: 'r' }) })
    ).json();
    const flow: any = await (
      await fetch(`${base}/${set.id}/provisioningFlows`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ '@odata.type': `${NS}userProvisioningFlow` }),
      })
    ).json();
    const status = async () =>
      (await json(fetch(`${base}/${set.id}/provisioningFlows/${flow.id}`, { headers }))).readinessStatus;
    expect(await status()).toBe('notReady');
    await clock.advance(49);
    expect(await status()).toBe('notReady');
    await clock.advance(1);
    expect(await status()).toBe('ready');
    expect(
      (await fetch(`${base}/${set.id}/provisioningFlows/${flow.id}/reset`, { method: 'POST', headers }))
        .status,
    ).toBe(202);
    expect(await status()).toBe('notReady');
    await clock.advance(50);
    expect(await status()).toBe('ready');
    await sim.close();
  });

  it('injected latency and configured faults (count, then success)', async () => {
    const sim = await startSimulator({
      faults: [{ status: 429, retryAfter: 'http-date', retryAfterSeconds: 2, count: 1, method: 'GET' }],
    });
    const url = `${sim.url}/external/industryData/outboundProvisioningFlowSets`;
    const first = await fetch(url, { headers });
    expect(first.status).toBe(429);
    expect(Date.parse(first.headers.get('retry-after') ?? '')).toBeGreaterThan(Date.now());
    expect((await fetch(url, { headers })).status).toBe(200);
    const started = performance.now();
    expect((await fetch(url, { headers: { ...headers, 'x-sds-fault': 'latency=150' } })).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    await sim.close();
  });

  it('with a secret, tokens must be signed with it (HS256)', async () => {
    const sim = await startSimulator({ secret: 's3cret' });
    const url = `${sim.url}/external/industryData/outboundProvisioningFlowSets`;
    const signed = createToken({ scopes: ['IndustryData-OutboundFlow.Read.All'], secret: 's3cret' });
    const forged = createToken({ scopes: ['IndustryData-OutboundFlow.Read.All'], secret: 'guess' });
    expect((await fetch(url, { headers: { authorization: `Bearer ${signed}` } })).status).toBe(200);
    const refused = await fetch(url, { headers: { authorization: `Bearer ${forged}` } });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /signature is invalid/,
    );
    const expired = createToken({
      scopes: ['IndustryData-OutboundFlow.Read.All'],
      secret: 's3cret',
      expiresInSeconds: -10,
    });
    expect((await fetch(url, { headers: { authorization: `Bearer ${expired}` } })).status).toBe(401);
    await sim.close();
  });
});

describe('createToken', () => {
  it('with issuedAt, the same options give the same token, valid from then for expiresInSeconds', async () => {
    const options = {
      scopes: ['IndustryData-OutboundFlow.Read.All'],
      issuedAt: 1_767_225_600,
      expiresInSeconds: 60,
    };
    const token = createToken(options);
    expect(createToken(options)).toBe(token);
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
      iat: number;
      exp: number;
    };
    expect(claims).toMatchObject({ iat: 1_767_225_600, exp: 1_767_225_660 });
    const sim = await startSimulator();
    const url = `${sim.url}/external/industryData/outboundProvisioningFlowSets`;
    // Issued in 2026 for a minute: long expired by now.
    expect((await fetch(url, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    await sim.close();
  });
});

describe('durable state (--data)', () => {
  it('keeps the state across restarts', async () => {
    const data = join(dir, 'state.db');
    let sim = await startSimulator({ data });
    const url = `${sim.url}/external/industryData/outboundProvisioningFlowSets`;
    const set: any = await (
      await fetch(url, { method: 'POST', headers, body: JSON.stringify({ displayName: 'kept' }) })
    ).json();
    await sim.close();
    sim = await startSimulator({ data });
    expect(
      await (
        await fetch(`${sim.url}/external/industryData/outboundProvisioningFlowSets/${set.id}`, { headers })
      ).json(),
    ).toMatchObject({ displayName: 'kept' });
    await sim.close();
  });
});
