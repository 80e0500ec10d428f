import { randomUUID } from 'node:crypto';
import type { OpenApiDocument } from '@sds-toolkit/openapi-model';
import { type OperationInfo, parsePayload, type RuleDiagnostic, type Validator } from '@sds-toolkit/rules';
import { authenticate, Permissions } from './auth.js';
import { type Fault, FaultConfigError, FaultInjector, type FaultRule, faultFromHeader } from './faults.js';
import type { SimRequest, SimResponse } from './http-types.js';
import { baseHeaders, ErrorCode, newRequestIds, odataError, type RequestIds } from './odata-error.js';
import { applyQuery, QueryError } from './query.js';
import { type Json, Store } from './store.js';

export interface SimulatorOptions {
  readonly spec: OpenApiDocument;
  readonly validator: Validator;
  readonly store?: Store;
  readonly faults?: readonly FaultRule[];
  /** How long a flow stays `notReady` after it is created or reset, in ms. Default 2000. */
  readonly readinessDelayMs?: number;
  /** With a secret, tokens must be HS256-signed with it; without, signatures are not checked. */
  readonly secret?: string;
  /** The origin clients reach the simulator at, for `@odata.context` and `@odata.nextLink` (read per request). */
  readonly baseUrl?: string | (() => string);
  readonly now?: () => Date;
}

export interface Simulator {
  readonly store: Store;
  handle(request: SimRequest): SimResponse;
  /** Arms a fault at run time, e.g. `{ status: 429, retryAfter: 1, count: 1 }` for the next request. */
  injectFault(rule: FaultRule): void;
  /** Stops the readiness timers. */
  close(): void;
}

const maxBodyBytes = 5 * 1024 * 1024;
const serverSet = ['id', 'createdDateTime', 'lastModifiedDateTime', 'readinessStatus'];
const NS = '#microsoft.graph.industryData.';

/** PATCH semantics: a property set to null is cleared, one left out is kept. */
function merge(current: Json, patch: Json): Json {
  const result: Json = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (serverSet.includes(key)) continue;
    if (value === null) delete result[key];
    else Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return result;
}

/** A copy of a request body without the properties the service sets. */
function withoutServerSet(body: Json): Json {
  const result: Json = {};
  for (const [key, value] of Object.entries(body)) {
    if (!serverSet.includes(key) && key !== 'provisioningFlows')
      Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return result;
}

export function createSimulator(options: SimulatorOptions): Simulator {
  const store = options.store ?? Store.inMemory();
  const { validator } = options;
  const catalogue = validator.catalogue;
  const permissions = new Permissions(options.spec);
  const faults = new FaultInjector(options.faults ?? []);
  const readinessDelayMs = options.readinessDelayMs ?? 2000;
  const now = options.now ?? (() => new Date());
  const timers = new Set<NodeJS.Timeout>();
  const origin = (): string =>
    (typeof options.baseUrl === 'function'
      ? options.baseUrl()
      : (options.baseUrl ?? 'https://graph.microsoft.com')
    ).replace(/\/$/, '');

  const becomeReady = (setId: string, flowId: string): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      const flow = store.getFlow(setId, flowId);
      if (flow && flow.readinessStatus === 'notReady') {
        store.apply({
          op: 'putFlow',
          setId,
          flow: { ...flow, readinessStatus: 'ready', lastModifiedDateTime: now().toISOString() },
        });
      }
    }, readinessDelayMs);
    timer.unref();
    timers.add(timer);
  };

  const json = (status: number, body: unknown, ids: RequestIds): SimResponse => ({
    status,
    headers: { ...baseHeaders(ids), 'content-type': 'application/json; odata.metadata=minimal' },
    body,
  });
  const empty = (status: number, ids: RequestIds): SimResponse => ({
    status,
    headers: baseHeaders(ids),
    body: undefined,
  });

  const invalid = (diagnostics: RuleDiagnostic[], ids: RequestIds): SimResponse | undefined => {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length === 0) return undefined;
    const conflict = errors.find((d) => d.ruleId === 'one-flow-per-type');
    if (conflict)
      return odataError(409, ErrorCode.conflict, `[one-flow-per-type] ${conflict.message}`, ids, errors);
    const [first] = errors;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more in details)` : '';
    return odataError(
      400,
      ErrorCode.invalidRequest,
      `[${first?.ruleId}] ${first?.path || '/'}: ${first?.message}${more}`,
      ids,
      errors,
    );
  };

  const flowSetState = (setId: string) => ({
    id: setId,
    provisioningFlows: (store.listFlows(setId) ?? []).map((f) => ({
      id: String(f.id),
      '@odata.type': String(f['@odata.type'] ?? ''),
    })),
  });

  const contextUrl = (fragment: string) => `${origin()}/beta/$metadata#${fragment}`;

  function route(
    op: OperationInfo,
    params: Record<string, string>,
    url: URL,
    body: unknown,
    ids: RequestIds,
  ): SimResponse {
    const setId = params.outboundProvisioningFlowSetId;
    const flowId = params.provisioningFlowId;
    const set = setId !== undefined ? store.getSet(setId) : undefined;
    if (setId !== undefined && !set)
      return odataError(404, ErrorCode.notFound, `no outboundProvisioningFlowSet has id '${setId}'`, ids);
    const flow = setId !== undefined && flowId !== undefined ? store.getFlow(setId, flowId) : undefined;
    if (flowId !== undefined && !flow)
      return odataError(
        404,
        ErrorCode.notFound,
        `flow set '${setId}' has no provisioningFlow with id '${flowId}'`,
        ids,
      );
    const stamp = now().toISOString();
    const withFlows = (s: Json) => ({ ...s, provisioningFlows: store.listFlows(String(s.id)) ?? [] });

    switch (op.alias) {
      case 'listFlowSets': {
        const expand = url.searchParams.get('$expand') ?? '';
        const items = store.listSets().map((s) => (/provisioningFlows/i.test(expand) ? withFlows(s) : s));
        return json(
          200,
          applyQuery(items, url, contextUrl('external/industryData/outboundProvisioningFlowSets'), origin()),
          ids,
        );
      }
      case 'getFlowSet': {
        const expand = url.searchParams.get('$expand') ?? '';
        const item = /provisioningFlows/i.test(expand) ? withFlows(set as Json) : (set as Json);
        return json(
          200,
          {
            '@odata.context': contextUrl('external/industryData/outboundProvisioningFlowSets/$entity'),
            ...applyQuery([item], url, '', origin()).value[0],
          },
          ids,
        );
      }
      case 'createFlowSet': {
        const input = body as Json;
        const nested = Array.isArray(input.provisioningFlows) ? (input.provisioningFlows as Json[]) : [];
        const created: Json = {
          '@odata.type': `${NS}outboundProvisioningFlowSet`,
          ...withoutServerSet(input),
          id: randomUUID(),
          createdDateTime: stamp,
          lastModifiedDateTime: stamp,
        };
        store.apply({ op: 'putSet', set: created });
        for (const f of nested) {
          const newFlow: Json = {
            ...withoutServerSet(f),
            id: randomUUID(),
            createdDateTime: stamp,
            lastModifiedDateTime: stamp,
            readinessStatus: 'notReady',
          };
          store.apply({ op: 'putFlow', setId: String(created.id), flow: newFlow });
          becomeReady(String(created.id), String(newFlow.id));
        }
        const answer = nested.length > 0 ? withFlows(created) : created;
        return json(
          201,
          {
            '@odata.context': contextUrl('external/industryData/outboundProvisioningFlowSets/$entity'),
            ...answer,
          },
          ids,
        );
      }
      case 'updateFlowSet':
        store.apply({
          op: 'putSet',
          set: { ...merge(set as Json, body as Json), lastModifiedDateTime: stamp },
        });
        return empty(204, ids);
      case 'deleteFlowSet':
        store.apply({ op: 'deleteSet', id: String(setId) });
        return empty(204, ids);
      case 'listFlows':
        return json(
          200,
          applyQuery(
            store.listFlows(String(setId)) ?? [],
            url,
            contextUrl(`external/industryData/outboundProvisioningFlowSets('${setId}')/provisioningFlows`),
            origin(),
          ),
          ids,
        );
      case 'getFlow':
        return json(
          200,
          {
            '@odata.context': contextUrl(
              `external/industryData/outboundProvisioningFlowSets('${setId}')/provisioningFlows/$entity`,
            ),
            ...applyQuery([flow as Json], url, '', origin()).value[0],
          },
          ids,
        );
      case 'createFlow': {
        const created: Json = {
          ...withoutServerSet(body as Json),
          id: randomUUID(),
          createdDateTime: stamp,
          lastModifiedDateTime: stamp,
          readinessStatus: 'notReady',
        };
        store.apply({ op: 'putFlow', setId: String(setId), flow: created });
        becomeReady(String(setId), String(created.id));
        return json(
          201,
          {
            '@odata.context': contextUrl(
              `external/industryData/outboundProvisioningFlowSets('${setId}')/provisioningFlows/$entity`,
            ),
            ...created,
          },
          ids,
        );
      }
      case 'updateFlow':
        store.apply({
          op: 'putFlow',
          setId: String(setId),
          flow: { ...merge(flow as Json, body as Json), lastModifiedDateTime: stamp },
        });
        return empty(204, ids);
      case 'deleteFlow':
        store.apply({ op: 'deleteFlow', setId: String(setId), id: String(flowId) });
        return empty(204, ids);
      case 'resetFlow':
        store.apply({
          op: 'putFlow',
          setId: String(setId),
          flow: { ...(flow as Json), readinessStatus: 'notReady', lastModifiedDateTime: stamp },
        });
        becomeReady(String(setId), String(flowId));
        return empty(202, ids);
      default:
        return odataError(
          405,
          ErrorCode.methodNotAllowed,
          `${op.id} is in the spec but the simulator does not serve it`,
          ids,
        );
    }
  }

  function handle(request: SimRequest): SimResponse {
    const ids = newRequestIds(request.headers['client-request-id'], now());
    let url: URL;
    try {
      url = new URL(request.url, 'http://simulator.local');
    } catch {
      return odataError(400, ErrorCode.badRequest, `the request URL '${request.url}' cannot be read`, ids);
    }
    let fault: Fault | undefined;
    try {
      const header = request.headers['x-sds-fault'];
      fault = header ? faultFromHeader(header) : faults.next(request.method, url.pathname);
    } catch (error) {
      if (error instanceof FaultConfigError) return odataError(400, ErrorCode.badRequest, error.message, ids);
      throw error;
    }
    const response = answer(request, url, ids, fault);
    return fault?.latencyMs ? { ...response, delayMs: fault.latencyMs } : response;
  }

  function answer(request: SimRequest, url: URL, ids: RequestIds, fault: Fault | undefined): SimResponse {
    if (fault?.status === 429) {
      return odataError(
        429,
        ErrorCode.tooManyRequests,
        'Too many requests (injected fault): retry after the Retry-After delay',
        ids,
        undefined,
        {
          'retry-after': fault.retryAfter ?? '1',
        },
      );
    }
    if (fault?.status === 503) {
      return odataError(
        503,
        ErrorCode.serviceUnavailable,
        'The service is unavailable (injected fault)',
        ids,
        undefined,
        fault.retryAfter ? { 'retry-after': fault.retryAfter } : {},
      );
    }
    const found = catalogue.match(request.method, url.pathname);
    if (!found) {
      const sameResource = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].some(
        (m) => m !== request.method.toUpperCase() && catalogue.match(m, url.pathname),
      );
      return sameResource
        ? odataError(
            405,
            ErrorCode.methodNotAllowed,
            `${request.method} is not allowed on ${url.pathname}`,
            ids,
          )
        : odataError(
            404,
            ErrorCode.notFound,
            `no resource at ${url.pathname}: the simulator serves /external/industryData/outboundProvisioningFlowSets and below`,
            ids,
          );
    }
    const auth = authenticate(request.headers.authorization, options.secret, now().getTime());
    if (!auth.ok) return odataError(401, ErrorCode.unauthorized, auth.message, ids);
    const allowed = permissions.authorize(found.operation, auth.principal);
    if (!allowed.ok) return odataError(403, ErrorCode.forbidden, allowed.message, ids);
    const { outboundProvisioningFlowSetId: pathSetId, provisioningFlowId: pathFlowId } = found.parameters;
    if (pathSetId !== undefined && !store.getSet(pathSetId))
      return odataError(404, ErrorCode.notFound, `no outboundProvisioningFlowSet has id '${pathSetId}'`, ids);
    if (pathSetId !== undefined && pathFlowId !== undefined && !store.getFlow(pathSetId, pathFlowId)) {
      return odataError(
        404,
        ErrorCode.notFound,
        `flow set '${pathSetId}' has no provisioningFlow with id '${pathFlowId}'`,
        ids,
      );
    }

    let body: unknown;
    const text = request.body ?? '';
    if (found.operation.requestType) {
      if (Buffer.byteLength(text) > maxBodyBytes)
        return odataError(413, ErrorCode.payloadTooLarge, `the body is over ${maxBodyBytes} bytes`, ids);
      const contentType = request.headers['content-type'] ?? '';
      if (text && !/json/i.test(contentType))
        return odataError(
          415,
          ErrorCode.unsupportedMediaType,
          `send the body as application/json (got '${contentType || 'no Content-Type'}')`,
          ids,
        );
      const parsed = parsePayload(text || 'null');
      if (!parsed.ok)
        return odataError(400, ErrorCode.badRequest, parsed.diagnostic.message, ids, [parsed.diagnostic]);
      body = parsed.value;
      const setId = found.parameters.outboundProvisioningFlowSetId;
      const flowId = found.parameters.provisioningFlowId;
      const target = setId && flowId ? store.getFlow(setId, flowId) : undefined;
      const diagnostics = validator.validate(found.operation, body, {
        ...(setId && store.getSet(setId) && found.operation.alias === 'createFlow'
          ? { flowSet: flowSetState(setId) }
          : {}),
        ...(target
          ? { target: { id: String(target.id), '@odata.type': String(target['@odata.type'] ?? '') } }
          : {}),
      });
      const refused = invalid(diagnostics, ids);
      if (refused) return refused;
      // A nested flow set on create is checked flow by flow too, one flow of each type included.
      if (found.operation.alias === 'createFlowSet' && Array.isArray((body as Json).provisioningFlows)) {
        const seen: { id: string; '@odata.type': string }[] = [];
        const createFlow = catalogue.find('createFlow');
        for (const [i, f] of ((body as Json).provisioningFlows as unknown[]).entries()) {
          const nested = createFlow
            ? validator.validate(createFlow, f, { flowSet: { id: 'new', provisioningFlows: seen } })
            : [];
          const refusedFlow = invalid(
            nested.map((d) => ({ ...d, path: `/provisioningFlows/${i}${d.path}` })),
            ids,
          );
          if (refusedFlow) return refusedFlow;
          seen.push({
            id: `provisioningFlows/${i}`,
            '@odata.type': String((f as Json)?.['@odata.type'] ?? ''),
          });
        }
      }
    } else if (text.trim()) {
      return odataError(
        400,
        ErrorCode.badRequest,
        `${found.operation.alias ?? found.operation.id} takes no request body`,
        ids,
      );
    }
    try {
      return route(found.operation, found.parameters, url, body, ids);
    } catch (error) {
      if (error instanceof QueryError) return odataError(400, ErrorCode.badRequest, error.message, ids);
      throw error;
    }
  }

  return {
    store,
    handle(request) {
      try {
        return handle(request);
      } catch (error) {
        // A bug of the simulator, not of the request: still an OData error, with what happened.
        const ids = newRequestIds(request.headers['client-request-id'], now());
        return odataError(500, ErrorCode.internal, `the simulator failed: ${(error as Error).message}`, ids);
      }
    },
    injectFault(rule) {
      faults.add(rule);
    },
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
