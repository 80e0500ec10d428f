import { type HttpMethod, RequestInformation } from '@microsoft/kiota-abstractions';
import { type Middleware, MiddlewareFactory, RetryHandlerOptions } from '@microsoft/kiota-http-fetchlibrary';
import { describe, expect, it } from 'vitest';
import {
  type AdapterOptions,
  type BasicFilter,
  createIndustryDataAdapter,
  createIndustryDataClient,
  defaultMiddleware,
  type IndustryDataClient,
  IndustryDataError,
} from '../src/index.js';
// The mark a request carries is internal (the client sets it, the retry handler reads it).
import { RetrySafety, retrySafetyKey } from '../src/retry-safety.js';
import { fakeFetch, type Handler } from './fake-fetch.js';

// These tests go through the default middleware chain (no `middleware: []`). Every throttled answer carries
// `Retry-After: 0`, so retries happen at once: no test sleeps.
function clientWith(handler: Handler, options: AdapterOptions = {}) {
  const transport = fakeFetch(handler);
  const client = createIndustryDataClient(
    createIndustryDataAdapter({ fetch: transport.fetch, accessToken: 't', ...options }),
  );
  return { client, sets: client.external.industryData.outboundProvisioningFlowSets, sent: transport.sent };
}
const flow = (c: IndustryDataClient) =>
  c.external.industryData.outboundProvisioningFlowSets
    .byOutboundProvisioningFlowSetId('s1')
    .provisioningFlows.byProvisioningFlowId('f1');

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

  it.each([
    ['reset (POST): reprovisions everything again', (c: IndustryDataClient) => flow(c).reset.post()],
    [
      'validate (POST): finalizes the upload and starts another operation',
      (c: IndustryDataClient) =>
        c.external.industryData.dataConnectors.byIndustryDataConnectorId('c1').validate.post(),
    ],
  ])('an action the spec does not mark retry-safe is not retried: %s', async (_name, call) => {
    for (const status of [429, 503, 504]) {
      const { client, sent } = clientWith(() => ({ status, headers: { 'retry-after': '0' } }));
      await expect(call(client)).rejects.toMatchObject({ status });
      expect(sent.map((s) => s.method)).toEqual(['POST']);
    }
  });

  it('a function (GET getStatistics) is retried: its method is idempotent', async () => {
    let calls = 0;
    const { client, sent } = clientWith(() => (calls++ === 0 ? bare503 : { status: 200, body: {} }));
    await client.external.industryData.runs.byIndustryDataRunId('r1').getStatistics.get();
    expect(sent.map((s) => s.method)).toEqual(['GET', 'GET']);
  });

  it('retry.nonIdempotent opts an action in too', async () => {
    let calls = 0;
    const { client, sent } = clientWith(() => (calls++ === 0 ? bare503 : { status: 202 }), {
      retry: { nonIdempotent: true },
    });
    await flow(client).reset.post();
    expect(sent).toHaveLength(2);
  });

  it('each request the client sends carries its operation retry safety, from the generated table', async () => {
    const seen: unknown[] = [];
    const recorder: Middleware = {
      next: undefined,
      execute(url, init, requestOptions) {
        seen.push((requestOptions?.[retrySafetyKey] as RetrySafety | undefined)?.retrySafe);
        return (this.next as Middleware).execute(url, init, requestOptions);
      },
    };
    const { client, sets } = clientWith(() => ({ status: 204 }), {
      middleware: [recorder, ...defaultMiddleware()],
    });
    await sets.get();
    await sets.post({ displayName: 'A', filter });
    await flow(client).reset.post();
    await sets.byOutboundProvisioningFlowSetId('s1').patch({ displayName: 'B' });
    await sets.byOutboundProvisioningFlowSetId('s1').delete();
    expect(seen).toEqual([true, false, false, false, true]);
  });

  // The spec can mark an operation either way (x-sds-retry-safe); the industryData docs mark none, so these
  // mark the request as the client would for such an operation, and send it through the default chain.
  it.each([
    ['a POST marked retry-safe is retried', 'POST', new RetrySafety(true), 2],
    ['a GET marked not retry-safe is not', 'GET', new RetrySafety(false), 1],
    ['an unmarked POST (not sent by a builder) is not: its method decides', 'POST', undefined, 1],
    ['an unmarked GET is', 'GET', undefined, 2],
  ])('%s', async (_name, method, mark, sends) => {
    let calls = 0;
    const transport = fakeFetch(() => (calls++ === 0 ? bare503 : { status: 204 }));
    const adapter = createIndustryDataAdapter({ fetch: transport.fetch });
    const request = new RequestInformation(method as HttpMethod, '{+baseurl}/anything', {
      baseurl: adapter.baseUrl,
    });
    if (mark) request.addRequestOptions([mark]);
    const outcome = await adapter.sendNoResponseContent(request, undefined).then(
      () => 'sent',
      () => 'refused',
    );
    expect([transport.sent.length, outcome]).toEqual([sends, sends === 2 ? 'sent' : 'refused']);
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
