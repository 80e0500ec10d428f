import type { Json } from '../json.js';

/**
 * One change to the state, the unit a store applies. Entities live in collections named by their path:
 * `sourceSystems`, and for contained ones `outboundProvisioningFlowSets/<id>/provisioningFlows` (see
 * `childCollection`). Deleting an entity deletes every collection it contains.
 */
export type Change =
  | { readonly op: 'put'; readonly collection: string; readonly entity: Json }
  | { readonly op: 'delete'; readonly collection: string; readonly id: string };

/** Reads of the state. Entities handed out are read-only: the core writes only through a store's `transact`. */
export interface StoreReader {
  /** The entities of a collection, oldest first (empty for a collection never written). */
  list(collection: string): Promise<readonly Json[]>;
  get(collection: string, id: string): Promise<Json | undefined>;
}

/** What a write's work returns: its result, and the changes to apply with it. */
export interface Written<T> {
  readonly result: T;
  readonly changes: readonly Change[];
}

/**
 * What the simulator's core needs of its state: in memory (`MemoryStore`), in an SQLite file (`SqliteStore`),
 * or in a PostgreSQL database that several simulator processes share (`PostgresStore`). Every method may wait.
 */
export interface Store extends StoreReader {
  /**
   * One write: `work` reads through the reader it is given and returns the changes to make; the store applies
   * them atomically, isolated from every other writer (in this process, and for a database in every process
   * that shares it), and returns once they are durable. A database may run `work` again after a conflict, so
   * it must have no effect but the changes it returns (timers it arms check the state when they fire).
   */
  transact<T>(work: (reader: StoreReader) => Promise<Written<T>>): Promise<T>;
  /** Applies the changes together (a write that reads nothing). */
  apply(changes: readonly Change[]): Promise<void>;
  /** The collections holding at least one entity (scans at start: timers to re-arm). */
  collections(): Promise<readonly string[]>;
  /** Empties the state (for every process that shares it). */
  clear(): Promise<void>;
  close(): Promise<void>;
  /** Where the state is and what the store promises, in a few words, for people: `SQLite file state.db (…)`. */
  readonly description: string;
}

/** The collection an entity contains under `name`: `outboundProvisioningFlowSets/<id>/provisioningFlows`. */
export const childCollection = (collection: string, id: string, name: string): string =>
  collection === '' ? name : `${collection}/${encodeURIComponent(id)}/${name}`;

/** The entity of `collection` with this id is gone, and with it everything it contains. */
export const containedBy = (collection: string, id: string): string =>
  `${collection}/${encodeURIComponent(id)}/`;

/**
 * The first collection name after every one that starts with `prefix` (which ends with `/`), in code point order:
 * a database deletes the collections an entity contains as the range [prefix, end).
 */
export const afterPrefix = (prefix: string): string => `${prefix.slice(0, -1)}0`;

/** The state cannot be reached for now (a database down, a file locked too long): answered 503 with Retry-After. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';

  constructor(
    message: string,
    readonly retryAfterSeconds = 1,
  ) {
    super(message);
  }
}

/** A change the store refused because a value it holds unique is taken (a unique index): answered 409. */
export class StoreConflictError extends Error {
  override readonly name = 'StoreConflictError';
}

/** The state cannot be opened or trusted (at start): the message names the file or database and what to do. */
export class StoreOpenError extends Error {
  override readonly name: string = 'StoreOpenError';
}

/** A data file that cannot be trusted (damaged, of another program, a journal that does not parse). */
export class DataFileError extends StoreOpenError {
  override readonly name = 'DataFileError';
}
