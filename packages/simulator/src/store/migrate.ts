import { closeSync, copyFileSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { readJournal } from './journal.js';
import { entitiesTable, sqliteSchema } from './sqlite-schema.js';
import { uniqueKey } from './unique.js';

function fsyncPath(path: string): void {
  try {
    const fd = openSync(path, 'r');
    fsyncSync(fd);
    closeSync(fd);
  } catch {
    // Some file systems cannot fsync a folder; the rename is still atomic.
  }
}

/**
 * Turns a journal of the earlier simulator into an SQLite data file at the same path, atomically: the journal is
 * read whole (refused with its line if it cannot be trusted), the database is written beside it, the journal
 * copied to `<file>.journal` and only then is the database renamed over it. A crash at any point leaves either
 * the journal (migrated again at the next start) or the complete database. Answers what it did, for people.
 */
export function migrateJournal(file: string, Sqlite: typeof BetterSqlite3): string {
  const state = readJournal(file);
  const temp = `${file}.migrating`;
  const backup = `${file}.journal`;
  for (const leftover of [temp, `${temp}-journal`]) rmSync(leftover, { force: true });
  // The default rollback journal, not WAL: the finished file stands alone, with no -wal beside it to lose.
  const db = new Sqlite(temp);
  let count = 0;
  try {
    db.pragma('synchronous = FULL');
    db.exec(sqliteSchema);
    const put = db.prepare(
      `INSERT INTO ${entitiesTable} (collection, id, body, unique_key) VALUES (?, ?, ?, ?)`,
    );
    db.transaction(() => {
      for (const [collection, entities] of state.entries())
        for (const entity of entities) {
          put.run(
            collection,
            String(entity.id),
            JSON.stringify(entity),
            uniqueKey(collection, entity) ?? null,
          );
          count++;
        }
    })();
  } finally {
    db.close();
  }
  copyFileSync(file, backup);
  fsyncPath(backup);
  renameSync(temp, file);
  fsyncPath(dirname(file));
  return `${file} was a journal of the earlier simulator: its ${count} entities are now in SQLite at the same path; the journal is kept as ${backup}`;
}
