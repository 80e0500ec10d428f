import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadSpec } from '@sds-toolkit/openapi-model';
import { defaultSpecPath, defaultValidator } from '@sds-toolkit/rules';
import { createSimulator, type Simulator, type SimulatorOptions } from './app.js';
import type { FaultRule } from './faults.js';
import { Store } from './store.js';

export interface StartOptions extends Partial<Omit<SimulatorOptions, 'store' | 'baseUrl'>> {
  /** 0 (the default) lets the OS choose a free port. */
  readonly port?: number;
  readonly host?: string;
  /** A data file makes the state durable (journal, fsync before each answer). */
  readonly data?: string;
  readonly faults?: readonly FaultRule[];
}

export interface RunningSimulator {
  /** The base URL to give clients, e.g. `http://127.0.0.1:54321/beta`. */
  readonly url: string;
  readonly origin: string;
  readonly simulator: Simulator;
  close(): Promise<void>;
}

const maxRequestBytes = 6 * 1024 * 1024;

function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is drained, not kept: the handler answers 413 from the truncated text.
      if (size <= maxRequestBytes) chunks.push(chunk);
    });
    request.on('end', () => resolve(chunks.length > 0 ? Buffer.concat(chunks).toString('utf8') : undefined));
    request.on('error', reject);
  });
}

/** Starts the simulator on HTTP (loopback and a free port by default). */
export async function startSimulator(options: StartOptions = {}): Promise<RunningSimulator> {
  const spec = options.spec ?? loadSpec(defaultSpecPath);
  const validator = options.validator ?? defaultValidator();
  const store = options.data ? Store.durable(options.data) : Store.inMemory();
  const host = options.host ?? '127.0.0.1';
  let origin = '';
  const simulator = createSimulator({ ...options, spec, validator, store, baseUrl: () => origin });

  const server: Server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    try {
      const body = await readBody(request);
      const headers: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(request.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      const answer = simulator.handle({
        method: request.method ?? 'GET',
        url: request.url ?? '/',
        headers,
        body,
      });
      const send = () => {
        const text = answer.body === undefined ? undefined : JSON.stringify(answer.body);
        response.writeHead(answer.status, {
          ...answer.headers,
          ...(text ? { 'content-length': Buffer.byteLength(text) } : {}),
        });
        response.end(text);
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    } catch (error) {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ error: { code: 'generalException', message: (error as Error).message } }),
      );
    }
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  return {
    url: `${origin}/beta`,
    origin,
    simulator,
    close: () =>
      new Promise<void>((resolve) => {
        simulator.close();
        server.closeAllConnections();
        server.close(() => {
          store.close();
          resolve();
        });
      }),
  };
}
