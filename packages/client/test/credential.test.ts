import { describe, expect, it } from 'vitest';
import { createIndustryDataAdapter, createIndustryDataClient, type TokenCredential } from '../src/index.js';
import { fakeFetch } from './fake-fetch.js';

/** A credential as @azure/identity's are: a token per call of getToken(scopes). */
function fakeCredential() {
  const asked: string[][] = [];
  const credential: TokenCredential = {
    async getToken(scopes) {
      asked.push([scopes].flat());
      return { token: `token-${asked.length}`, expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
  return { credential, asked };
}

const list = { status: 200, body: { value: [] } };

describe('createIndustryDataAdapter({ credential }): sign-in through Kiota’s Azure authentication', () => {
  it('asks the credential for the Graph scope and sends the token as a bearer', async () => {
    const { credential, asked } = fakeCredential();
    const transport = fakeFetch(() => list);
    const client = createIndustryDataClient(
      createIndustryDataAdapter({ credential, fetch: transport.fetch, middleware: [] }),
    );
    await client.external.industryData.outboundProvisioningFlowSets.get();
    expect(asked).toEqual([['https://graph.microsoft.com/.default']]);
    expect(transport.sent[0]?.headers.authorization).toBe('Bearer token-1');
  });

  it('scopes of your own', async () => {
    const { credential, asked } = fakeCredential();
    const transport = fakeFetch(() => list);
    const adapter = createIndustryDataAdapter({
      credential,
      scopes: ['https://graph.microsoft.us/.default'],
      baseUrl: 'https://graph.microsoft.us/beta',
      fetch: transport.fetch,
      middleware: [],
    });
    await createIndustryDataClient(adapter).external.industryData.outboundProvisioningFlowSets.get();
    expect(asked).toEqual([['https://graph.microsoft.us/.default']]);
    expect(transport.sent[0]?.url).toMatch(/^https:\/\/graph\.microsoft\.us\/beta\//);
  });

  it('the token goes to the base URL’s host only (a link elsewhere gets none)', async () => {
    const { credential, asked } = fakeCredential();
    const transport = fakeFetch(() => list);
    const sets = createIndustryDataClient(
      createIndustryDataAdapter({ credential, fetch: transport.fetch, middleware: [] }),
    ).external.industryData.outboundProvisioningFlowSets;
    await sets.withUrl('https://elsewhere.example/external/industryData/outboundProvisioningFlowSets').get();
    expect(transport.sent[0]?.headers.authorization).toBeUndefined();
    expect(asked).toEqual([]);
  });

  it('never over plain HTTP to another machine', async () => {
    const { credential } = fakeCredential();
    const transport = fakeFetch(() => list);
    const sets = createIndustryDataClient(
      createIndustryDataAdapter({ credential, baseUrl: 'http://sds.example/beta', fetch: transport.fetch }),
    ).external.industryData.outboundProvisioningFlowSets;
    await expect(sets.get()).rejects.toThrow(/https/i);
    expect(transport.sent).toEqual([]);
  });

  it('one way to sign in at a time', () => {
    const { credential } = fakeCredential();
    expect(() => createIndustryDataAdapter({ credential, accessToken: 't' })).toThrow(
      'createIndustryDataAdapter: give one of accessToken and credential, not both',
    );
  });
});
