import { fullName, type Kind, type KindName, shortName } from './kinds.js';
import type { ConfigModel, Shape } from './model.js';
import { type ConfigObject, type ConfigValue, isObject, isSecretRef, type SecretRef } from './setup.js';

/** JSON as Graph sends and takes it. */
export type Wire = { [key: string]: unknown };

const bindSuffix = '@odata.bind';

/** What a file's names and secrets become in a request body. */
export interface ToWireContext {
  /** The URL of the object of `kind` named `name` (its `@odata.bind`). */
  bind(kind: KindName, name: string): string;
  /** The URL of the role group a file names by id or display name. */
  roleGroup(nameOrId: string): string;
  /** The value of a secret (the environment variable it names). */
  secret(ref: SecretRef): string;
}

/** What a tenant's ids and (unanswered) secrets become in a file. */
export interface FromWireContext {
  /** The name of the object of `kind` with this id (undefined: not one the tenant has). */
  nameOf(kind: KindName, id: string): string | undefined;
  /** How a file names the role group with this id. */
  roleGroupName(id: string): string;
  /** The environment variable a file names for the secret at `path` of the object (`credential/clientSecret`). */
  secretName(path: readonly string[]): string;
}

/** The concrete type of a value declared as `declared`: the one it names, else the declared type's only one. */
export function concreteTypeOf(model: ConfigModel, declared: string, named: unknown): string | undefined {
  if (typeof named === 'string' && named !== '') {
    const type = model.catalogue.typeNamed(
      named.startsWith('#') || named.includes('.') ? named : fullName(named),
    );
    return type && model.concreteTypes(declared).includes(type) ? type : undefined;
  }
  const types = model.concreteTypes(declared);
  return types.length === 1 ? types[0] : undefined;
}

/**
 * An object of the file as a request body: `type:` as `@odata.type`, names as `@odata.bind` URLs, secrets
 * read from the environment. Properties not given are not sent.
 */
export function toWire(
  model: ConfigModel,
  type: string,
  value: ConfigObject,
  kind: Kind | undefined,
  context: ToWireContext,
  withType: boolean,
): Wire {
  const out: Wire = {};
  if (withType) out['@odata.type'] = `#${type}`;
  const properties = model.properties(type, kind);
  for (const [key, v] of Object.entries(value)) {
    if (key === 'type') continue;
    const shape = properties.get(key)?.shape;
    if (!shape) continue;
    if (shape.kind === 'reference') {
      if (typeof v === 'string') out[`${key}${bindSuffix}`] = context.bind(shape.to, v);
      else if (v === null) out[`${key}${bindSuffix}`] = null;
      continue;
    }
    if (shape.kind === 'roleGroup') {
      if (typeof v === 'string') out[`${key}${bindSuffix}`] = context.roleGroup(v);
      continue;
    }
    out[key] = valueToWire(model, shape, v, context);
  }
  return out;
}

function valueToWire(model: ConfigModel, shape: Shape, v: ConfigValue, context: ToWireContext): unknown {
  if (v === null) return null;
  switch (shape.kind) {
    case 'secret':
      return isSecretRef(v) ? context.secret(v) : v;
    case 'array':
      return Array.isArray(v) ? v.map((item) => valueToWire(model, shape.item, item, context)) : v;
    case 'object': {
      if (!isObject(v)) return v;
      const type = concreteTypeOf(model, shape.declared, v.type);
      if (!type) return v;
      return toWire(model, type, v, undefined, context, model.needsType(shape.declared) || 'type' in v);
    }
    default:
      return v;
  }
}

/**
 * A tenant's object (as Graph answers it, navigation properties expanded) as the file writes it: `type:` where
 * the declared type has several, names for ids, secrets as environment variables; nulls left out.
 */
export function fromWire(
  model: ConfigModel,
  type: string,
  wire: Wire,
  kind: Kind | undefined,
  context: FromWireContext,
  path: readonly string[] = [],
): ConfigObject {
  const out: ConfigObject = {};
  for (const property of model.properties(type, kind).values()) {
    const v = wire[property.name];
    const shape = property.shape;
    if (shape.kind === 'secret') {
      // Never answered (or answered masked): the file names where it comes from.
      out[property.name] = { env: context.secretName([...path, property.name]) };
      continue;
    }
    if (v === undefined || v === null) continue;
    if (shape.kind === 'reference') {
      const id = isObject(v) && typeof v.id === 'string' ? v.id : undefined;
      const name = id ? context.nameOf(shape.to, id) : undefined;
      if (name !== undefined) out[property.name] = name;
      continue;
    }
    if (shape.kind === 'roleGroup') {
      if (isObject(v) && typeof v.id === 'string') out[property.name] = context.roleGroupName(v.id);
      continue;
    }
    const converted = valueFromWire(model, shape, v, context, [...path, property.name]);
    if (converted !== undefined) out[property.name] = converted;
  }
  return out;
}

function valueFromWire(
  model: ConfigModel,
  shape: Shape,
  v: unknown,
  context: FromWireContext,
  path: readonly string[],
): ConfigValue | undefined {
  if (v === undefined || v === null) return undefined;
  switch (shape.kind) {
    case 'array':
      return Array.isArray(v)
        ? v.flatMap((item, i) => {
            const c = valueFromWire(model, shape.item, item, context, [...path, String(i)]);
            return c === undefined ? [] : [c];
          })
        : undefined;
    case 'object': {
      if (!isObject(v)) return undefined;
      const type = concreteTypeOf(model, shape.declared, v['@odata.type']);
      if (!type) return undefined;
      const inner = fromWire(model, type, v, undefined, context, path);
      return model.needsType(shape.declared) ? { type: shortName(type), ...inner } : inner;
    }
    case 'value':
    case 'enum':
      return v as ConfigValue;
    default:
      return undefined;
  }
}

/**
 * A model of the client as JSON: `odataType` is `@odata.type`, what it kept in `additionalData` goes back in
 * place. (The client's models are JSON with these two differences.)
 */
export function modelToWire(model: unknown): unknown {
  if (Array.isArray(model)) return model.map(modelToWire);
  if (typeof model !== 'object' || model === null) return model;
  const out: Wire = {};
  for (const [key, v] of Object.entries(model)) {
    if (v === undefined) continue;
    if (key === 'odataType') out['@odata.type'] = v;
    else if (key === 'additionalData' && isObject(v)) Object.assign(out, v);
    else if (key !== 'backingStore') out[key] = modelToWire(v);
  }
  return out;
}

/**
 * Wire JSON as the client's model: `@odata.type` is `odataType`; annotations (`x@odata.bind`) go in
 * `additionalData`, which the client writes back as they are.
 */
export function wireToModel(wire: unknown): unknown {
  if (Array.isArray(wire)) return wire.map(wireToModel);
  if (typeof wire !== 'object' || wire === null) return wire;
  const out: Record<string, unknown> = {};
  const additional: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(wire)) {
    if (key === '@odata.type') out.odataType = v;
    else if (key.includes('@')) additional[key] = v;
    else out[key] = wireToModel(v);
  }
  if (Object.keys(additional).length > 0) out.additionalData = additional;
  return out;
}
