import { describe, expect, it } from 'vitest';
import {
  type ClassGroupProvisioningFlow,
  type ClientOptions,
  createIndustryDataAdapter,
  createIndustryDataClient,
  type IndustryDataClient,
  IndustryDataError,
  type OutboundProvisioningFlowSet,
} from '../src/index.js';
import { fakeFetch, type Handler } from './fake-fetch.js';

const base = 'https://graph.microsoft.com/beta/external/industryData/outboundProvisioningFlowSets';
const classGroupFlow: ClassGroupProvisioningFlow = {
  odataType: '#microsoft.graph.industryData.classGroupProvisioningFlow',
  configuration: { additionalAttributes: ['courseTitle'], additionalOptions: { createTeam: false } },
};

function clientWith(handler: Handler, options: ClientOptions = {}) {
  const transport = fakeFetch(handler);
  // No middleware: these tests see exactly one request per call (retries are tested on their own).
  const client = createIndustryDataClient(
    createIndustryDataAdapter({ fetch: transport.fetch, accessToken: 'token-1', middleware: [] }),
    options,
  );
  return { client, sent: transport.sent };
}

type Call = (c: IndustryDataClient) => Promise<unknown>;
const sets = (c: IndustryDataClient) => c.external.industryData.outboundProvisioningFlowSets;
const set = (c: IndustryDataClient) => sets(c).byOutboundProvisioningFlowSetId('s 1');
const flow = (c: IndustryDataClient) => set(c).provisioningFlows.byProvisioningFlowId('f1');

describe('every operation sends the documented request and resolves on the documented status', () => {
  it.each<[string, Call, { status: number; body?: unknown }, string, string, unknown]>([
    [
      'list sets with query options',
      (c) =>
        sets(c).get({
          queryParameters: {
            top: 2,
            skip: 4,
            count: true,
            filter: "displayName eq 'A'",
            select: ['id', 'displayName'],
            orderby: ['displayName desc'],
            expand: ['provisioningFlows'],
          },
        }),
      { status: 200, body: { value: [] } },
      'GET',
      `${base}?$count=true&$expand=provisioningFlows&$filter=displayName%20eq%20'A'&$orderby=displayName%20desc&$select=id,displayName&$skip=4&$top=2`,
      undefined,
    ],
    [
      'create a set',
      (c) =>
        sets(c).post({
          displayName: 'A',
          filter: {
            odataType: '#microsoft.graph.industryData.basicFilter',
            attribute: 'orgExternalId',
            in: ['S1'],
          },
        }),
      { status: 201, body: { id: 's1' } },
      'POST',
      base,
      {
        displayName: 'A',
        filter: {
          '@odata.type': '#microsoft.graph.industryData.basicFilter',
          attribute: 'orgExternalId',
          in: ['S1'],
        },
      },
    ],
    [
      'get a set (ids are escaped)',
      (c) => set(c).get({ queryParameters: { select: ['id'] } }),
      { status: 200, body: { id: 's 1' } },
      'GET',
      `${base}/s%201?$select=id`,
      undefined,
    ],
    [
      'update a set',
      (c) => set(c).patch({ displayName: 'B' }),
      { status: 204 },
      'PATCH',
      `${base}/s%201`,
      { displayName: 'B' },
    ],
    ['delete a set', (c) => set(c).delete(), { status: 204 }, 'DELETE', `${base}/s%201`, undefined],
    [
      'list flows',
      (c) => set(c).provisioningFlows.get(),
      { status: 200, body: { value: [] } },
      'GET',
      `${base}/s%201/provisioningFlows`,
      undefined,
    ],
    [
      'create a flow',
      (c) => set(c).provisioningFlows.post(classGroupFlow),
      { status: 201, body: { id: 'f1' } },
      'POST',
      `${base}/s%201/provisioningFlows`,
      {
        '@odata.type': '#microsoft.graph.industryData.classGroupProvisioningFlow',
        configuration: { additionalAttributes: ['courseTitle'], additionalOptions: { createTeam: false } },
      },
    ],
    [
      'get a flow',
      (c) => flow(c).get(),
      { status: 200, body: { id: 'f1' } },
      'GET',
      `${base}/s%201/provisioningFlows/f1`,
      undefined,
    ],
    [
      'update a flow',
      (c) => flow(c).patch(classGroupFlow),
      { status: 204 },
      'PATCH',
      `${base}/s%201/provisioningFlows/f1`,
      {
        '@odata.type': '#microsoft.graph.industryData.classGroupProvisioningFlow',
        configuration: { additionalAttributes: ['courseTitle'], additionalOptions: { createTeam: false } },
      },
    ],
    [
      'delete a flow',
      (c) => flow(c).delete(),
      { status: 204 },
      'DELETE',
      `${base}/s%201/provisioningFlows/f1`,
      undefined,
    ],
    [
      'reset a flow',
      (c) => flow(c).reset.post(),
      { status: 202 },
      'POST',
      `${base}/s%201/provisioningFlows/f1/reset`,
      undefined,
    ],
    // #12: the function's documented parameter (it was left out of the spec, so no client could send it).
    [
      'get a new upload session, the old container emptied',
      (c) =>
        c.external.industryData.dataConnectors
          .byIndustryDataConnectorId('c1')
          .graphAzureDataLakeConnector.getUploadSession.get({ queryParameters: { resetSession: true } }),
      { status: 200, body: { sessionUrl: 'https://upload.example/c?sig=x' } },
      'GET',
      'https://graph.microsoft.com/beta/external/industryData/dataConnectors/c1/microsoft.graph.industryData.azureDataLakeConnector/getUploadSession?resetSession=true',
      undefined,
    ],
  ])('%s', async (_name, call, answer, method, url, body) => {
    const { client, sent } = clientWith(() => answer);
    const result = await call(client);
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request?.method).toBe(method);
    // Without Kiota's name-decoding middleware `$` goes out as %24; Graph reads both.
    expect(request?.url.replaceAll('%24', '$')).toBe(url);
    expect(request?.body).toEqual(body);
    expect(request?.headers.authorization).toBe('Bearer token-1');
    if (body !== undefined) expect(request?.headers['content-type']).toBe('application/json');
    if ([202, 204].includes(answer.status)) expect(result).toBeUndefined();
    else expect(result).toMatchObject(answer.body as object);
  });

  it('a 200 with a body where 204 is documented is still accepted (the body is ignored)', async () => {
    const { client } = clientWith(() => ({ status: 200, body: { id: 'f1' } }));
    await expect(flow(client).patch(classGroupFlow)).resolves.toBeUndefined();
  });

  it('uses the adapter base URL, so scripts can point at the simulator', async () => {
    const transport = fakeFetch(() => ({ status: 200, body: { value: [] } }));
    const client = createIndustryDataClient(
      createIndustryDataAdapter({
        fetch: transport.fetch,
        baseUrl: 'http://127.0.0.1:4010/beta',
        middleware: [],
      }),
    );
    await sets(client).get();
    expect(transport.sent[0]?.url).toBe(
      'http://127.0.0.1:4010/beta/external/industryData/outboundProvisioningFlowSets',
    );
  });
});

describe('PATCH sends only what the caller set', () => {
  it.each<[string, OutboundProvisioningFlowSet, unknown]>([
    ['undefined is left out', { displayName: 'B', filter: undefined }, { displayName: 'B' }],
    ['null is sent, to clear', { filter: null }, { filter: null }],
    ['nothing set, empty body', {}, {}],
    [
      'null inside a nested object',
      { filter: { odataType: '#microsoft.graph.industryData.basicFilter', in: null } },
      { filter: { '@odata.type': '#microsoft.graph.industryData.basicFilter', in: null } },
    ],
  ])('%s', async (_name, patch, wire) => {
    const { client, sent } = clientWith(() => ({ status: 204 }));
    await set(client).patch(patch);
    expect(sent[0]?.body).toEqual(wire);
  });
});

describe('error responses reject with a typed IndustryDataError', () => {
  const odataError = (code: string, message: string) => ({
    error: {
      code,
      message,
      innerError: { date: '2026-11-22T10:00:00', 'request-id': 'req-1', 'client-request-id': 'client-1' },
    },
  });

  it.each([
    [404, 'NotFound', 'The flow set s 1 does not exist.'],
    [409, 'Conflict', 'The set already has a classGroup flow.'],
    [400, 'BadRequest', 'configuration is required.'],
    [401, 'InvalidAuthenticationToken', 'Access token is empty.'],
    [403, 'Forbidden', 'Insufficient privileges.'],
  ])('%i %s', async (status, code, message) => {
    const { client } = clientWith(() => ({ status, body: odataError(code, message) }));
    const error = await set(client)
      .get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndustryDataError);
    expect(error).toMatchObject({
      code,
      status,
      requestId: 'req-1',
      clientRequestId: 'client-1',
      date: '2026-11-22T10:00:00',
    });
    expect((error as Error).message).toContain(message);
  });

  it('takes request-id and date from the headers when the body has no innerError', async () => {
    const { client } = clientWith(() => ({
      status: 500,
      body: { error: { code: 'generalException', message: 'boom' } },
      headers: { 'request-id': 'h-1', date: 'Sun, 22 Nov 2026 10:00:00 GMT' },
    }));
    await expect(set(client).get()).rejects.toMatchObject({
      code: 'generalException',
      status: 500,
      requestId: 'h-1',
      date: 'Sun, 22 Nov 2026 10:00:00 GMT',
    });
  });

  // The clock is injected: a date is read against it, so the seconds are exact (they were read against the
  // real clock, and a slow run could make them one less than the test allowed).
  const at = Date.UTC(2026, 10, 22, 10, 0, 0);
  const date = (ms: number) => new Date(ms).toUTCString();
  it.each<[string, string, number, number | undefined]>([
    // [case, Retry-After, the injected clock, seconds]
    ['seconds', '7', at, 7],
    ['an HTTP date 30 s ahead', date(at + 30_000), at, 30],
    ['an HTTP date 0.5 s ahead (rounded up: a retry sent early is refused again)', date(at), at - 500, 1],
    ['an HTTP date already past', date(at - 5_000), at, 0],
    ['neither', 'soon', at, undefined],
  ])('exposes Retry-After given in %s', async (_name, header, now, seconds) => {
    const { client } = clientWith(
      () => ({
        status: 429,
        body: odataError('TooManyRequests', 'slow down'),
        headers: { 'retry-after': header },
      }),
      { now: () => now },
    );
    const error = (await set(client)
      .get()
      .catch((e: unknown) => e)) as IndustryDataError;
    expect(error).toBeInstanceOf(IndustryDataError);
    expect(error.retryAfterSeconds).toBe(seconds);
  });

  it('an error without a body still says what happened', async () => {
    const { client } = clientWith(() => ({ status: 503 }));
    const error = (await set(client)
      .get()
      .catch((e: unknown) => e)) as IndustryDataError;
    expect(error.status).toBe(503);
    expect(error.message).toMatch(/503/);
  });
});
