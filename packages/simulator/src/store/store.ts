import type { Json } from '../json.js';

/**
 * One change to the state, the unit a store applies and a journal records. Entities live in collections named
 * by their path: `sourceSystems`, and for contained ones `outboundProvisioningFlowSets/<id>/provisioningFlows`
 * (see `childCollection`). Deleting an entity deletes every collection it contains.
 */
export type Change =
  | { readonly op: 'put'; readonly collection: string; readonly entity: Json }
  | { readonly op: 'delete'; readonly collection: string; readonly id: string };

/**
 * What the simulator's core needs of its state. The in-memory store and the journal implement it today; a
 * database can stand behind the same interface. Entities handed out are read-only: the core writes only through
 * `apply`. Every method may wait (a database is asynchronous).
 */
export interface Store {
  /** The entities of a collection, oldest first (empty for a collection never written). */
  list(collection: string): Promise<readonly Json[]>;
  get(collection: string, id: string): Promise<Json | undefined>;
  /** Applies the changes together; a durable store returns once they are on disk. */
  apply(changes: readonly Change[]): Promise<void>;
  /** The collections holding at least one entity (scans at start: timers to re-arm). */
  collections(): Promise<readonly string[]>;
  /** Empties the state. */
  clear(): Promise<void>;
  close(): Promise<void>;
}

/** The collection an entity contains under `name`: `outboundProvisioningFlowSets/<id>/provisioningFlows`. */
export const childCollection = (collection: string, id: string, name: string): string =>
  collection === '' ? name : `${collection}/${encodeURIComponent(id)}/${name}`;

/** The entity of `collection` with this id is gone, and with it everything it contains. */
export const containedBy = (collection: string, id: string): string =>
  `${collection}/${encodeURIComponent(id)}/`;
