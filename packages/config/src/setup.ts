import type { Kind } from './kinds.js';

/** A value as the set-up file writes it (plain JSON: the YAML's data). */
export type ConfigValue = null | boolean | number | string | ConfigValue[] | { [key: string]: ConfigValue };
export type ConfigObject = { [key: string]: ConfigValue };

/** A secret as the file writes it: the environment variable that holds it. */
export interface SecretRef {
  readonly env: string;
}

export const isObject = (value: unknown): value is ConfigObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isSecretRef = (value: unknown): value is SecretRef =>
  isObject(value) && typeof value.env === 'string' && Object.keys(value).length === 1;

/** One object of a set-up (a source system, a connector, …, a flow of a flow set). */
export interface SetUpObject {
  readonly kind: Kind;
  /** What it is matched by: its display name, or for a flow its type (short name). */
  readonly name: string;
  /** The display name of the flow set a flow is in. */
  readonly parent?: string;
  /** Its concrete type, full name (`microsoft.graph.industryData.oneRosterApiDataConnector`). */
  readonly type: string;
  /** Its properties as the file writes them, without `type` (and a flow set without its flows). */
  readonly value: ConfigObject;
}

/** An object of the file, with where it is. */
export interface DesiredObject extends SetUpObject {
  /** JSON Pointer of the object in the file. */
  readonly pointer: string;
}

/** An object of the tenant, with its id. */
export interface CurrentObject extends SetUpObject {
  readonly id: string;
  /** The id of the flow set a flow is in. */
  readonly parentId?: string;
}

/** `data connector 'oneroster-main'`, `userProvisioningFlow of flow set 'Both schools'`. */
export function describe(object: Pick<SetUpObject, 'kind' | 'name' | 'parent'>): string {
  return object.parent !== undefined
    ? `${object.name} of flow set '${object.parent}'`
    : `${object.kind.label} '${object.name}'`;
}

/** Where an object is, for sorting and matching: kind, parent, name. */
export const keyOf = (object: Pick<SetUpObject, 'kind' | 'name' | 'parent'>): string =>
  `${object.kind.name}\u0000${object.parent ?? ''}\u0000${object.name}`;
