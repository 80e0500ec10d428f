import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { brokerFromEnv, canIDeploy, publishPact } from '../../src/broker.js';
import { consumerName, providerName } from '../../src/names.js';

async function fakeBroker(answer: (method: string, url: string) => { status: number; body?: unknown }) {
  const seen: { method: string; url: string; auth: string | undefined; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization, body });
      const { status, body: out } = answer(req.method ?? '', req.url ?? '');
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(out ?? {}));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    seen,
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => server.close(),
  };
}

describe('the Pact Broker steps', () => {
  it('are skipped when PACT_BROKER_BASE_URL is not set', () => {
    expect(brokerFromEnv({})).toBeUndefined();
    expect(
      brokerFromEnv({ PACT_BROKER_BASE_URL: 'https://broker.example/', PACT_BROKER_TOKEN: 't' }),
    ).toEqual({ baseUrl: 'https://broker.example', token: 't' });
  });

  it('publishes the pact under the version and branch, with the token', async () => {
    const broker = await fakeBroker(() => ({ status: 201 }));
    try {
      await publishPact({ baseUrl: broker.baseUrl, token: 'secret' }, 'abc123', 'main');
      expect(broker.seen.map((s) => `${s.method} ${s.url}`)).toEqual([
        `PUT /pacts/provider/${providerName}/consumer/${consumerName}/version/abc123`,
        `PUT /pacticipants/${consumerName}/branches/main/versions/abc123`,
      ]);
      expect(broker.seen[0]?.auth).toBe('Bearer secret');
      expect(JSON.parse(broker.seen[0]?.body ?? '{}').consumer.name).toBe(consumerName);
    } finally {
      broker.close();
    }
  });

  it('can-i-deploy reads the matrix summary', async () => {
    const broker = await fakeBroker(() => ({
      status: 200,
      body: { summary: { deployable: false, reason: 'no verification' } },
    }));
    try {
      expect(await canIDeploy({ baseUrl: broker.baseUrl, token: undefined }, 'abc123', 'production')).toEqual(
        { deployable: false, reason: 'no verification' },
      );
      expect(broker.seen[0]?.url).toMatch(
        /^\/matrix\?q%5B%5D%5Bpacticipant%5D=sds-toolkit-client&q%5B%5D%5Bversion%5D=abc123&environment=production/,
      );
    } finally {
      broker.close();
    }
  });

  it('a refusal says what and where', async () => {
    const broker = await fakeBroker(() => ({ status: 401 }));
    try {
      await expect(
        publishPact({ baseUrl: broker.baseUrl, token: undefined }, 'v1', undefined),
      ).rejects.toThrow(/the broker refused the pact \(401/);
    } finally {
      broker.close();
    }
  });
});
