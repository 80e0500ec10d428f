import {
  closeSync,
  copyFileSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { readJournal } from './journal.js';
import { entitiesTable, isJournal, sqliteSchema } from './sqlite-schema.js';
import { DataFileError } from './store.js';
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

/** A process that is still running (a signal 0 reaches it, or it is another user's). */
function alive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * `<file>.migrating` holds the pid of the process migrating the journal, created exclusively: a second simulator
 * started on the same journal meanwhile refuses (it would rename its own copy over the first one's database); one
 * left by a process that died is taken over.
 */
function lockMigration(file: string): () => void {
  const lock = `${file}.migrating`;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const pid = Number(readFileSync(lock, 'utf8').trim());
      if (alive(pid) && pid !== process.pid)
        throw new DataFileError(
          `${file} is being migrated from a journal to SQLite by process ${pid}: start again once it serves`,
        );
      rmSync(lock, { force: true });
    }
  }
}

/**
 * Turns a journal of the earlier simulator into an SQLite data file at the same path, atomically: the journal is
 * read whole (refused with its line if it cannot be trusted), the database is written beside it, the journal
 * copied to `<file>.journal` and only then is the database renamed over it. A crash at any point leaves either
 * the journal (migrated again at the next start) or the complete database. Answers what it did, for people, or
 * nothing when another process finished the migration first.
 */
export function migrateJournal(file: string, Sqlite: typeof BetterSqlite3): string | undefined {
  const unlock = lockMigration(file);
  try {
    if (!isJournal(file)) return undefined;
    return migrate(file, Sqlite);
  } finally {
    unlock();
  }
}

function migrate(file: string, Sqlite: typeof BetterSqlite3): string {
  const state = readJournal(file);
  const temp = `${file}.migrating.db`;
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
