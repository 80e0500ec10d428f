import type {
  HttpMethod,
  OpenApiDocument,
  OperationObject,
  ResponseObject,
  SchemaObject,
} from './openapi.js';
import { httpMethods } from './openapi.js';
import { compareCodePoints } from './text.js';

/**
 * Helpers every stage that reads a spec needs: which operations it has, which status means success, which
 * properties a type has once its base types are counted, which types a schema refers to. One copy here, so that
 * the diff, the generator, the rules and the contract catalogue read the spec the same way.
 */

/** One operation of a spec, with where it is. */
export interface OperationEntry {
  readonly method: HttpMethod;
  readonly path: string;
  readonly operation: OperationObject;
  /** `GET /external/industryData/runs`: how people name an operation. */
  readonly label: string;
}

/** Every operation of a spec, ordered by label (method, then path) by code point. */
export function walkOperations(spec: OpenApiDocument): OperationEntry[] {
  const entries: OperationEntry[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of httpMethods) {
      const operation = item[method];
      if (operation) entries.push({ method, path, operation, label: `${method.toUpperCase()} ${path}` });
    }
  }
  return entries.sort((a, b) => compareCodePoints(a.label, b.label));
}

const exactSuccess = /^2\d\d$/;

/**
 * The success status of an operation: the lowest `2xx` code its responses list, else `2XX` when the spec gives
 * only the range (a page that states no status: any 2xx is success), else undefined.
 */
export function successStatus(operation: OperationObject): string | undefined {
  const codes = Object.keys(operation.responses ?? {});
  const exact = codes.filter((c) => exactSuccess.test(c)).sort(compareCodePoints)[0];
  if (exact) return exact;
  return codes.find((c) => c.toUpperCase() === '2XX');
}

/** Whether a status is only the range `2XX` (the docs did not say which 2xx). */
export const isStatusRange = (status: string | undefined): boolean => status?.toUpperCase() === '2XX';

/** The response object of the success status, if any. */
export function successResponse(operation: OperationObject): ResponseObject | undefined {
  const status = successStatus(operation);
  return status === undefined ? undefined : operation.responses[status];
}

/** `#/components/schemas/X` → `X`; undefined for no reference or a reference elsewhere. */
export function refName(ref: string | undefined): string | undefined {
  const prefix = '#/components/schemas/';
  return ref?.startsWith(prefix) ? ref.slice(prefix.length) : undefined;
}

/** The part of a type schema that holds its own properties: the non-reference member of `allOf`, or itself. */
export function schemaBody(schema: SchemaObject | undefined): SchemaObject | undefined {
  if (!schema?.allOf) return schema;
  return schema.allOf.find((s) => !s.$ref);
}

/** The name of a type's base type (`allOf: [{ $ref: base }, …]`), if it has one. */
export function baseTypeName(schema: SchemaObject | undefined): string | undefined {
  return refName(schema?.allOf?.find((s) => s.$ref)?.$ref);
}

/** A type's base types, nearest first (a cycle ends the chain). */
export function baseTypeChain(spec: OpenApiDocument, name: string): string[] {
  const chain: string[] = [];
  let current = baseTypeName(spec.components.schemas[name]);
  while (current && !chain.includes(current) && current !== name) {
    chain.push(current);
    current = baseTypeName(spec.components.schemas[current]);
  }
  return chain;
}

/**
 * Every property of a type, its base types' included: the root base's first, the type's own last (an own
 * property overrides an inherited one of the same name).
 */
export function inheritedProperties(spec: OpenApiDocument, name: string): Record<string, SchemaObject> {
  const lineage = [...baseTypeChain(spec, name).reverse(), name];
  const all: Record<string, SchemaObject> = {};
  for (const type of lineage) Object.assign(all, schemaBody(spec.components.schemas[type])?.properties ?? {});
  return all;
}

/** The names of the types a schema refers to, anywhere inside it (not following them), sorted and unique. */
export function referencedTypes(schema: SchemaObject | undefined): string[] {
  const found = new Set<string>();
  const visit = (s: SchemaObject | undefined): void => {
    if (!s || typeof s !== 'object') return;
    const name = refName(s.$ref);
    if (name) found.add(name);
    visit(s.items);
    for (const list of [s.allOf, s.oneOf, s.anyOf]) for (const member of list ?? []) visit(member);
    for (const property of Object.values(s.properties ?? {})) visit(property);
    if (typeof s.additionalProperties === 'object') visit(s.additionalProperties);
  };
  visit(schema);
  return [...found].sort(compareCodePoints);
}

/**
 * The types a body schema stands for: its reference, or the references of its `oneOf` (a body that accepts any
 * of several subtypes), sorted. A collection body (`{ value: [X] }`) gives X.
 */
export function bodyTypes(schema: SchemaObject | undefined): string[] {
  if (!schema) return [];
  const direct = refName(schema.$ref);
  if (direct) return [direct];
  if (schema.oneOf) return referencedTypes({ oneOf: schema.oneOf.filter((s) => s.$ref) });
  const items = schema.properties?.value?.items;
  if (schema.properties?.value?.type === 'array' && items) return bodyTypes(items);
  return [];
}
