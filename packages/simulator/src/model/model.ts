import {
  type HttpMethod,
  httpMethods,
  type OpenApiDocument,
  type OperationObject,
  type SchemaObject,
  schemaNameOfRef,
  successResponse,
} from '@sds-toolkit/openapi-model';
import type { Catalogue, OperationInfo } from '@sds-toolkit/rules';

/**
 * The spec read once into what the core serves: entity sets (with containment), the operations on them, and
 * the types behind them. Everything the simulator answers is driven by this model.
 */

/** A collection of entities addressed by a path: `/external/industryData/sourceSystems`. */
export interface EntitySet {
  /** The path segment, as the spec spells it: `provisioningFlows`. */
  readonly name: string;
  /** The collection's path template: `/external/industryData/outboundProvisioningFlowSets/{…}/provisioningFlows`. */
  readonly template: string;
  /** The schema of its items (the base of every type an item can be). */
  readonly type: string;
  /** The path parameter naming one item: `provisioningFlowId`. */
  readonly keyParam: string;
  /** The set whose items contain this one (`outboundProvisioningFlowSets` for `provisioningFlows`). */
  readonly parent: EntitySet | undefined;
}

export type OperationKind =
  | 'root'
  | 'list'
  | 'create'
  | 'get'
  | 'update'
  | 'delete'
  | 'navigation'
  | 'action'
  | 'function';

export type TemplateSegment = { readonly literal: string } | { readonly param: string };

export interface OperationModel {
  readonly id: string;
  readonly method: HttpMethod;
  readonly template: string;
  readonly segments: readonly TemplateSegment[];
  readonly kind: OperationKind;
  /** list/create: the set itself; otherwise the set of the entity the path addresses (bound to). */
  readonly set: EntitySet | undefined;
  /** For a navigation: the navigation property. */
  readonly navigation: string | undefined;
  /** A type-cast segment between the entity and a bound action or function (its schema name). */
  readonly cast: string | undefined;
  /** For an action or a function: its name (the last segment). */
  readonly name: string | undefined;
  /** The system query options the operation documents (`$select`, `$top`, …). */
  readonly queryOptions: ReadonlySet<string>;
  readonly successStatus: number;
  /** What a success answers: a type, one or a collection of. */
  readonly result: { readonly type: string; readonly collection: boolean } | undefined;
  /** The same operation as the rules see it (validation, aliases, docs pages). */
  readonly info: OperationInfo;
}

/** A navigation property of a type: where it leads, one or many, and whether the target is contained. */
export interface Navigation {
  readonly name: string;
  readonly type: string;
  readonly collection: boolean;
}

export interface Model {
  readonly spec: OpenApiDocument;
  readonly catalogue: Catalogue;
  readonly sets: readonly EntitySet[];
  readonly operations: readonly OperationModel[];
  /** The type of the root (`industryDataRoot`), whose navigation properties are the top-level sets. */
  readonly rootType: string;
  /** The root's path: `/external/industryData`. */
  readonly rootTemplate: string;
  operation(id: string): OperationModel | undefined;
  /** The set whose collection template is this one. */
  setAt(template: string): EntitySet | undefined;
  /** Every property of a type or of any type derived from it. */
  knownProperties(type: string): ReadonlyMap<string, SchemaObject>;
  /** The navigation properties of a type (and of its derived types). */
  navigations(type: string): ReadonlyMap<string, Navigation>;
  /** The type a property holds (its `$ref`, through arrays and `anyOf … null`). */
  typeOf(schema: SchemaObject): { type: string; collection: boolean } | undefined;
  /** `type` is `base` or derives from it. */
  isA(type: string, base: string): boolean;
  /** The type a stored entity is: its `@odata.type`, else the set's type. */
  typeOfEntity(entity: Readonly<Record<string, unknown>>, fallback: string): string;
}

const systemOptions: Readonly<Record<string, string>> = {
  count: '$count',
  expand: '$expand',
  filter: '$filter',
  orderby: '$orderby',
  select: '$select',
  skip: '$skip',
  top: '$top',
  search: '$search',
};

export function segmentsOf(template: string): TemplateSegment[] {
  return template
    .split('/')
    .filter(Boolean)
    .map((s) => {
      const param = /^\{(.+)\}$/.exec(s)?.[1];
      return param ? { param } : { literal: s };
    });
}

function refOf(schema: SchemaObject | undefined): string | undefined {
  if (!schema) return undefined;
  return schema.$ref ?? schema.anyOf?.find((s) => s.$ref)?.$ref ?? schema.oneOf?.find((s) => s.$ref)?.$ref;
}

function resultOf(op: OperationObject): OperationModel['result'] {
  const success = successResponse(op);
  const schema = success?.content?.['application/json']?.schema;
  if (!schema) return undefined;
  const items = schema.properties?.value?.items;
  if (schema.properties?.value?.type === 'array' && items) {
    const ref = refOf(items);
    return ref ? { type: schemaNameOfRef(ref), collection: true } : undefined;
  }
  const ref = refOf(schema);
  return ref ? { type: schemaNameOfRef(ref), collection: false } : undefined;
}

export function buildModel(spec: OpenApiDocument, catalogue: Catalogue): Model {
  const schemas = spec.components.schemas;
  const templates = Object.keys(spec.paths);
  const rootTemplate = templates.reduce((a, b) => (a.length <= b.length ? a : b));
  const rootType =
    resultOf(spec.paths[rootTemplate]?.get ?? ({ responses: {} } as OperationObject))?.type ?? '';
  const typeOf = (schema: SchemaObject): { type: string; collection: boolean } | undefined => {
    const collection = schema.type === 'array';
    const ref = refOf(collection ? schema.items : schema);
    return ref ? { type: schemaNameOfRef(ref), collection } : undefined;
  };

  // A set: a path ending in a name, with an item path below it (`…/name/{id}`).
  const sets: EntitySet[] = [];
  const setByTemplate = new Map<string, EntitySet>();
  for (const template of [...templates].sort((a, b) => a.length - b.length)) {
    const last = segmentsOf(template).at(-1);
    if (!last || !('literal' in last) || template === rootTemplate) continue;
    const item = templates.find(
      (t) => t.startsWith(`${template}/{`) && segmentsOf(t).length === segmentsOf(template).length + 1,
    );
    if (!item) continue;
    const keyParam = (segmentsOf(item).at(-1) as { param: string }).param;
    const parentItem = template.slice(0, template.lastIndexOf('/'));
    const parent = [...setByTemplate.values()].find((s) => `${s.template}/{${s.keyParam}}` === parentItem);
    // The type is the one the parent's navigation property holds (the root's for a top-level set): operation
    // pages name a subtype at times (`List azureDataLakeConnectors`); the property names the base.
    const property = catalogue.properties(parent ? parent.type : rootType).get(last.literal);
    const ops = [spec.paths[template]?.get, spec.paths[template]?.post, spec.paths[item]?.get].filter(
      (o): o is OperationObject => o !== undefined,
    );
    const type = (property && typeOf(property)?.type) ?? ops.map(resultOf).find((r) => r)?.type;
    if (!type) continue;
    const set: EntitySet = { name: last.literal, template, type, keyParam, parent };
    sets.push(set);
    setByTemplate.set(template, set);
  }
  const itemTemplate = (s: EntitySet) => `${s.template}/{${s.keyParam}}`;

  const operations: OperationModel[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const method of httpMethods) {
      const op = item[method];
      if (!op) continue;
      const info = catalogue.find(op.operationId);
      if (!info) continue;
      const segments = segmentsOf(template);
      const type = op['x-ms-docs-operation-type'];
      let kind: OperationKind;
      let set: EntitySet | undefined;
      let navigation: string | undefined;
      let cast: string | undefined;
      let name: string | undefined;
      const own = setByTemplate.get(template);
      const bound = sets
        .filter((s) => template === itemTemplate(s) || template.startsWith(`${itemTemplate(s)}/`))
        .sort((a, b) => b.template.length - a.template.length)[0];
      if (template === rootTemplate) kind = 'root';
      else if (own && (method === 'get' || method === 'post')) {
        kind = method === 'get' ? 'list' : 'create';
        set = own;
      } else if (bound && template === itemTemplate(bound)) {
        set = bound;
        kind = method === 'get' ? 'get' : method === 'delete' ? 'delete' : 'update';
      } else if (bound) {
        set = bound;
        const rest = template.slice(itemTemplate(bound).length + 1).split('/');
        if (type === 'action' || type === 'function') {
          kind = type;
          name = rest.at(-1);
          if (rest.length === 2 && rest[0] && schemas[rest[0]]) cast = rest[0];
        } else {
          kind = 'navigation';
          navigation = rest[0];
        }
      } else continue;
      const queryOptions = new Set(
        (op.parameters ?? []).flatMap((p) => {
          const ref = (p as { $ref?: string }).$ref;
          const key = ref ? ref.split('/').pop() : p.in === 'query' ? p.name.replace(/^\$/, '') : undefined;
          const option = key ? systemOptions[key] : undefined;
          return option ? [option] : [];
        }),
      );
      operations.push({
        id: op.operationId,
        method,
        template,
        segments,
        kind,
        set,
        navigation,
        cast,
        name,
        queryOptions,
        successStatus: info.successStatus,
        result: resultOf(op),
        info,
      });
    }
  }

  const byId = new Map(operations.map((o) => [o.id, o]));
  const derivedCache = new Map<string, string[]>();
  const derived = (type: string): string[] => {
    let found = derivedCache.get(type);
    if (!found) {
      found = Object.keys(schemas).filter((name) => isA(name, type));
      derivedCache.set(type, found);
    }
    return found;
  };
  const baseOf = (type: string): string | undefined => {
    const ref = schemas[type]?.allOf?.[0]?.$ref;
    return ref ? schemaNameOfRef(ref) : undefined;
  };
  const isA = (type: string, base: string): boolean => {
    for (let t: string | undefined = type; t; t = baseOf(t)) if (t === base) return true;
    return false;
  };
  const knownCache = new Map<string, Map<string, SchemaObject>>();
  const knownProperties = (type: string): Map<string, SchemaObject> => {
    let found = knownCache.get(type);
    if (!found) {
      found = new Map();
      for (const t of [type, ...derived(type)])
        for (const [k, v] of catalogue.properties(t)) if (!found.has(k)) found.set(k, v);
      knownCache.set(type, found);
    }
    return found;
  };
  const navCache = new Map<string, Map<string, Navigation>>();
  const navigations = (type: string): Map<string, Navigation> => {
    let found = navCache.get(type);
    if (!found) {
      found = new Map();
      for (const [name, schema] of knownProperties(type)) {
        if (schema['x-ms-navigationProperty'] !== true) continue;
        const target = typeOf(schema);
        if (target) found.set(name, { name, ...target });
      }
      navCache.set(type, found);
    }
    return found;
  };
  return {
    spec,
    catalogue,
    sets,
    operations,
    rootType,
    rootTemplate,
    operation: (id) => byId.get(id),
    setAt: (template) => setByTemplate.get(template),
    knownProperties,
    navigations,
    typeOf,
    isA,
    typeOfEntity(entity, fallback) {
      const written = entity['@odata.type'];
      return (typeof written === 'string' && catalogue.typeNamed(written)) || fallback;
    },
  };
}
