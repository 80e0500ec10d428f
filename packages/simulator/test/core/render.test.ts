import { describe, expect, it } from 'vitest';
import { startSimulator } from '../../src/index.js';
import { call, newSimulator, readWrite } from '../harness.js';

/** The renderer keeps next links' query strings and entities' JSON text (src/core/render.ts). */

const sets = '/beta/external/industryData/outboundProvisioningFlowSets';

describe('next links', () => {
  it('move $skip on each page of the same query string', async () => {
    const sim = await newSimulator({ baseUrl: 'http://sim.test' });
    for (const name of ['a', 'b', 'c']) await call(sim, 'POST', sets, { displayName: name });
    const link = (skip: number) =>
      `http://sim.test/beta/external/industryData/outboundProvisioningFlowSets?$top=1&$count=true&$skip=${skip}`;
    const first = await call(sim, 'GET', `${sets}?$top=1&$count=true`);
    expect(first.json['@odata.nextLink']).toBe(link(1));
    const second = await call(sim, 'GET', `${sets}?$top=1&$count=true&$skip=1`);
    expect(second.json['@odata.nextLink']).toBe(link(2));
    // The first page's query string again: its link is the first page's, not the one built last.
    expect((await call(sim, 'GET', `${sets}?$top=1&$count=true`)).json['@odata.nextLink']).toBe(link(1));
    expect((await call(sim, 'GET', `${sets}?$top=1&$count=true&$skip=2`)).json).not.toHaveProperty(
      '@odata.nextLink',
    );
  });

  it('drop a $skip however it is spelt, and keep the other options encoded as before', async () => {
    const sim = await newSimulator({ baseUrl: 'http://sim.test' });
    for (const name of ['a b', 'c']) await call(sim, 'POST', sets, { displayName: name });
    const r = await call(
      sim,
      'GET',
      `${sets}?skip=0&$top=1&$filter=${encodeURIComponent("displayName ne 'z'")}`,
    );
    expect(r.json['@odata.nextLink']).toBe(
      'http://sim.test/beta/external/industryData/outboundProvisioningFlowSets?$top=1&$filter=displayName+ne+%27z%27&$skip=1',
    );
  });
});

describe('a collection sent over HTTP', () => {
  it('is the body as JSON, and shows each change of an entity at once', async () => {
    const running = await startSimulator({ readinessDelayMs: 60_000 });
    try {
      const auth = { authorization: `Bearer ${readWrite}`, 'content-type': 'application/json' };
      const send = async (method: string, path: string, body?: unknown) => {
        const response = await fetch(`${running.url}${path.slice('/beta'.length)}`, {
          method,
          headers: auth,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        return { status: response.status, text: await response.text() };
      };
      const created = JSON.parse((await send('POST', sets, { displayName: 'before' })).text);
      await send('POST', sets, { displayName: 'other' });
      const before = await send('GET', `${sets}?$count=true`);
      const parsed = JSON.parse(before.text);
      expect(before.text).toBe(JSON.stringify(parsed));
      expect(parsed['@odata.count']).toBe(2);
      expect(parsed.value.map((s: { displayName: string }) => s.displayName)).toEqual(['before', 'other']);
      expect((await send('PATCH', `${sets}/${created.id}`, { displayName: 'after' })).status).toBe(204);
      const after = JSON.parse((await send('GET', `${sets}?$count=true`)).text);
      expect(after.value.map((s: { displayName: string }) => s.displayName)).toEqual(['after', 'other']);
      await send('DELETE', `${sets}/${created.id}`);
      const deleted = JSON.parse((await send('GET', sets)).text);
      expect(deleted.value.map((s: { displayName: string }) => s.displayName)).toEqual(['other']);
    } finally {
      await running.close();
    }
  });
});
