import type {
  OpenApiDocument,
  OperationObject,
  ParameterObject,
  PathItem,
  SchemaObject,
} from '@sds-toolkit/openapi-model';
import { compareCodePoints } from '@sds-toolkit/openapi-model';
import type {
  ExampleIR,
  OperationIR,
  ParameterIR,
  PermissionsIR,
  Primitive,
  SourceRef,
  SpecIR,
  TypeIR,
  TypeRef,
} from '../ir/types.js';
import {
  graphServer,
  odataErrorSchemas,
  parameterComponentName,
  queryParameterSchemas,
} from './conventions.js';

const primitiveSchemas: Record<Primitive, SchemaObject> = {
  String: { type: 'string' },
  Boolean: { type: 'boolean' },
  Int16: { type: 'integer', format: 'int16' },
  Int32: { type: 'integer', format: 'int32' },
  Int64: { type: 'integer', format: 'int64' },
  Byte: { type: 'integer', format: 'uint8' },
  Double: { type: 'number', format: 'double' },
  Single: { type: 'number', format: 'float' },
  Decimal: { type: 'number', format: 'decimal' },
  DateTimeOffset: {
    type: 'string',
    format: 'date-time',
    pattern:
      '^[0-9]{4,}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,12})?(Z|[+-][0-9][0-9]:[0-9][0-9])$',
  },
  Date: { type: 'string', format: 'date' },
  TimeOfDay: { type: 'string', format: 'time' },
  Duration: { type: 'string', format: 'duration' },
  Guid: { type: 'string', format: 'uuid' },
  Binary: { type: 'string', format: 'base64url' },
  Stream: { type: 'string', format: 'base64url' },
};

export const sourceOf = (source: SourceRef): string => `${source.file}#L${source.line}`;

/** A media type's `examples`, each with the page line it comes from; nothing when the page gives none. */
const examplesOf = (examples: readonly ExampleIR[]) =>
  examples.length > 0
    ? {
        examples: Object.fromEntries(
          examples.map((e) => [e.name, { value: e.value, 'x-docs-source': sourceOf(e.source) }]),
        ),
      }
    : {};
const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` });

function propertySchema(
  type: TypeRef,
  known: ReadonlySet<string>,
  description: string,
  readOnly: boolean,
  deprecated = false,
  removalDate?: string,
): SchemaObject {
  let item: SchemaObject;
  if (type.kind === 'primitive') item = { ...primitiveSchemas[type.name] };
  else if (known.has(type.name)) item = ref(type.name);
  else item = { 'x-docs-unresolved-type': type.name };
  const extra: SchemaObject = {};
  if (description) extra.description = description;
  if (readOnly) extra.readOnly = true;
  if (deprecated) extra.deprecated = true;
  // Graph's own OpenAPI carries removal dates in this extension (OpenAPI.NET.OData's x-ms-deprecation).
  if (deprecated && removalDate) extra['x-ms-deprecation'] = { removalDate };
  if (type.collection) return { type: 'array', items: item, ...extra };
  if (item.type === undefined && item.$ref === undefined) return { ...item, ...extra }; // unresolved: any value
  // Graph properties are nullable: PATCH sends null to clear one. A $ref cannot carry `nullable` in 3.0.
  if (item.$ref) return { anyOf: [item, { type: 'object', nullable: true }], ...extra };
  return { ...item, nullable: true, ...extra };
}

function typeSchema(
  type: TypeIR,
  types: ReadonlyMap<string, TypeIR>,
  known: ReadonlySet<string>,
): SchemaObject {
  const properties: Record<string, SchemaObject> = {};
  for (const p of type.properties)
    properties[p.name] = propertySchema(
      p.type,
      known,
      p.description,
      p.readOnly,
      p.deprecated,
      p.removalDate,
    );
  for (const n of type.navigations) {
    properties[n.name] = {
      ...propertySchema(
        { kind: 'named', name: n.target, collection: n.collection },
        known,
        n.description,
        false,
      ),
      'x-ms-navigationProperty': true,
    };
  }
  if (!type.baseType) properties['@odata.type'] = { type: 'string' };
  else {
    // A derived type pins @odata.type to itself or its own subtypes, so that `oneOf` its siblings is exclusive.
    const names = [type.name, ...type.derived].map((n) => n.replaceAll('.', '\\.'));
    properties['@odata.type'] = { type: 'string', pattern: `^#?(?:${names.join('|')})$` };
  }
  const body: SchemaObject = { title: type.shortName, type: 'object', properties };
  if (type.derived.length > 0) {
    body.discriminator = {
      propertyName: '@odata.type',
      mapping: Object.fromEntries(type.derived.map((d) => [`#${d}`, `#/components/schemas/${d}`])),
    };
  }
  const schema: SchemaObject =
    type.baseType && types.has(type.baseType) ? { allOf: [ref(type.baseType), body] } : body;
  if (type.description) schema.description = type.description;
  if (type.abstract) schema['x-ms-abstract'] = true;
  if (type.kind === 'entity' && type.keyProperty) schema['x-ms-key'] = type.keyProperty;
  if (type.synthesized) schema['x-docs-synthesized'] = true;
  if (type.external) schema['x-docs-external'] = true;
  // An open type (and a type of another namespace, whose properties are unknown here) admits any property.
  if (type.openType) body.additionalProperties = true;
  schema['x-docs-source'] = sourceOf(type.source);
  return schema;
}

/**
 * The schema of a body typed by these types. A type no page of the folder documents has no schema to refer to:
 * it is left untyped, as a property of such a type is (a $ref to nothing would make the document invalid).
 */
function bodySchema(allNames: readonly string[], known: ReadonlySet<string>): SchemaObject {
  const typeNames = allNames.filter((n) => known.has(n));
  const unknown = allNames.filter((n) => !known.has(n));
  if (typeNames.length === 0) return { 'x-docs-unresolved-type': unknown.join(', ') };
  if (typeNames.length === 1 && typeNames[0]) return ref(typeNames[0]);
  return {
    oneOf: typeNames.map(ref),
    discriminator: {
      propertyName: '@odata.type',
      mapping: Object.fromEntries(typeNames.map((n) => [`#${n}`, `#/components/schemas/${n}`])),
    },
  };
}

/** A required parameter must be given a value: unlike a property, it is not nullable. */
function parameterSchema(p: ParameterIR, type: TypeRef, known: ReadonlySet<string>): SchemaObject {
  const schema = propertySchema(type, known, p.description, false);
  if (!p.required) return schema;
  const { nullable: _nullable, anyOf, ...rest } = schema;
  // `anyOf: [$ref, { type: object, nullable: true }]` is how a nullable reference is written in 3.0.
  return anyOf?.[0]?.$ref ? { ...anyOf[0], ...rest } : anyOf ? { anyOf, ...rest } : rest;
}

/** An action's parameters as the object its request body is. */
function parametersSchema(parameters: readonly ParameterIR[], known: ReadonlySet<string>): SchemaObject {
  const required = parameters.filter((p) => p.required).map((p) => p.name);
  return {
    type: 'object',
    properties: Object.fromEntries(
      parameters.map((p) => [
        p.name,
        p.type ? parameterSchema(p, p.type, known) : { description: p.description },
      ]),
    ),
    ...(required.length > 0 ? { required } : {}),
  };
}

function permissionsExtension(p: PermissionsIR): Record<string, unknown> {
  const set = (s: PermissionsIR['application']) =>
    s === undefined
      ? 'undocumented'
      : s === null
        ? 'not supported'
        : {
            leastPrivileged: s.leastPrivileged,
            higherPrivileged: s.higherPrivileged,
            ...(s.together ? { allRequired: true } : {}),
          };
  return {
    delegatedWork: set(p.delegatedWork),
    delegatedPersonal: set(p.delegatedPersonal),
    application: set(p.application),
    source: sourceOf(p.source),
  };
}

function security(p: PermissionsIR | undefined): Record<string, string[]>[] | undefined {
  if (!p) return undefined;
  const requirements: Record<string, string[]>[] = [];
  for (const [scheme, set] of [
    ['delegated', p.delegatedWork],
    ['application', p.application],
  ] as const) {
    if (!set) continue;
    // One requirement lists scopes needed together; requirements side by side are alternatives.
    if (set.together) requirements.push({ [scheme]: [...set.leastPrivileged] });
    else
      for (const scope of [...set.leastPrivileged, ...set.higherPrivileged])
        requirements.push({ [scheme]: [scope] });
  }
  return requirements;
}

const statusText: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  302: 'Found',
};

function operationObject(op: OperationIR, known: ReadonlySet<string>): OperationObject {
  const parameters: ParameterObject[] = [
    ...op.queryParameters
      .filter((q) => queryParameterSchemas[q])
      .map(
        (q) =>
          ({ $ref: `#/components/parameters/${parameterComponentName(q)}` }) as unknown as ParameterObject,
      ),
    // A function's own parameters, in the query string as its page says; typed as its table writes them.
    ...(op.functionParameters ?? []).map((p) => ({
      name: p.name,
      in: 'query' as const,
      required: p.required,
      ...(p.description ? { description: p.description } : {}),
      schema: p.type ? parameterSchema({ ...p, description: '', required: true }, p.type, known) : {},
    })),
    // Request headers the pages name (If-Match, Prefer, ConsistencyLevel), required as their rows say.
    ...(op.headerParameters ?? []).map((h) => ({
      name: h.name,
      in: 'header' as const,
      required: h.required,
      ...(h.description ? { description: h.description } : {}),
      schema: { type: 'string' as const },
    })),
  ];
  const result: OperationObject = {
    operationId: op.id,
    summary: op.summary,
    tags: [
      op.path
        .split('/')
        .filter((s) => s && !s.startsWith('{'))
        .map((s) => s.replace(/\(.*\)$/, ''))
        .slice(0, 3)
        .join('.'),
    ],
    responses: {},
  };
  if (op.description) result.description = op.description;
  if (parameters.length > 0) result.parameters = parameters;
  if (op.requestStream) {
    result.requestBody = {
      required: true,
      description: 'The content, as bytes',
      content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    };
  } else if (op.requestMediaTypes) {
    // Markup, one schema per media type: HTML as text; a multipart message as its named parts.
    result.requestBody = {
      required: true,
      description: 'The content, as markup',
      content: Object.fromEntries(
        op.requestMediaTypes.map((m) => [
          m,
          {
            schema: m.startsWith('multipart/')
              ? { type: 'object', additionalProperties: { type: 'string', format: 'binary' } }
              : { type: 'string' },
          },
        ]),
      ),
    };
  } else if (op.requestTypes.length > 0 || op.requestParameters) {
    result.requestBody = {
      required: true,
      description: op.path.endsWith('/$ref')
        ? 'New navigation property ref value'
        : op.requestParameters
          ? 'Action parameters'
          : 'New property values',
      content: {
        'application/json': {
          schema: op.requestParameters
            ? parametersSchema(op.requestParameters, known)
            : bodySchema(op.requestTypes, known),
          ...examplesOf(op.requestExamples),
        },
      },
    };
  }
  const hasBody = op.responseTypes.length > 0 && op.status !== 202 && op.status !== 204;
  let schema: SchemaObject | undefined;
  if (hasBody) {
    schema = op.responseCollection
      ? {
          title: `Collection of ${op.responseTypes.map((t) => t.split('.').pop()).join(', ')}`,
          type: 'object',
          properties: {
            value: { type: 'array', items: bodySchema(op.responseTypes, known) },
            '@odata.count': { type: 'integer', format: 'int64', nullable: true },
            '@odata.nextLink': { type: 'string', nullable: true },
            // A delta function's last page carries the link that starts the next round (Graph's
            // BaseDeltaFunctionResponse); without it no client could read the token the page tells it to keep.
            ...(op.kind === 'function' && /\/delta$/.test(op.path)
              ? { '@odata.deltaLink': { type: 'string', nullable: true } }
              : {}),
          },
        }
      : bodySchema(op.responseTypes, known);
  }
  // A redirect (302 Found to a download URL) carries no body; any other success of a stream read is the bytes.
  const bytes =
    op.responseStream &&
    (op.status === undefined || (op.status >= 200 && op.status < 300 && op.status !== 204));
  // An operation whose pages state no success status answers "some 2xx" (OpenAPI's range key), not a guess.
  result.responses[op.status === undefined ? '2XX' : String(op.status)] = {
    description: (op.status === undefined ? undefined : statusText[op.status]) ?? 'Success',
    ...(op.responseHeaders
      ? {
          headers: Object.fromEntries(
            op.responseHeaders.map((h) => [
              h,
              {
                description:
                  h.toLowerCase() === 'location'
                    ? 'Where the result is, or where to go next'
                    : `The ${h} header`,
                schema: { type: 'string' },
              },
            ]),
          ),
        }
      : {}),
    ...(bytes
      ? { content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }
      : schema && !op.responseStream
        ? {
            content: {
              'application/json': {
                schema,
                ...examplesOf(op.responseExamples),
              },
            },
          }
        : {}),
  };
  // A second success with its own body, as the Response section states it (200 beside 204 with
  // `Prefer: return=representation`).
  const alternate = op.alternateResponse;
  if (alternate && result.responses[String(alternate.status)] === undefined) {
    const item = bodySchema(alternate.types, known);
    result.responses[String(alternate.status)] = {
      description: statusText[alternate.status] ?? 'Success',
      content: {
        'application/json': {
          schema: alternate.collection
            ? {
                title: `Collection of ${alternate.types.map((t) => t.split('.').pop()).join(', ')}`,
                type: 'object',
                properties: {
                  value: { type: 'array', items: item },
                  '@odata.nextLink': { type: 'string', nullable: true },
                },
              }
            : item,
        },
      },
    };
  }
  result.responses['4XX'] = { $ref: '#/components/responses/error' } as never;
  result.responses['5XX'] = { $ref: '#/components/responses/error' } as never;
  const sec = security(op.permissions);
  if (sec) result.security = sec;
  result['x-ms-docs-operation-type'] =
    op.kind === 'action' ? 'action' : op.kind === 'function' ? 'function' : 'operation';
  result['x-docs-source'] = sourceOf(op.source);
  result['x-docs-pages'] = op.pages;
  result['x-docs-listed-by'] = op.listedBy;
  result['x-docs-example-names'] = op.exampleNames;
  if (Object.keys(op.acceptedProperties).length > 0) {
    result['x-docs-accepted-properties'] = Object.fromEntries(
      Object.entries(op.acceptedProperties)
        .sort(([a], [b]) => compareCodePoints(a, b))
        .map(([type, props]) => [
          type,
          Object.fromEntries(props.map((p) => [p.name, { required: p.required }])),
        ]),
    );
  }
  if (op.permissions) result['x-permissions'] = permissionsExtension(op.permissions);
  return result;
}

function pathParameters(path: string, types: ReadonlyMap<string, TypeIR>): ParameterObject[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => {
    const name = m[1] ?? 'id';
    const typeShort = name.replace(/Id$/, '');
    const type = [...types.values()].find((t) => t.shortName === typeShort);
    // A function's argument written in its segment (`getEmailActivityCounts(period='{period_value}')`) is no
    // key: Graph's own OpenAPI describes it by its usage.
    const argument = new RegExp(`\\b(\\w+)='?\\{${name}\\}'?`).exec(path);
    return {
      name,
      in: 'path',
      required: true,
      description: argument ? `Usage: ${argument[0]}` : `The unique identifier of ${typeShort}`,
      schema: { type: 'string' },
      ...(type ? { 'x-ms-docs-key-type': typeShort } : {}),
    };
  });
}

/** IR → OpenAPI 3.0 document. Keys and lists are in a fixed order so that the output is byte-stable. */
export function emitOpenApi(ir: SpecIR, title: string): OpenApiDocument {
  const types = new Map(ir.types.map((t) => [t.name, t]));
  const known = new Set([...ir.types.map((t) => t.name), ...ir.enums.map((e) => e.name)]);
  const schemas: Record<string, SchemaObject> = {};
  for (const type of ir.types) schemas[type.name] = typeSchema(type, types, known);
  for (const e of ir.enums) {
    schemas[e.name] = {
      title: e.name.split('.').pop(),
      type: 'string',
      enum: [...e.members],
      // Graph's own OpenAPI marks flags enums so (OpenAPI.NET.OData); Kiota reads it.
      ...(e.flags ? { 'x-ms-enum-flags': { isFlags: true } } : {}),
      'x-docs-source': sourceOf(e.source),
    };
  }
  for (const [name, schema] of Object.entries(odataErrorSchemas)) schemas[name] = schema;

  const paths: Record<string, PathItem> = {};
  for (const op of ir.operations) {
    const item: PathItem = paths[op.path] ?? {};
    paths[op.path] = item;
    const params = pathParameters(op.path, types);
    if (params.length > 0) item.parameters = params;
    item[op.method] = operationObject(op, known);
  }
  const usedQuery = [...new Set(ir.operations.flatMap((o) => o.queryParameters))]
    .filter((q) => queryParameterSchemas[q])
    .sort();
  // Each scheme lists the permissions the tables give for its kind: a delegated-only scope is no app role.
  const scopeMapOf = (kind: 'delegatedWork' | 'application') =>
    Object.fromEntries(
      [
        ...new Set(
          ir.operations.flatMap((o) => {
            const s = o.permissions?.[kind];
            return s ? [...s.leastPrivileged, ...s.higherPrivileged] : [];
          }),
        ),
      ]
        .sort(compareCodePoints)
        .map((s) => [s, s]),
    );
  return {
    openapi: '3.0.4',
    info: {
      title,
      version: ir.version,
      // The pages this is derived from are published under CC BY 4.0 (microsoft-graph-docs-contrib/LICENSE).
      license: { name: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      description:
        'Derived from the Microsoft Graph documentation pages by @sds-toolkit/docs-to-openapi. Do not edit: regenerate.',
    },
    servers: [{ url: graphServer(ir.version) }],
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => compareCodePoints(a, b))),
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => compareCodePoints(a, b))),
      parameters: Object.fromEntries(
        usedQuery.map((q) => [parameterComponentName(q), queryParameterSchemas[q] as ParameterObject]),
      ),
      responses: {
        error: {
          description: 'error',
          content: { 'application/json': { schema: ref('microsoft.graph.ODataErrors.ODataError') } },
        },
      },
      securitySchemes: {
        delegated: {
          type: 'oauth2',
          description: 'Delegated permissions (work or school account): scopes in the token `scp` claim',
          flows: {
            authorizationCode: {
              authorizationUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
              tokenUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
              scopes: scopeMapOf('delegatedWork'),
            },
          },
        },
        application: {
          type: 'oauth2',
          description: 'Application permissions: app roles in the token `roles` claim',
          flows: {
            clientCredentials: {
              tokenUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
              scopes: scopeMapOf('application'),
            },
          },
        },
      },
    },
    tags: [
      ...new Set(
        Object.values(paths).flatMap((p) =>
          Object.values(p).flatMap((o) => (o as OperationObject).tags ?? []),
        ),
      ),
    ]
      .filter((t): t is string => typeof t === 'string')
      .sort()
      .map((name) => ({ name, description: `Operations under /${name.replaceAll('.', '/')}` })),
  };
}
