import { MiddlewareFactory, RetryHandlerOptions } from '@microsoft/kiota-http-fetchlibrary';
import { describe, expect, it } from 'vitest';
import {
  type AdapterOptions,
  type BasicFilter,
  createIndustryDataAdapter,
  createIndustryDataClient,
  IndustryDataError,
} from '../src/index.js';
import { fakeFetch, type Handler } from './fake-fetch.js';

// These tests go through the default middleware chain (no `middleware: []`). Every throttled answer carries
// `Retry-After: 0`, so retries happen at once: no test sleeps.
function clientWith(handler: Handler, options: AdapterOptions = {}) {
  const transport = fakeFetch(handler);
  const client = createIndustryDataClient(
    createIndustryDataAdapter({ fetch: transport.fetch, accessToken: 't', ...options }),
  );
  return { sets: client.external.industryData.outboundProvisioningFlowSets, sent: transport.sent };
}

const bare503 = { status: 503, headers: { 'retry-after': '0' } };
const filter: BasicFilter = {
  odataType: '#microsoft.graph.industryData.basicFilter',
  attribute: 'orgExternalId',
  in: ['S1'],
};

describe('the default middleware chain', () => {
  it('an empty 503 is an IndustryDataError with status 503 (the error-body handler runs before the fetch)', async () => {
    const { sets, sent } = clientWith(() => bare503);
    const error = await sets.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndustryDataError);
    expect(error).toMatchObject({ status: 503, code: 'serviceUnavailable', retryAfterSeconds: 0 });
    expect((error as Error).message).toMatch(/503/);
    expect(sent).toHaveLength(4); // a GET is retried: once, then three more times
  });

  it('a GET answered 503 then 200 resolves after one retry', async () => {
    let calls = 0;
    const { sets, sent } = clientWith(() => (calls++ === 0 ? bare503 : { status: 200, body: { value: [] } }));
    await expect(sets.get()).resolves.toMatchObject({ value: [] });
    expect(sent.map((s) => s.headers['retry-attempt'])).toEqual([undefined, '1']);
  });

  it.each([
    ['a create (POST)', 'POST'],
    ['an update (PATCH)', 'PATCH'],
  ])('%s is not retried on 503 or 504: it may have been carried out', async (_name, method) => {
    for (const status of [503, 504]) {
      const { sets, sent } = clientWith(() => ({ status, headers: { 'retry-after': '0' } }));
      const call =
        method === 'POST'
          ? sets.post({ displayName: 'A', filter })
          : sets.byOutboundProvisioningFlowSetId('s1').patch({ displayName: 'B' });
      await expect(call).rejects.toMatchObject({ status });
      expect(sent.map((s) => s.method)).toEqual([method]);
    }
  });

  it('a DELETE (idempotent) is retried', async () => {
    let calls = 0;
    const { sets, sent } = clientWith(() => (calls++ === 0 ? bare503 : { status: 204 }));
    await sets.byOutboundProvisioningFlowSetId('s1').delete();
    expect(sent).toHaveLength(2);
  });

  it('the caller opts in for every request: retry.nonIdempotent', async () => {
    let calls = 0;
    const { sets, sent } = clientWith(() => (calls++ === 0 ? bare503 : { status: 201, body: { id: 's1' } }), {
      retry: { nonIdempotent: true },
    });
    await expect(sets.post({ displayName: 'A', filter })).resolves.toMatchObject({ id: 's1' });
    expect(sent).toHaveLength(2);
  });

  it('… or for one request, with retry options of its own', async () => {
    let calls = 0;
    const { sets, sent } = clientWith(() => (calls++ === 0 ? bare503 : { status: 201, body: { id: 's1' } }));
    await sets.post({ displayName: 'A', filter }, { options: [new RetryHandlerOptions({ maxRetries: 1 })] });
    expect(sent).toHaveLength(2);
  });

  it('retry: false sends once', async () => {
    const { sets, sent } = clientWith(() => bare503, { retry: false });
    await expect(sets.get()).rejects.toMatchObject({ status: 503 });
    expect(sent).toHaveLength(1);
  });

  it('retry.maxRetries bounds the retries', async () => {
    const { sets, sent } = clientWith(() => bare503, { retry: { maxRetries: 1 } });
    await expect(sets.get()).rejects.toMatchObject({ status: 503 });
    expect(sent).toHaveLength(2);
  });

  it("a caller's chain ending with its own fetch handler gets the error-body handler before it", async () => {
    const transport = fakeFetch(() => ({ status: 503 }));
    const client = createIndustryDataClient(
      createIndustryDataAdapter({
        middleware: MiddlewareFactory.getDefaultMiddlewares(transport.fetch).slice(1),
      }),
    );
    const error = await client.external.industryData.outboundProvisioningFlowSets
      .get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndustryDataError);
    expect(error).toMatchObject({ status: 503 });
    expect(transport.sent).toHaveLength(1);
  });
});
