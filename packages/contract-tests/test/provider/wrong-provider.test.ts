import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startProvider, verifyProvider } from '../../src/verify.js';

/**
 * A deliberately wrong provider: the simulator behind a proxy that answers a flow update with 200 and a body,
 * as the draft docs page says, instead of the documented 204.
 */
async function wrongProvider() {
  const provider = await startProvider();
  const target = new URL(provider.running.origin);
  const proxy = createServer((req, res) => {
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        if (
          req.method === 'PATCH' &&
          /\/provisioningFlows\/[^/]+$/.test(req.url ?? '') &&
          answer.statusCode === 204
        ) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({ '@odata.type': '#microsoft.graph.industryData.classGroupProvisioningFlow' }),
          );
          answer.resume();
          return;
        }
        res.writeHead(answer.statusCode ?? 500, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  return {
    provider,
    url,
    close: async () => {
      proxy.closeAllConnections();
      proxy.close();
      await provider.running.close();
    },
  };
}

describe('provider verification catches a provider that breaks the contract', () => {
  it('a flow update answered 200 instead of 204 fails verification with a readable message', async () => {
    const wrong = await wrongProvider();
    try {
      const error = await verifyProvider({ providerBaseUrl: wrong.url, provider: wrong.provider }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      const message = String((error as Error).message);
      // The failure names the interaction and what differed: the status the consumer relies on.
      expect(message).toContain('a request to update the configuration of a classGroup flow');
      expect(message).toMatch(/has status code[^"]*204[^"]*FAILED/);
    } finally {
      await wrong.close();
    }
  });
});
