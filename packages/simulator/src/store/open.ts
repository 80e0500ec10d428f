import { MemoryStore } from './memory.js';
import { PostgresStore } from './postgres.js';
import { SqliteStore } from './sqlite.js';
import { type Store, StoreOpenError } from './store.js';

export interface StoreChoice {
  /** An SQLite data file (created if missing; a journal of the earlier simulator is migrated). */
  readonly data?: string;
  /** A PostgreSQL URL (`postgres://user@host:5432/db`): a state several simulator processes share. */
  readonly postgres?: string;
  /** Told what a migration of a journal did. */
  readonly onMigrated?: (message: string) => void;
}

/** The store chosen: PostgreSQL, an SQLite file, or (neither given) memory. */
export async function openStore(choice: StoreChoice): Promise<Store> {
  if (choice.data !== undefined && choice.postgres !== undefined)
    throw new StoreOpenError('give a data file or a PostgreSQL URL, not both: one state per simulator');
  if (choice.postgres !== undefined) return PostgresStore.open(choice.postgres);
  if (choice.data !== undefined)
    return SqliteStore.open(choice.data, choice.onMigrated ? { onMigrated: choice.onMigrated } : {});
  return new MemoryStore();
}
