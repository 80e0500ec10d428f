import { randomUUID } from 'node:crypto';
import { type OpenApiDocument, shortName, withArticle } from '@sds-toolkit/openapi-model';
import type { Validator } from '@sds-toolkit/rules';
import { type Clock, systemClock } from '../clock.js';
import {
  checkFaultRules,
  type Fault,
  FaultConfigError,
  FaultInjector,
  type FaultRule,
  faultFromHeader,
} from '../faults.js';
import type { SimRequest, SimResponse } from '../http-types.js';
import { buildModel, type Model } from '../model/model.js';
import { ParsedQueries } from '../query/parsed-queries.js';
import { createRouter } from '../router/router.js';
import { MemoryStore } from '../store/memory.js';
import { type Store, StoreConflictError, StoreUnavailableError } from '../store/store.js';
import { collectionOf, normalizeKey, resolve } from './address.js';
import { Authenticator, Permissions } from './auth.js';
import type { Behaviour, Env, ExtraRoute, Middleware, Outcome, RequestContext, Settings } from './context.js';
import { defaultHandler } from './crud.js';
import { ErrorCode, newRequestIds, odataError, type RequestIds } from './odata-error.js';
import { Problem } from './problem.js';
import { Renderer } from './render.js';
import { Transaction } from './transaction.js';
import { validateInput } from './validate.js';

/** What Graph answers a 401 with: the authority to get a token from, and Microsoft Graph's client id. */
const wwwAuthenticate =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

export interface SimulatorOptions extends Partial<Settings> {
  readonly spec: OpenApiDocument;
  readonly validator: Validator;
  /** Where the state lives (default: in memory). */
  readonly store?: Store;
  readonly faults?: readonly FaultRule[];
  /** With a secret, tokens must be HS256-signed with it; without, signatures are not checked. */
  readonly secret?: string;
  /** The origin clients reach the simulator at, for links and `@odata.context` (read per request). */
  readonly baseUrl?: string | (() => string);
  /** Time and timers (default: the machine's); tests pass a ManualClock. */
  readonly clock?: Clock;
  /** New entity ids (default: random UUIDs). */
  readonly newId?: () => string;
  /** The documented behaviours to run (default: all of them). */
  readonly behaviours?: readonly Behaviour[];
  /** Called with what a scheduled task threw (default: printed on stderr). */
  readonly onError?: (error: unknown) => void;
}

export interface Simulator {
  readonly store: Store;
  readonly model: Model;
  readonly clock: Clock;
  /** What the behaviours share (settings, links, the writer): `startRun(simulator.env)` starts a run now. */
  readonly env: Env;
  /** Answers one request: route → validate → auth → handle → respond. */
  handle(request: SimRequest): Promise<SimResponse>;
  /** Arms a fault at run time, e.g. `{ status: 429, retryAfter: 1, count: 1 }` for the next request. */
  injectFault(rule: FaultRule): void;
  /** Empties the state and seeds it again (role groups, reference definitions); pending timers are dropped. */
  reset(): Promise<void>;
  /** Stops the timers; the store stays open (its owner closes it). */
  close(): Promise<void>;
}

export const defaultSettings: Settings = {
  readinessDelayMs: 2000,
  operationDelayMs: 2000,
  runIntervalMs: 12 * 60 * 60 * 1000,
  runDurationMs: 60_000,
  uploadSessionMs: 60 * 60 * 1000,
  uploadContainerMs: 48 * 60 * 60 * 1000,
  pageSize: 100,
};

/** Requests that only read take no lock; the rest (functions included: an upload session is made on GET) queue. */
const readOnlyKinds = new Set(['root', 'list', 'get', 'navigation']);

export async function createSimulator(
  options: SimulatorOptions,
  behaviours: readonly Behaviour[] = options.behaviours ?? [],
): Promise<Simulator> {
  const store = options.store ?? new MemoryStore();
  const clock = options.clock ?? systemClock;
  const { validator } = options;
  const model = buildModel(options.spec, validator.catalogue);
  const router = createRouter(model);
  const queries = new ParsedQueries(model);
  const permissions = new Permissions(options.spec);
  const authenticator = new Authenticator(options.secret);
  const faults = new FaultInjector(checkFaultRules(options.faults ?? [], 'faults'));
  const settings: Settings = {
    readinessDelayMs: options.readinessDelayMs ?? defaultSettings.readinessDelayMs,
    operationDelayMs: options.operationDelayMs ?? defaultSettings.operationDelayMs,
    runIntervalMs: options.runIntervalMs ?? defaultSettings.runIntervalMs,
    runDurationMs: options.runDurationMs ?? defaultSettings.runDurationMs,
    uploadSessionMs: options.uploadSessionMs ?? defaultSettings.uploadSessionMs,
    uploadContainerMs: options.uploadContainerMs ?? defaultSettings.uploadContainerMs,
    pageSize: options.pageSize ?? defaultSettings.pageSize,
  };
  const onError =
    options.onError ??
    ((error: unknown) => process.stderr.write(`sds simulator: a scheduled task failed: ${String(error)}\n`));
  const cancels = new Set<() => void>();
  let closed = false;
  const origin = (): string =>
    (typeof options.baseUrl === 'function'
      ? options.baseUrl()
      : (options.baseUrl ?? 'https://graph.microsoft.com')
    ).replace(/\/$/, '');

  // One write: the store runs it as one transaction (again, when a database asks), so `work` starts afresh.
  const write = <T>(work: (tx: Transaction) => Promise<T>): Promise<T> =>
    store.transact(async (reader) => {
      const tx = new Transaction(reader);
      const result = await work(tx);
      return { result, changes: tx.written };
    });

  const env: Env = {
    model,
    validator,
    store,
    clock,
    settings,
    origin,
    link: (path) => `${origin()}/beta${path}`,
    newId: options.newId ?? (() => randomUUID()),
    locate(path) {
      const found = router.match('GET', path);
      if (!found.ok || found.operation.kind !== 'get' || !found.operation.set) return undefined;
      const set = found.operation.set;
      return {
        collection: collectionOf(set, found.params),
        id: normalizeKey(found.params[set.keyParam] ?? ''),
        type: set.type,
      };
    },
    write,
    later(at, work) {
      if (closed) return;
      const cancel = clock.schedule(at, () => {
        cancels.delete(cancel);
        if (closed) return undefined;
        return write(work).catch((error: unknown) => {
          // The database is down for now: the task runs when it is back, not never.
          if (error instanceof StoreUnavailableError)
            env.later(clock.now() + error.retryAfterSeconds * 1000, work);
          else onError(error);
        });
      });
      cancels.add(cancel);
    },
  };

  const presenters = behaviours.flatMap((b) => (b.present ? [b.present.bind(b)] : []));
  const renderer = new Renderer(env, presenters);
  const extraRoutes: ExtraRoute[] = behaviours.flatMap((b) => b.routes?.(env) ?? []);

  // Each operation's chain, composed once: the behaviours that hook it, in order, then the default handler.
  const chains = new Map<string, (context: RequestContext) => Promise<Outcome>>();
  for (const operation of model.operations) {
    const hooks = behaviours.flatMap((b) => {
      const hook = b.hook?.(operation, model);
      return hook ? [hook] : [];
    });
    const chain = hooks.reduceRight<(context: RequestContext) => Promise<Outcome>>(
      (next, hook: Middleware) => (context) => hook(context, () => next(context)),
      defaultHandler,
    );
    chains.set(operation.id, chain);
  }

  const start = async () => {
    for (const behaviour of behaviours) await behaviour.start?.(env);
  };
  await start();

  async function answer(
    request: SimRequest,
    ids: RequestIds,
    fault: Fault | undefined,
  ): Promise<SimResponse> {
    if (fault?.status === 429)
      throw new Problem(
        429,
        ErrorCode.tooManyRequests,
        'Too many requests (injected fault): retry after the Retry-After delay',
        [],
        { 'retry-after': fault.retryAfter ?? '1' },
      );
    if (fault?.status === 503)
      throw new Problem(
        503,
        ErrorCode.serviceUnavailable,
        'The service is unavailable (injected fault)',
        [],
        fault.retryAfter ? { 'retry-after': fault.retryAfter } : {},
      );
    const query = request.url.indexOf('?');
    const pathname = query < 0 ? request.url : request.url.slice(0, query);
    const search = query < 0 ? '' : request.url.slice(query + 1);
    const extra = extraRoutes.find((r) => pathname.startsWith(r.prefix));
    if (extra) return extra.handle(request, pathname, search, ids);

    // route
    const route = router.match(request.method, pathname);
    if (!route.ok)
      throw route.status === 405
        ? new Problem(405, ErrorCode.methodNotAllowed, route.message, [], {
            allow: (route.allow ?? []).join(', '),
          })
        : new Problem(
            route.status,
            route.status === 404 ? ErrorCode.notFound : ErrorCode.badRequest,
            route.message,
          );
    const { operation } = route;
    // validate (its verdict waits for auth: an unauthenticated caller learns nothing about its body)
    const input = validateInput(queries, validator, route, request, search);
    // auth
    const auth = authenticator.authenticate(request.headers.authorization, clock.now());
    // RFC 6750 §3: a 401 says how to authenticate; Graph names its authority and its own client id.
    if (!auth.ok)
      throw new Problem(401, ErrorCode.unauthorized, auth.message, [], {
        'www-authenticate': wwwAuthenticate,
      });
    const allowed = permissions.authorize(operation.info, auth.principal);
    if (!allowed.ok) throw new Problem(403, ErrorCode.forbidden, allowed.message);
    if (input instanceof Problem) throw input;
    // handle
    let context: RequestContext | undefined;
    const run = async (tx: Transaction): Promise<Outcome> => {
      const { path, target, collection } = await resolve(model, tx, operation, route.params);
      if (operation.cast && target && !model.isA(target.type, operation.cast))
        throw new Problem(
          404,
          ErrorCode.notFound,
          `'${target.id}' is ${withArticle(shortName(target.type))}, not ${withArticle(shortName(operation.cast))}: ${operation.name} is bound to ${operation.cast}`,
        );
      context = {
        env,
        request,
        ids,
        operation,
        params: route.params,
        args: input.args,
        query: input.query,
        principal: auth.principal,
        tx,
        body: input.body,
        serverSet: {},
        path,
        target,
        collection,
      };
      return (chains.get(operation.id) ?? defaultHandler)(context);
    };
    let outcome: Outcome;
    if (readOnlyKinds.has(operation.kind)) {
      const tx = new Transaction(store);
      outcome = await run(tx);
      if (tx.changed) await store.apply(tx.written);
    } else outcome = await write(run);
    // respond
    return renderer.respond(outcome, context as unknown as RequestContext, search);
  }

  async function handle(request: SimRequest): Promise<SimResponse> {
    const ids = newRequestIds(request.headers['client-request-id'], new Date(clock.now()));
    let fault: Fault | undefined;
    try {
      try {
        const header = request.headers['x-sds-fault'];
        const pathname = request.url.split('?')[0] ?? '';
        fault = header
          ? faultFromHeader(header, clock.now())
          : faults.next(request.method, pathname, clock.now());
      } catch (error) {
        if (error instanceof FaultConfigError) throw new Problem(400, ErrorCode.badRequest, error.message);
        throw error;
      }
      const response = await answer(request, ids, fault);
      return fault?.latencyMs ? { ...response, delayMs: fault.latencyMs } : response;
    } catch (error) {
      if (error instanceof StoreUnavailableError)
        return odataError(503, ErrorCode.serviceUnavailable, error.message, ids, [], {
          'retry-after': String(error.retryAfterSeconds),
        });
      if (error instanceof StoreConflictError) return odataError(409, ErrorCode.conflict, error.message, ids);
      if (error instanceof Problem) {
        const response = odataError(error.status, error.code, error.message, ids, error.details, {
          ...error.headers,
        });
        return fault?.latencyMs ? { ...response, delayMs: fault.latencyMs } : response;
      }
      // A bug of the simulator, not of the request: still an OData error, with what happened.
      return odataError(500, ErrorCode.internal, `the simulator failed: ${(error as Error).message}`, ids);
    }
  }

  return {
    store,
    model,
    clock,
    env,
    handle,
    injectFault(rule) {
      faults.add(checkFaultRules([rule], 'injectFault')[0] as FaultRule);
    },
    async reset() {
      for (const cancel of cancels) cancel();
      cancels.clear();
      await store.clear();
      await start();
    },
    async close() {
      closed = true;
      for (const cancel of cancels) cancel();
      cancels.clear();
    },
  };
}
