import { describe, expect, it } from 'vitest';
import { call, newSimulator } from '../harness.js';

/** Query strings are parsed once per operation and kept (src/query/parsed-queries.ts): a kept parse is the parse. */

const sets = '/beta/external/industryData/outboundProvisioningFlowSets';
const sourceSystems = '/beta/external/industryData/sourceSystems';

describe('parsed query strings', () => {
  it('answer the same each time a query string comes again', async () => {
    const sim = await newSimulator();
    for (const name of ['b', 'a', 'c']) await call(sim, 'POST', sets, { displayName: name });
    const query = `${sets}?$filter=${encodeURIComponent("displayName ne 'c'")}&$orderby=displayName&$select=displayName&$count=true`;
    const first = await call(sim, 'GET', query);
    const second = await call(sim, 'GET', query);
    expect(first.status).toBe(200);
    expect(first.json.value.map((s: { displayName: string }) => s.displayName)).toEqual(['a', 'b']);
    expect(second.json).toEqual(first.json);
  });

  it('are kept per operation: a query string one operation takes is still refused by another', async () => {
    const sim = await newSimulator();
    const query = `?$select=${encodeURIComponent('displayName,filter')}`;
    expect((await call(sim, 'GET', `${sets}${query}`)).status).toBe(200);
    const other = await call(sim, 'GET', `${sourceSystems}${query}`);
    expect(other.status).toBe(400);
    expect((await call(sim, 'GET', `${sets}${query}`)).status).toBe(200);
  });

  it('that are refused are refused again, with the same message', async () => {
    const sim = await newSimulator();
    const first = await call(sim, 'GET', `${sets}?$select=nope`);
    const second = await call(sim, 'GET', `${sets}?$select=nope`);
    expect(first.status).toBe(400);
    expect(second.status).toBe(400);
    expect(second.json.error.message).toBe(first.json.error.message);
  });

  it('see the state of each request: the same $filter answers what was created since', async () => {
    const sim = await newSimulator();
    const query = `${sets}?$filter=${encodeURIComponent("startswith(displayName,'x')")}&$count=true`;
    await call(sim, 'POST', sets, { displayName: 'x1' });
    expect((await call(sim, 'GET', query)).json['@odata.count']).toBe(1);
    await call(sim, 'POST', sets, { displayName: 'x2' });
    expect((await call(sim, 'GET', query)).json['@odata.count']).toBe(2);
  });

  it('longer than those kept are answered the same each time', async () => {
    const sim = await newSimulator();
    await call(sim, 'POST', sets, { displayName: 'kept' });
    const long = `${sets}?$filter=${encodeURIComponent(`displayName eq 'kept'${" or displayName eq 'x'".repeat(200)}`)}`;
    expect(long.length).toBeGreaterThan(2048);
    for (let i = 0; i < 2; i++) expect((await call(sim, 'GET', long)).json.value).toHaveLength(1);
  });
});
