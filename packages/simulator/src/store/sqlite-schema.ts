import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';

/** Marks a file as the simulator's (`PRAGMA application_id`): 'SDS1'. */
export const applicationId = 0x5344_5331;
/** The schema this code writes (`PRAGMA user_version`); a file of a later one is refused, not misread. */
export const schemaVersion = 1;
export const entitiesTable = 'sds_simulator_entities';

/**
 * The tables of a new data file: one row per entity, its body as JSON, its unique value (if any) indexed. A
 * collection is read in rowid order, its insertion order (an upsert keeps the row); the primary key finds it.
 */
export const sqliteSchema = `
CREATE TABLE IF NOT EXISTS ${entitiesTable} (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  body TEXT NOT NULL,
  unique_key TEXT,
  PRIMARY KEY (collection, id)
);
CREATE UNIQUE INDEX IF NOT EXISTS ${entitiesTable}_unique ON ${entitiesTable} (collection, unique_key)
  WHERE unique_key IS NOT NULL;
PRAGMA application_id = ${applicationId};
PRAGMA user_version = ${schemaVersion};
`;

const sqliteHeader = 'SQLite format 3\0';

/** The first bytes of the file: an SQLite database, or (non-empty, anything else) a journal to migrate. */
function kindOf(file: string): 'none' | 'sqlite' | 'other' {
  if (!existsSync(file) || statSync(file).size === 0) return 'none';
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    return head.toString('latin1') === sqliteHeader ? 'sqlite' : 'other';
  } finally {
    closeSync(fd);
  }
}

/** A file that is there, not empty, and not SQLite: a journal of the earlier simulator (to migrate). */
export const isJournal = (file: string): boolean => kindOf(file) === 'other';
