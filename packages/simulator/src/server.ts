import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { loadSpec } from '@sds-toolkit/openapi-model';
import { defaultSpecPath, defaultValidator } from '@sds-toolkit/rules';
import { createSimulator, type Simulator, type SimulatorOptions } from './app.js';
import { maxUploadBytes, uploadPrefix } from './behaviours/upload-session.js';
import { ErrorCode, newRequestIds, odataError } from './core/odata-error.js';
import { maxBodyBytes } from './core/validate.js';
import type { FaultRule } from './faults.js';
import type { SimResponse } from './http-types.js';
import { openStore } from './store/open.js';
import type { Store } from './store/store.js';

export interface StartOptions extends Partial<Omit<SimulatorOptions, 'baseUrl'>> {
  /** 0 (the default) lets the OS choose a free port. */
  readonly port?: number;
  readonly host?: string;
  /**
   * An SQLite data file makes the state durable (on disk before each answer; a journal of the earlier simulator
   * is migrated). Ignored when `store` is given.
   */
  readonly data?: string;
  /** A PostgreSQL URL: a state several simulator processes share. Ignored when `store` is given. */
  readonly postgres?: string;
  /** Told what a migration of a journal did (default: printed on stderr). */
  readonly onMigrated?: (message: string) => void;
  readonly faults?: readonly FaultRule[];
}

export interface RunningSimulator {
  /** The base URL to give clients, e.g. `http://127.0.0.1:54321/beta`. */
  readonly url: string;
  readonly origin: string;
  readonly simulator: Simulator;
  close(): Promise<void>;
}

class TooLarge extends Error {}
class NotUtf8 extends Error {}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The body, refused past `limit` bytes (without reading the rest) and when it is not UTF-8 (never replaced by U+FFFD). */
function readBody(request: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // What follows is the refusal's to drop (drainThenClose): this reader lets go of the stream.
        request.off('data', onData);
        request.pause();
        chunks.length = 0;
        reject(new TooLarge());
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => {
      if (chunks.length === 0) return resolve(undefined);
      try {
        resolve(strictUtf8.decode(Buffer.concat(chunks)));
      } catch {
        reject(new NotUtf8());
      }
    });
    request.on('error', reject);
  });
}

/** How much of a refused body is read and dropped, and for how long, before its connection is closed. */
const drainBytes = 64 * 1024 * 1024;
const drainMs = 5000;

function drainThenClose(request: IncomingMessage): void {
  let dropped = 0;
  const close = () => request.socket.destroy();
  const timer = setTimeout(close, drainMs);
  timer.unref();
  request.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > drainBytes) close();
  });
  // All of it read: the connection serves the next request, as any other does.
  request.once('end', () => clearTimeout(timer));
  request.once('close', () => clearTimeout(timer));
  request.resume();
}

function send(response: ServerResponse, answer: SimResponse, close = false): void {
  const text =
    answer.text ?? answer.jsonText ?? (answer.body === undefined ? undefined : JSON.stringify(answer.body));
  response.writeHead(answer.status, {
    ...answer.headers,
    ...(text !== undefined ? { 'content-length': Buffer.byteLength(text) } : {}),
    ...(close ? { connection: 'close' } : {}),
  });
  response.end(text);
}

/** An OData error written straight to a socket Node refused to parse a request from (before any handler). */
function clientErrorResponse(error: NodeJS.ErrnoException): string {
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const ids = newRequestIds(undefined, new Date());
  const message = tooLarge
    ? 'the request headers are over 16 KB: send a shorter token or fewer headers'
    : error.code === 'HPE_INVALID_METHOD'
      ? 'the request method is not one HTTP knows; the API takes GET, POST, PATCH and DELETE'
      : `the request is not valid HTTP (${error.code ?? error.message})`;
  const answer = odataError(
    status,
    tooLarge ? ErrorCode.headersTooLarge : ErrorCode.badRequest,
    message,
    ids,
  );
  const body = JSON.stringify(answer.body);
  const reason = tooLarge ? 'Request Header Fields Too Large' : 'Bad Request';
  const headers = {
    ...answer.headers,
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  };
  return `HTTP/1.1 ${status} ${reason}\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n${body}`;
}

/** Starts the simulator on HTTP (loopback and a free port by default). */
export async function startSimulator(options: StartOptions = {}): Promise<RunningSimulator> {
  const spec = options.spec ?? loadSpec(defaultSpecPath);
  const validator = options.validator ?? defaultValidator();
  const store: Store =
    options.store ??
    (await openStore({
      ...(options.data !== undefined ? { data: options.data } : {}),
      ...(options.postgres !== undefined ? { postgres: options.postgres } : {}),
      onMigrated: options.onMigrated ?? ((message) => process.stderr.write(`sds simulator: ${message}\n`)),
    }));
  // A store this function opened is closed by it, also when the start fails (an open pool keeps a process alive).
  const owned = options.store === undefined;
  try {
    return await serve(options, spec, validator, store);
  } catch (error) {
    if (owned) await store.close().catch(() => undefined);
    throw error;
  }
}

async function serve(
  options: StartOptions,
  spec: SimulatorOptions['spec'],
  validator: SimulatorOptions['validator'],
  store: Store,
): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1';
  let origin = '';
  const simulator = await createSimulator({ ...options, spec, validator, store, baseUrl: () => origin });

  const server: Server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const url = request.url ?? '/';
    const limit = url.startsWith(uploadPrefix) ? maxUploadBytes : maxBodyBytes;
    const refuse = (status: number, code: string, message: string, close = true) =>
      send(
        response,
        odataError(
          status,
          code,
          message,
          newRequestIds(request.headers['client-request-id'] as string | undefined, new Date()),
        ),
        close,
      );
    // A body over the limit is answered at once; closing then would reset a client still sending it, which then
    // reads ECONNRESET instead of the 413. So what it still sends is read and dropped (up to a bound), then closed.
    const tooLarge = () => {
      refuse(413, ErrorCode.payloadTooLarge, `the body is over ${limit} bytes`, false);
      drainThenClose(request);
    };
    try {
      // A declared length over the limit is refused before a byte of the body is read.
      if (Number(request.headers['content-length'] ?? 0) > limit) {
        tooLarge();
        return;
      }
      let body: string | undefined;
      try {
        // A request that declares no body (most GETs) has none to wait for.
        const declared =
          request.headers['content-length'] !== undefined ||
          request.headers['transfer-encoding'] !== undefined;
        body = declared ? await readBody(request, limit) : undefined;
        if (!declared) request.resume();
      } catch (error) {
        if (error instanceof TooLarge) {
          tooLarge();
          return;
        }
        if (error instanceof NotUtf8)
          return refuse(400, ErrorCode.badRequest, 'the body is not valid UTF-8: send it UTF-8 encoded');
        throw error;
      }
      // Node joins repeated request headers itself, but for set-cookie, the only one it keeps as an array (and one
      // a request does not carry): looked up by name, not by a pass over every header of every request.
      let headers = request.headers as Record<string, string | undefined>;
      if (request.headers['set-cookie'] !== undefined) {
        headers = {};
        for (const [k, v] of Object.entries(request.headers))
          headers[k] = Array.isArray(v) ? v.join(', ') : v;
      }
      const answer = await simulator.handle({ method: request.method ?? 'GET', url, headers, body });
      if (answer.delayMs) setTimeout(() => send(response, answer), answer.delayMs);
      else send(response, answer);
    } catch (error) {
      refuse(500, ErrorCode.internal, `the simulator failed: ${(error as Error).message}`);
    }
  });
  server.keepAliveTimeout = 5000;
  // Requests Node refuses before any handler (an unknown method, headers over 16 KB, garbage) still get an OData error.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (socket.writable && !socket.destroyed) socket.end(clientErrorResponse(error));
    else socket.destroy();
  });
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
        void simulator.close();
        server.closeAllConnections();
        server.close(() => {
          void store.close().then(resolve);
        });
      }),
  };
}
