import type { SchemaObject } from '@sds-toolkit/openapi-model';
import { schemaNameOfRef } from '@sds-toolkit/openapi-model';
import type { Catalogue, OperationInfo } from '@sds-toolkit/rules';
import { type Kind, type KindName, kinds, shortName } from './kinds.js';

/** What a property holds, as the file writes it. */
export type Shape =
  | { readonly kind: 'value'; readonly schema: SchemaObject }
  | { readonly kind: 'enum'; readonly type: string; readonly members: readonly string[] }
  | { readonly kind: 'object'; readonly declared: string; readonly types: readonly string[] }
  | { readonly kind: 'array'; readonly item: Shape }
  /** A navigation property of a top-level object: the name of another object of the file. */
  | { readonly kind: 'reference'; readonly to: KindName }
  /** A navigation property to one of the service's role groups: its id or display name. */
  | { readonly kind: 'roleGroup' }
  /** Written only, never read back: the file names the environment variable that holds it. */
  | { readonly kind: 'secret' };

export interface Property {
  readonly name: string;
  readonly shape: Shape;
  readonly description: string | undefined;
  /** Required by the create operation's request-body table. */
  readonly required: boolean;
  readonly deprecated: boolean;
}

/**
 * Secrets: a connector credential's client secret and a user flow's default password. Graph never answers
 * them (or answers them masked), so a file holds the name of an environment variable instead.
 */
export const secretProperties: readonly string[] = ['clientSecret', 'password'];

/** Properties the service sets or reports (never part of a set-up), besides read-only and server-set ones. */
const reported: Readonly<Record<string, readonly string[]>> = {
  // Whether the credential worked at the connector's last validation, and when: the service's verdict.
  'microsoft.graph.industryData.credential': ['isValid', 'lastValidDateTime'],
};

/** Set by the service on every entity: never written in a set-up. */
const serverSet = ['id', 'createdDateTime', 'lastModifiedDateTime', 'readinessStatus'];

export interface ConfigModel {
  readonly catalogue: Catalogue;
  /** The concrete types an object of `type` may be, by full name. */
  concreteTypes(type: string): readonly string[];
  /** Whether a value declared as `type` must say which type it is (`type:` in the file, `@odata.type` on the wire). */
  needsType(type: string): boolean;
  /** The properties a file may write for an object of concrete `type` (at the top of `kind`, or nested). */
  properties(type: string, kind?: Kind): ReadonlyMap<string, Property>;
  /** The properties an update of `kind` accepts for `type` (undefined: the update takes every writable one). */
  updatable(kind: Kind, type: string): ReadonlySet<string> | undefined;
  /** The properties an update of `kind` must carry for `type`. */
  requiredOnUpdate(kind: Kind, type: string): readonly string[];
  createOperation(kind: Kind): OperationInfo;
  updateOperation(kind: Kind): OperationInfo;
}

export function buildConfigModel(catalogue: Catalogue): ConfigModel {
  const schemas = catalogue.spec.components.schemas;
  const inherits = (type: string, base: string): boolean => {
    if (type === base) return true;
    const parent = schemas[type]?.allOf?.[0]?.$ref;
    return parent ? inherits(schemaNameOfRef(parent), base) : false;
  };
  const isReported = (type: string, name: string) =>
    Object.entries(reported).some(([base, names]) => names.includes(name) && inherits(type, base));

  const shapeOf = (schema: SchemaObject): Shape | undefined => {
    if (schema.type === 'array') {
      const item = schema.items ? shapeOf(schema.items) : undefined;
      return item ? { kind: 'array', item } : undefined;
    }
    const ref = schema.$ref ?? schema.anyOf?.find((s) => s.$ref)?.$ref;
    if (!ref) return { kind: 'value', schema };
    const target = schemaNameOfRef(ref);
    const members = schemas[target]?.enum;
    if (members) return { kind: 'enum', type: target, members: members.map(String) };
    return { kind: 'object', declared: target, types: catalogue.concreteTypes(target) };
  };

  const operation = (id: string): OperationInfo => {
    const found = catalogue.find(id);
    if (!found) throw new Error(`the spec has no operation ${id}`);
    return found;
  };

  const cache = new Map<string, Map<string, Property>>();
  const properties = (type: string, kind?: Kind): Map<string, Property> => {
    const key = `${kind?.name ?? ''}\u0000${type}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const table = kind ? operation(kind.createOperation).accepted[type] : undefined;
    const references = new Map((kind?.references ?? []).map((r) => [r.property, r.to]));
    const result = new Map<string, Property>();
    for (const [name, schema] of catalogue.properties(type)) {
      if (name.startsWith('@') || serverSet.includes(name) || schema.readOnly) continue;
      if (isReported(type, name)) continue;
      const to = references.get(name);
      let shape: Shape | undefined;
      if (to) shape = { kind: 'reference', to };
      else if (schema['x-ms-navigationProperty'] === true) {
        // The nested role group binds (user matching, user creation) name one of the service's role groups;
        // other navigation properties (a reference value's definition, a flow set's flows) are read only.
        if (name !== 'roleGroup') continue;
        shape = { kind: 'roleGroup' };
      } else if (secretProperties.includes(name)) shape = { kind: 'secret' };
      else shape = shapeOf(schema);
      if (!shape) continue;
      // Where the create operation's page has a request-body table, it says what a create takes; the
      // references are bound besides (a connector's source system, which the table leaves out).
      if (table && !(name in table) && !to) continue;
      result.set(name, {
        name,
        shape,
        description: typeof schema.description === 'string' ? schema.description : undefined,
        required: table?.[name]?.required === true,
        deprecated: schema.deprecated === true,
      });
    }
    cache.set(key, result);
    return result;
  };

  const concreteTypes = (type: string) => catalogue.concreteTypes(type);
  return {
    catalogue,
    concreteTypes,
    needsType(type) {
      return schemas[type]?.['x-ms-abstract'] === true || concreteTypes(type).length > 1;
    },
    properties,
    updatable(kind, type) {
      const table = operation(kind.updateOperation).accepted[type];
      return table ? new Set(Object.keys(table)) : undefined;
    },
    requiredOnUpdate(kind, type) {
      const table = operation(kind.updateOperation).accepted[type] ?? {};
      return Object.keys(table).filter((name) => table[name]?.required);
    },
    createOperation: (kind) => operation(kind.createOperation),
    updateOperation: (kind) => operation(kind.updateOperation),
  };
}

/** Every kind's concrete types, by short name (what `type:` takes at the top of a kind). */
export function typeChoices(model: ConfigModel, kind: Kind): string[] {
  return model.concreteTypes(kind.type).map(shortName);
}

export { kinds };
