import { loadSpec } from '@sds-toolkit/openapi-model';
import { defaultSpecPath, defaultValidator, loadWireSchemas, SchemaLayer } from '@sds-toolkit/rules';
import {
  createRouter,
  createSimulator,
  createToken,
  ManualClock,
  type SimRequest,
  type SimResponse,
  type Simulator,
  type SimulatorOptions,
} from '../src/index.js';

export const spec = loadSpec(defaultSpecPath);
export const validator = defaultValidator();
/**
 * The client's wire schemas, with one correction: the spec gives microsoft.graph.publicError (the errors and
 * warnings of a validation, a run's blockingError) `additionalProperties: true`, its properties being defined
 * outside the docs this spec comes from, but the generated schema closes it (`additionalProperties: false`).
 * Checked as the spec says until the generator follows it.
 */
function wireSchemas() {
  const schemas = loadWireSchemas();
  const definitions = { ...schemas.definitions } as Record<string, Record<string, unknown>>;
  if (definitions.PublicError)
    definitions.PublicError = { ...definitions.PublicError, additionalProperties: true };
  return { ...schemas, definitions };
}
export const schemaLayer = new SchemaLayer(wireSchemas());

/** Every scope of the spec's permission tables: a token that may do everything (the permission tests narrow it). */
export const allScopes = Object.keys(
  (
    spec.components.securitySchemes as {
      delegated: { flows: { authorizationCode: { scopes: Record<string, string> } } };
    }
  ).delegated.flows.authorizationCode.scopes,
);
export const readWrite = createToken({ scopes: allScopes });

export async function newSimulator(options: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  return createSimulator({
    spec,
    validator,
    clock: new ManualClock(),
    readinessDelayMs: 60_000,
    ...options,
  });
}

export type Answer = SimResponse & { json: any };

export async function call(
  sim: Simulator,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const request: SimRequest = {
    method,
    url,
    headers: Object.fromEntries(
      Object.entries({
        authorization: `Bearer ${readWrite}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      }).filter(([, v]) => v !== ''),
    ),
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  };
  const response = await sim.handle(request);
  // The text the renderer wrote itself must be the body's own (the transport sends that text, not the body).
  if (response.jsonText !== undefined && response.jsonText !== JSON.stringify(response.body))
    throw new Error(`${method} ${url}: the JSON text answered is not the body's:\n${response.jsonText}`);
  // What a client would see after the transport: the JSON text it sends, parsed back.
  const text = response.jsonText ?? (response.body === undefined ? undefined : JSON.stringify(response.body));
  return { ...response, json: text === undefined ? undefined : JSON.parse(text) };
}

const routers = new WeakMap<Simulator, ReturnType<typeof createRouter>>();
const envelope = new Set(['@odata.context', '@odata.count', '@odata.nextLink', 'value']);

/** The type to check an entity against: its own when it is one of the set's types, else the documented one. */
function typeToCheck(sim: Simulator, documented: string, base: string | undefined, body: any): string {
  const named =
    typeof body?.['@odata.type'] === 'string'
      ? sim.model.catalogue.typeNamed(body['@odata.type'])
      : undefined;
  if (named && (sim.model.isA(named, documented) || (base && sim.model.isA(named, base)))) return named;
  return documented;
}

function entityProblems(type: string, body: any, where: string): string[] {
  const { '@odata.context': _context, ...rest } = body ?? {};
  return schemaLayer.check(type, rest).map((e) => `${where}: ${e.path} ${e.message}`);
}

/**
 * Checks a response against the spec: a documented success status with a body of the documented type (an
 * entity of a derived type against its own type), or an error status with a valid OData error.
 */
export function conformanceProblems(sim: Simulator, method: string, url: string, response: Answer): string[] {
  const pathname = url.split('?')[0] ?? '';
  const problems: string[] = [];
  if (response.status >= 400) {
    const errors = schemaLayer.check('microsoft.graph.ODataErrors.ODataError', response.json);
    problems.push(...errors.map((e) => `error body: ${e.path} ${e.message}`));
    for (const key of ['date', 'request-id', 'client-request-id'])
      if (!response.json?.error?.innerError?.[key]) problems.push(`error body lacks innerError.${key}`);
    if (!response.headers['request-id']) problems.push('no request-id header');
    return problems;
  }
  if (pathname.startsWith('/upload/')) return [];
  let router = routers.get(sim);
  if (!router) {
    router = createRouter(sim.model);
    routers.set(sim, router);
  }
  const found = router.match(method, pathname);
  if (!found.ok) return [`${response.status} for a path the spec does not have`];
  const op = found.operation;
  if (response.status !== op.successStatus)
    problems.push(`status ${response.status}, documented ${op.successStatus}`);
  const result = op.result;
  if (!result) {
    if (response.json !== undefined)
      problems.push(`a body where the spec documents none (${response.status})`);
    return problems;
  }
  if (response.json === undefined) return [...problems, 'no body where the spec documents one'];
  const base = op.set?.type;
  if (result.collection) {
    for (const key of Object.keys(response.json))
      if (!envelope.has(key)) problems.push(`collection body has '${key}'`);
    if (!Array.isArray(response.json.value)) problems.push('collection body has no value array');
    if (response.json['@odata.count'] !== undefined && !Number.isInteger(response.json['@odata.count']))
      problems.push('@odata.count is not an integer');
    const itemBase = op.kind === 'list' ? base : undefined;
    for (const [i, item] of (response.json.value ?? []).entries())
      problems.push(...entityProblems(typeToCheck(sim, result.type, itemBase, item), item, `value/${i}`));
    return problems;
  }
  return [
    ...problems,
    ...entityProblems(typeToCheck(sim, result.type, base, response.json), response.json, 'body'),
  ];
}
