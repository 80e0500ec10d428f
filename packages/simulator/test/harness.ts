import { loadSpec } from '@sds-toolkit/openapi-model';
import { defaultSpecPath, defaultValidator, loadWireSchemas, SchemaLayer } from '@sds-toolkit/rules';
import {
  createSimulator,
  createToken,
  type SimRequest,
  type SimResponse,
  type Simulator,
} from '../src/index.js';

export const spec = loadSpec(defaultSpecPath);
export const validator = defaultValidator();
export const schemaLayer = new SchemaLayer(loadWireSchemas());
export const readWrite = createToken({ scopes: ['IndustryData-OutboundFlow.ReadWrite.All'] });

export function newSimulator(options: { readinessDelayMs?: number } = {}): Simulator {
  return createSimulator({ spec, validator, readinessDelayMs: options.readinessDelayMs ?? 60_000 });
}

export function call(
  sim: Simulator,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): SimResponse & { json: any } {
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
  const response = sim.handle(request);
  // What a client would see after the transport: JSON text parsed back.
  return {
    ...response,
    json: response.body === undefined ? undefined : JSON.parse(JSON.stringify(response.body)),
  };
}

function responseType(method: string, pathname: string, status: number): string | undefined {
  const found = validator.catalogue.match(method, pathname);
  if (!found) return undefined;
  const op = spec.paths[found.operation.path]?.[found.operation.method as 'get'];
  const schema = op?.responses[String(status)]?.content?.['application/json']?.schema;
  if (!schema) return undefined;
  const ref =
    schema.$ref ??
    schema.oneOf?.[0]?.$ref ??
    schema.properties?.value?.items?.$ref ??
    schema.properties?.value?.items?.oneOf?.[0]?.$ref;
  const name = ref?.split('/').pop();
  if (!name) return undefined;
  // A oneOf of subtypes is checked as their base: the schema layer picks the subtype from @odata.type.
  const base =
    schema.oneOf || schema.properties?.value?.items?.oneOf
      ? validator.catalogue.spec.components.schemas[name]?.allOf?.[0]?.$ref?.split('/').pop()
      : undefined;
  const item = base ?? name;
  return schema.properties?.value ? `${item}CollectionResponse` : item;
}

/**
 * Checks a response against the spec: a documented success status with a body of the documented type, or an
 * error status with a valid OData error.
 */
export function conformanceProblems(
  method: string,
  url: string,
  response: SimResponse & { json: any },
): string[] {
  const pathname = new URL(url, 'http://x').pathname;
  const problems: string[] = [];
  if (response.status >= 400) {
    const errors = schemaLayer.check('microsoft.graph.ODataErrors.ODataError', response.json);
    problems.push(...errors.map((e) => `error body: ${e.path} ${e.message}`));
    for (const key of ['date', 'request-id', 'client-request-id'])
      if (!response.json?.error?.innerError?.[key]) problems.push(`error body lacks innerError.${key}`);
    if (!response.headers['request-id']) problems.push('no request-id header');
    return problems;
  }
  const found = validator.catalogue.match(method, pathname);
  if (!found) return [`${response.status} for a path the spec does not have`];
  if (response.status !== found.operation.successStatus)
    problems.push(`status ${response.status}, documented ${found.operation.successStatus}`);
  const type = responseType(method, pathname, response.status);
  if (type) {
    // The simulator's bodies carry @odata.context; the wire schema of an entity does not list it.
    const { '@odata.context': _context, ...body } = response.json ?? {};
    problems.push(
      ...schemaLayer
        .check(
          type.replace(/CollectionResponse$/, '') === type ? type : type,
          type.endsWith('CollectionResponse') ? response.json : body,
        )
        .map((e) => `body: ${e.path} ${e.message}`),
    );
  } else if (response.json !== undefined)
    problems.push(`a body where the spec documents none (${response.status})`);
  return problems;
}
