import type { OpenApiDocument, OperationObject, SchemaObject } from '@sds-toolkit/openapi-model';
import { httpMethods, isStatusRange, schemaNameOfRef, successStatus } from '@sds-toolkit/openapi-model';

/** Short names users type for the operations they script most (`sds validate --operation createFlow`). */
export const operationAliases: Readonly<Record<string, string>> = {
  listFlowSets: 'external.industryData.ListOutboundProvisioningFlowSets',
  createFlowSet: 'external.industryData.CreateOutboundProvisioningFlowSets',
  getFlowSet: 'external.industryData.GetOutboundProvisioningFlowSets',
  updateFlowSet: 'external.industryData.UpdateOutboundProvisioningFlowSets',
  deleteFlowSet: 'external.industryData.DeleteOutboundProvisioningFlowSets',
  listFlows: 'external.industryData.outboundProvisioningFlowSets.ListProvisioningFlows',
  createFlow: 'external.industryData.outboundProvisioningFlowSets.CreateProvisioningFlows',
  getFlow: 'external.industryData.outboundProvisioningFlowSets.GetProvisioningFlows',
  updateFlow: 'external.industryData.outboundProvisioningFlowSets.UpdateProvisioningFlows',
  deleteFlow: 'external.industryData.outboundProvisioningFlowSets.DeleteProvisioningFlows',
  resetFlow: 'external.industryData.outboundProvisioningFlowSets.provisioningFlows.reset',
};

export interface OperationInfo {
  readonly id: string;
  readonly alias: string | undefined;
  readonly method: string;
  readonly path: string;
  readonly kind: 'create' | 'update' | 'other';
  /** The OData type the body is declared as (the common base when it is one of several subtypes). */
  readonly requestType: string | undefined;
  /** The concrete types a body may be; more than one: `@odata.type` must say which. */
  readonly bodyTypes: readonly string[];
  /** Per body type, the properties its request-body table accepts (absent: every writable property). */
  readonly accepted: Readonly<Record<string, Readonly<Record<string, { readonly required: boolean }>>>>;
  /** The API pages the operation is documented on. */
  readonly docs: readonly string[];
  readonly successStatus: number;
}

export interface TypeShape {
  readonly objects: readonly { readonly key: string; readonly type: string; readonly collection: boolean }[];
  readonly enums: readonly { readonly key: string; readonly members: readonly string[] }[];
}

export interface Catalogue {
  readonly operations: ReadonlyMap<string, OperationInfo>;
  readonly spec: OpenApiDocument;
  /** Every property of a type, inherited ones included: name → schema. */
  properties(typeName: string): ReadonlyMap<string, SchemaObject>;
  /** Per type, precomputed: properties holding objects (to walk into) and properties holding enum values. */
  shape(typeName: string): TypeShape;
  /** The concrete types a value of `typeName` can be (itself unless abstract, and its derived types). */
  concreteTypes(typeName: string): string[];
  /** The type an `@odata.type` value names (`#` optional), if the spec has it. */
  typeNamed(odataType: string): string | undefined;
  /** Resolves an operation id or alias. */
  find(nameOrAlias: string): OperationInfo | undefined;
  /**
   * The operation a request is for: the path (after the API version segment, if any) matched against the
   * spec's templates, segment by segment, case-insensitively as Graph does. Path parameters are decoded.
   */
  match(
    method: string,
    pathname: string,
  ): { operation: OperationInfo; parameters: Record<string, string> } | undefined;
}

/** `/beta/external/…` and `/v1.0/external/…` name the same resource as `/external/…`. */
export const stripVersion = (pathname: string): string => pathname.replace(/^\/(beta|v1\.0)(?=\/|$)/i, '');

const bodySchemaOf = (op: OperationObject): SchemaObject | undefined =>
  op.requestBody?.content['application/json']?.schema;

export function buildCatalogue(spec: OpenApiDocument): Catalogue {
  const schemas = spec.components.schemas;
  const bodyOf = (name: string): SchemaObject | undefined => {
    const s = schemas[name];
    return s?.allOf ? s.allOf.find((x) => !x.$ref) : s;
  };
  const propertyCache = new Map<string, Map<string, SchemaObject>>();
  const properties = (typeName: string): Map<string, SchemaObject> => {
    const cached = propertyCache.get(typeName);
    if (cached) return cached;
    const result = new Map<string, SchemaObject>();
    const base = schemas[typeName]?.allOf?.[0]?.$ref;
    if (base) for (const [k, v] of properties(schemaNameOfRef(base))) result.set(k, v);
    for (const [k, v] of Object.entries(bodyOf(typeName)?.properties ?? {})) result.set(k, v);
    propertyCache.set(typeName, result);
    return result;
  };
  const shapes = new Map<string, TypeShape>();
  const shape = (typeName: string): TypeShape => {
    let found = shapes.get(typeName);
    if (found) return found;
    const objects: { key: string; type: string; collection: boolean }[] = [];
    const enums: { key: string; members: string[] }[] = [];
    for (const [key, schema] of properties(typeName)) {
      const item = schema.type === 'array' ? schema.items : schema;
      const ref = item?.$ref ?? item?.anyOf?.find((x) => x.$ref)?.$ref;
      if (!ref) continue;
      const target = schemaNameOfRef(ref);
      const members = schemas[target]?.enum;
      if (members) enums.push({ key, members: members.map(String) });
      else objects.push({ key, type: target, collection: schema.type === 'array' });
    }
    found = { objects, enums };
    shapes.set(typeName, found);
    return found;
  };
  const concreteTypes = (typeName: string): string[] => {
    const derived = Object.values(bodyOf(typeName)?.discriminator?.mapping ?? {}).map(schemaNameOfRef);
    const self = schemas[typeName]?.['x-ms-abstract'] === true ? [] : [typeName];
    return [...self, ...derived.filter((d) => schemas[d]?.['x-ms-abstract'] !== true)].sort();
  };

  const operations = new Map<string, OperationInfo>();
  const aliasOf = new Map(Object.entries(operationAliases).map(([alias, id]) => [id, alias]));
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of httpMethods) {
      const op = item[method];
      if (!op) continue;
      const body = bodySchemaOf(op);
      const refs = body?.$ref
        ? [schemaNameOfRef(body.$ref)]
        : (body?.oneOf ?? []).flatMap((s) => (s.$ref ? [schemaNameOfRef(s.$ref)] : []));
      const bodyTypes = [...new Set(refs.flatMap(concreteTypes))].sort();
      const success = successStatus(op);
      operations.set(op.operationId, {
        id: op.operationId,
        alias: aliasOf.get(op.operationId),
        method,
        path,
        kind:
          method === 'post' && success === '201'
            ? 'create'
            : method === 'patch' || method === 'put'
              ? 'update'
              : 'other',
        requestType: refs.length === 1 ? refs[0] : refs.length > 1 ? commonBase(refs, schemas) : undefined,
        bodyTypes,
        accepted: (op['x-docs-accepted-properties'] as OperationInfo['accepted'] | undefined) ?? {},
        docs: ((op['x-docs-pages'] as string[] | undefined) ?? []).map(
          (p) => `api-reference/beta/api/${p}.md`,
        ),
        // A stand-in must answer some status: 200 where the docs give only the range 2XX.
        successStatus: success === undefined || isStatusRange(success) ? 200 : Number(success),
      });
    }
  }
  const find = (nameOrAlias: string): OperationInfo | undefined => {
    const id = operationAliases[nameOrAlias] ?? nameOrAlias;
    return (
      operations.get(id) ?? [...operations.values()].find((o) => o.id.toLowerCase() === id.toLowerCase())
    );
  };
  const templates = [...operations.values()].map((operation) => ({
    operation,
    segments: operation.path.split('/').filter(Boolean),
  }));
  const match = (method: string, pathname: string) => {
    const segments = stripVersion(pathname).split('/').filter(Boolean);
    for (const { operation, segments: template } of templates) {
      if (operation.method !== method.toLowerCase() || template.length !== segments.length) continue;
      const parameters: Record<string, string> = {};
      const matches = template.every((t, i) => {
        const actual = segments[i] ?? '';
        const param = /^\{(.+)\}$/.exec(t)?.[1];
        if (param) {
          try {
            parameters[param] = decodeURIComponent(actual);
          } catch {
            parameters[param] = actual;
          }
          return actual.length > 0;
        }
        return t.toLowerCase() === actual.toLowerCase();
      });
      if (matches) return { operation, parameters };
    }
    return undefined;
  };
  // Every spelling of every type, once: rules ask this for every object of every body.
  const spellings = new Map<string, string>();
  for (const name of Object.keys(schemas)) spellings.set(name, name).set(`#${name}`, name);
  const typeNamed = (odataType: string) => spellings.get(odataType);
  return { operations, spec, properties, shape, concreteTypes, typeNamed, find, match };
}

function commonBase(
  names: readonly string[],
  schemas: OpenApiDocument['components']['schemas'],
): string | undefined {
  const chain = (n: string): string[] => {
    const base = schemas[n]?.allOf?.[0]?.$ref;
    return [n, ...(base ? chain(schemaNameOfRef(base)) : [])];
  };
  const [first, ...rest] = names;
  return first ? chain(first).find((c) => rest.every((r) => chain(r).includes(c))) : undefined;
}
