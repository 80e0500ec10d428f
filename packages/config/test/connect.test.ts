import { describe, expect, it } from 'vitest';
import { connect, graphBeta, TargetError } from '../src/index.js';

/** A fetch that answers every request with an empty list and records the Authorization header it got. */
function recording() {
  const seen: { url: string; authorization: string | null }[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    seen.push({ url, authorization: new Headers(init.headers).get('authorization') });
    return new Response('{"value":[]}', { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { seen, fetch };
}

async function firstRequest(options: Parameters<typeof connect>[0]) {
  const { tenantApi } = await import('../src/index.js');
  const target = await connect(options);
  await tenantApi(target.adapter).listRoleGroups();
  return target;
}

describe('connect: where requests go and how they sign in', () => {
  it('without --base-url the target is Graph beta; --token comes before GRAPH_TOKEN', async () => {
    const { seen, fetch } = recording();
    const target = await firstRequest({ token: 'from-option', env: { GRAPH_TOKEN: 'from-env' }, fetch });
    expect(target.baseUrl).toBe(graphBeta);
    expect(target.signIn).toBe('--token');
    expect(seen).toEqual([
      {
        url: 'https://graph.microsoft.com/beta/external/industryData/roleGroups',
        authorization: 'Bearer from-option',
      },
    ]);
  });

  it('GRAPH_TOKEN when there is no --token', async () => {
    const { seen, fetch } = recording();
    const target = await firstRequest({
      baseUrl: 'http://127.0.0.1:9/beta/',
      env: { GRAPH_TOKEN: 'from-env' },
      fetch,
    });
    expect(target.signIn).toBe('GRAPH_TOKEN');
    expect(seen[0]).toEqual({
      url: 'http://127.0.0.1:9/beta/external/industryData/roleGroups',
      authorization: 'Bearer from-env',
    });
  });

  it("else the @azure/identity environment credential, asked a token for Graph's scope", async () => {
    const { seen, fetch } = recording();
    const scopes: unknown[] = [];
    const credential = {
      async getToken(scope: string | string[]) {
        scopes.push(scope);
        return { token: 'from-credential', expiresOnTimestamp: Date.now() + 3_600_000 };
      },
    };
    const target = await firstRequest({
      env: { AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c', AZURE_CLIENT_SECRET: 's' },
      fetch,
      environmentCredential: async () => credential,
    });
    expect(target.signIn).toBe('@azure/identity environment credential');
    expect(scopes).toEqual([['https://graph.microsoft.com/.default']]);
    expect(seen[0]?.authorization).toBe('Bearer from-credential');
  });

  it.each([
    [
      { env: {} },
      /^no way to sign in to https:\/\/graph\.microsoft\.com\/beta: give --token <token>, set GRAPH_TOKEN, or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET/,
    ],
    [{ baseUrl: 'localhost:4010', token: 't', env: {} }, /^--base-url 'localhost:4010' is not http\(s\)/],
    [
      { baseUrl: 'not a url', token: 't', env: {} },
      /^--base-url 'not a url' is not a URL \(e\.g\. https:\/\/graph\.microsoft\.com\/beta/,
    ],
    [
      { baseUrl: 'http://graph.example/beta', token: 't', env: {} },
      /^--base-url 'http:\/\/graph\.example\/beta' would send the token in clear: use https/,
    ],
    [
      {
        env: { AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c', AZURE_CLIENT_SECRET: 's' },
        environmentCredential: async () => undefined,
      },
      /^AZURE_TENANT_ID and AZURE_CLIENT_ID are set but @azure\/identity is not installed/,
    ],
  ])('%j is refused, saying what to do', async (options, message) => {
    await expect(connect(options)).rejects.toThrow(TargetError);
    await expect(connect(options)).rejects.toThrow(message);
  });
});
