import {
  compareCodePoints,
  httpMethods,
  isStatusRange,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type SchemaObject,
  successStatus,
} from '@sds-toolkit/openapi-model';
import { propertyName, singular, upperFirst } from '../naming.js';
import { GeneratorInputError, namespaceOf, readProperties, referenced } from './build-models.js';
import { retrySafe } from './retry-safety.js';
import type { ModelIR, OperationIR, QueryParameterIR, TreeNode } from './types.js';

interface MutableNode {
  segment: string;
  isItem: boolean;
  folder: string;
  builderName: string;
  path: string;
  operations: OperationIR[];
  children: Map<string, MutableNode>;
}

/** The nearest type that every one of `names` is or derives from (a oneOf of subtypes → their base). */
function commonBase(names: readonly string[], models: ReadonlyMap<string, ModelIR>): string | undefined {
  const chain = (name: string): string[] => {
    const result: string[] = [];
    for (
      let current: string | undefined = name;
      current && !result.includes(current);
      current = models.get(current)?.base
    ) {
      result.push(current);
    }
    return result;
  };
  const [first, ...rest] = names;
  if (!first) return undefined;
  return chain(first).find((candidate) => rest.every((other) => chain(other).includes(candidate)));
}

function bodyModel(
  schema: SchemaObject | undefined,
  models: Map<string, ModelIR>,
  spec: OpenApiDocument,
  where: string,
): string | undefined {
  if (!schema) return undefined;
  const direct = referenced(schema);
  if (direct && !schema.oneOf && !schema.anyOf) return direct;
  const variants = (schema.oneOf ?? schema.anyOf ?? [])
    .map((s) => referenced(s))
    .filter((s): s is string => !!s);
  if (variants.length > 0) {
    const base = commonBase(variants, models);
    if (!base)
      throw new GeneratorInputError(
        `${where}: the body is one of ${variants.join(', ')}, which share no base type`,
      );
    return base;
  }
  const items = schema.properties?.value;
  if (schema.type === 'object' && items?.type === 'array' && items.items) {
    const item = bodyModel(items.items, models, spec, where);
    if (!item) throw new GeneratorInputError(`${where}: a collection of what?`);
    const fullName = `${item}CollectionResponse`;
    if (!models.has(fullName)) {
      const itemModel = models.get(item);
      models.set(fullName, {
        fullName,
        name: `${itemModel?.name ?? upperFirst(item.split('.').pop() ?? item)}CollectionResponse`,
        namespace: namespaceOf(item),
        base: undefined,
        derived: [],
        abstract: false,
        properties: readProperties(
          {
            ...schema,
            properties: {
              ...schema.properties,
              value: { type: 'array', items: { $ref: `#/components/schemas/${item}` } },
            },
          },
          spec,
          fullName,
        ),
        description: `A page of ${item.split('.').pop()} objects, with the link to the next page.`,
        discriminated: false,
        concrete: [fullName],
        odataTypeRequired: false,
      });
    }
    return fullName;
  }
  throw new GeneratorInputError(`${where}: inline bodies other than collections are not supported`);
}

function queryParameters(op: OperationObject, spec: OpenApiDocument): QueryParameterIR[] {
  return (op.parameters ?? [])
    .map((p) => {
      const ref = (p as unknown as { $ref?: string }).$ref;
      const resolved: ParameterObject | undefined = ref
        ? spec.components.parameters?.[ref.split('/').pop() ?? '']
        : p;
      if (!resolved) throw new GeneratorInputError(`${op.operationId}: parameter ${ref} is not defined`);
      return resolved;
    })
    .filter((p) => p.in === 'query')
    .map((p) => ({
      wireName: p.name,
      name: propertyName(p.name.replace(/^\$/, '')),
      type:
        p.schema?.type === 'array'
          ? ('string[]' as const)
          : p.schema?.type === 'integer' || p.schema?.type === 'number'
            ? ('number' as const)
            : p.schema?.type === 'boolean'
              ? ('boolean' as const)
              : ('string' as const),
      description: p.description,
    }))
    .sort((a, b) => compareCodePoints(a.name, b.name));
}

/**
 * The builder member for a URL segment, named as Kiota names it: a plain segment as written; a type-cast
 * segment (`microsoft.graph.industryData.azureDataLakeConnector`) `graph` + the type's name
 * (`graphAzureDataLakeConnector`); a namespace-qualified action or function its own name.
 */
function memberName(segment: string, models: ReadonlyMap<string, ModelIR>): string {
  if (!segment.includes('.')) return propertyName(segment);
  const last = segment.slice(segment.lastIndexOf('.') + 1);
  const isCast = [...models.values()].some((m) => m.fullName === segment);
  return isCast ? `graph${upperFirst(last)}` : propertyName(last);
}

/** paths → a resource tree, adding collection-response models to `models` as it meets them. */
export function buildTree(spec: OpenApiDocument, models: Map<string, ModelIR>): TreeNode {
  const root: MutableNode = {
    segment: '',
    isItem: false,
    folder: '',
    builderName: 'IndustryDataApiClient',
    path: '',
    operations: [],
    children: new Map(),
  };
  for (const path of Object.keys(spec.paths).sort(compareCodePoints)) {
    const item = spec.paths[path];
    if (!item) continue;
    let node = root;
    let previous = '';
    for (const segment of path.split('/').filter(Boolean)) {
      const param = /^\{(.+)\}$/.exec(segment)?.[1];
      const key = param ? '{item}' : segment;
      const member = param ? undefined : memberName(segment, models);
      let child = node.children.get(key);
      if (!child) {
        child = {
          segment: param ?? (member as string),
          isItem: !!param,
          folder: [node.folder, param ? 'item' : member].filter(Boolean).join('/'),
          builderName: param
            ? `${upperFirst(singular(previous))}ItemRequestBuilder`
            : `${upperFirst(member as string)}RequestBuilder`,
          path: `${node.path}/${segment}`,
          operations: [],
          children: new Map(),
        };
        node.children.set(key, child);
      } else if (param && child.segment !== param) {
        throw new GeneratorInputError(
          `${path}: parameter {${param}} is named {${child.segment}} on another path`,
        );
      }
      node = child;
      previous = param ? previous : segment;
    }
    for (const method of httpMethods) {
      const op: OperationObject | undefined = item[method];
      if (!op) continue;
      // A page that states no success status gives the range 2XX: any 2xx is success.
      const success = successStatus(op);
      if (!success) throw new GeneratorInputError(`${method.toUpperCase()} ${path}: no success response`);
      const where = `${method.toUpperCase()} ${path}`;
      node.operations.push({
        method,
        operationId: op.operationId,
        summary: op.summary,
        description: op.description,
        requestModel: bodyModel(
          op.requestBody?.content['application/json']?.schema,
          models,
          spec,
          `${where} request`,
        ),
        responseModel: bodyModel(
          op.responses[success]?.content?.['application/json']?.schema,
          models,
          spec,
          `${where} response`,
        ),
        successStatus: isStatusRange(success) ? undefined : Number(success),
        queryParameters: queryParameters(op, spec),
        retrySafe: retrySafe(method, op, where),
      });
    }
  }
  const freeze = (n: MutableNode): TreeNode => ({
    segment: n.segment,
    isItem: n.isItem,
    folder: n.folder,
    builderName: n.builderName,
    path: n.path,
    operations: n.operations,
    children: [...n.children.values()].sort((a, b) => compareCodePoints(a.segment, b.segment)).map(freeze),
  });
  return freeze(root);
}
