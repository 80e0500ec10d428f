import { describe, expect, it } from 'vitest';
import {
  type AdapterOptions,
  createIndustryDataAdapter,
  createIndustryDataClient,
  operationLocation,
  waitForOperation,
} from '../src/index.js';
import { fakeFetch, type Handler } from './fake-fetch.js';

const base = 'https://graph.microsoft.com/beta/external/industryData';
const location = `${base}/operations/op1`;

function clientWith(handler: Handler, options: AdapterOptions = { retry: false }) {
  const transport = fakeFetch(handler);
  const client = createIndustryDataClient(
    createIndustryDataAdapter({ fetch: transport.fetch, accessToken: 't', ...options }),
  );
  return { client, sent: transport.sent };
}

// validate: 202 with Location; the operation runs twice, then has failed with a file error.
function service(): Handler {
  let reads = 0;
  return (r) => {
    if (r.method === 'POST') return { status: 202, headers: { location } };
    reads++;
    const status = reads < 3 ? 'running' : 'failed';
    return {
      status: 200,
      body: {
        '@odata.type': '#microsoft.graph.industryData.fileValidateOperation',
        id: 'op1',
        status,
        errors: status === 'failed' ? [{ code: 'RequiredFileNotFound', message: 'orgs.csv is missing' }] : [],
      },
    };
  };
}

describe('long-running operations: start, then wait', () => {
  it('operationLocation gives the URL of the operation an action started (202, Location)', async () => {
    const { client } = clientWith(service());
    const connector = client.external.industryData.dataConnectors.byIndustryDataConnectorId('c1');
    await expect(operationLocation((c) => connector.validate.post(c))).resolves.toBe(location);
  });

  it('waitForOperation reads it until it has finished, waiting between reads, and gives it as last read', async () => {
    const { client, sent } = clientWith(service());
    const waits: number[] = [];
    const operation = await waitForOperation(client, location, {
      intervalMs: 2000,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(operation.status).toBe('failed');
    expect(
      operation.odataType === '#microsoft.graph.industryData.fileValidateOperation' && operation.errors,
      // publicError is defined outside the pages the spec comes from: its properties are kept as read.
    ).toEqual([{ additionalData: { code: 'RequiredFileNotFound', message: 'orgs.csv is missing' } }]);
    expect(waits).toEqual([2000, 2000]);
    expect(sent.map((s) => s.url)).toEqual([location, location, location]);
  });

  it('by id, too', async () => {
    const { client, sent } = clientWith(service());
    await waitForOperation(client, 'op1', { sleep: async () => {} });
    expect(sent[0]?.url).toBe(location);
  });

  it('gives up after timeoutMs, saying so', async () => {
    const { client } = clientWith(() => ({ status: 200, body: { id: 'op1', status: 'running' } }));
    await expect(
      waitForOperation(client, 'op1', { intervalMs: 1000, timeoutMs: 3000, sleep: async () => {} }),
    ).rejects.toThrow('the operation op1 is still running after 3000 ms: gave up waiting');
  });

  it('without headers inspection in the chain, says why there is no location', async () => {
    const { client } = clientWith(service(), { middleware: [] });
    const connector = client.external.industryData.dataConnectors.byIndustryDataConnectorId('c1');
    await expect(operationLocation((c) => connector.validate.post(c))).rejects.toThrow(
      /HeadersInspectionHandler/,
    );
  });
});
