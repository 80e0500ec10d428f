import { compareCodePoints, httpMethods, type OpenApiDocument } from '@sds-toolkit/openapi-model';
import type { ModelIR, PropertyIR, TreeNode } from './types.js';

/**
 * Per type, the properties some request-body table of the docs accepts (`x-docs-accepted-properties` of the
 * create and update operations: a page's "Request body" table lists what the service takes).
 */
function acceptedTables(spec: OpenApiDocument): Map<string, Set<string>> {
  const tables = new Map<string, Set<string>>();
  for (const item of Object.values(spec.paths)) {
    for (const method of httpMethods) {
      const table = item?.[method]?.['x-docs-accepted-properties'] as
        | Record<string, Record<string, unknown>>
        | undefined;
      for (const [type, properties] of Object.entries(table ?? {})) {
        const set = tables.get(type) ?? new Set<string>();
        for (const name of Object.keys(properties)) set.add(name);
        tables.set(type, set);
      }
    }
  }
  return tables;
}

/**
 * Whether a property declared on `model` goes into request bodies. Read-only properties never do. Where the
 * docs give request-body tables for the type or a type derived from it, a property none of them lists is set
 * by the service (ids, timestamps, `readinessStatus`): the tables are the writable surface. Without any table,
 * everything but navigation properties is sent.
 */
function isSent(property: PropertyIR, family: readonly string[], tables: Map<string, Set<string>>): boolean {
  if (property.readOnly) return false;
  const listing = family.map((type) => tables.get(type)).filter((t): t is Set<string> => !!t);
  if (listing.length > 0) return listing.some((table) => table.has(property.wireName));
  return !property.navigation;
}

/** Every model type a property, a request body or a response body names directly. */
function declaredTypes(models: readonly ModelIR[], root: TreeNode): Set<string> {
  const declared = new Set<string>();
  for (const model of models)
    for (const p of model.properties) if (p.type.kind === 'model') declared.add(p.type.target);
  const visit = (node: TreeNode): void => {
    for (const op of node.operations) {
      if (op.requestModel) declared.add(op.requestModel);
      if (op.responseModel) declared.add(op.responseModel);
    }
    for (const child of node.children) visit(child);
  };
  visit(root);
  return declared;
}

/**
 * The last pass over the models, once the resource tree is built: which properties request bodies carry, the
 * concrete types a value of each model can be, and whether it must name its type in `@odata.type`.
 */
export function finishModels(models: readonly ModelIR[], spec: OpenApiDocument, root: TreeNode): ModelIR[] {
  const byName = new Map(models.map((m) => [m.fullName, m]));
  const tables = acceptedTables(spec);
  const declared = declaredTypes(models, root);
  return models.map((model) => {
    const family = [model.fullName, ...model.derived];
    const concreteOnes = family
      .filter((name) => byName.get(name)?.abstract === false)
      .sort(compareCodePoints);
    return {
      ...model,
      properties: model.properties.map((p) => ({ ...p, sent: isSent(p, family, tables) })),
      concrete: concreteOnes.length > 0 ? concreteOnes : [model.fullName],
      odataTypeRequired:
        model.discriminated &&
        !model.abstract &&
        model.base !== undefined &&
        model.derived.length === 0 &&
        !declared.has(model.fullName),
    };
  });
}
