import { realpathSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import type { Json } from '../json.js';
import { migrateJournal } from './migrate.js';
import { Mutex } from './mutex.js';
import { applicationId, entitiesTable, isJournal, schemaVersion, sqliteSchema } from './sqlite-schema.js';
import {
  afterPrefix,
  type Change,
  containedBy,
  DataFileError,
  type Store,
  StoreConflictError,
  type StoreReader,
  StoreUnavailableError,
  type Written,
} from './store.js';
import { uniqueKey, uniqueTaken } from './unique.js';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

const codeOf = (error: unknown): string => String((error as { code?: unknown }).code ?? '');
const isBusy = (error: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(codeOf(error));

/**
 * Writers of this process on one file queue on one mutex, whatever store object they go through: SQLite's
 * lock is per connection, and two connections of one process waiting on each other would wait out the timeout.
 */
const writersByFile = new Map<string, { mutex: Mutex; users: number }>();

export interface SqliteOptions {
  /** How long a write waits for another process's write to end before a 503 (default 5000 ms). */
  readonly busyTimeoutMs?: number;
  /** Told when a journal of the earlier simulator was turned into this SQLite file. */
  readonly onMigrated?: (message: string) => void;
  /** Waits between two tries of a file another process holds (default a timer); tests count the tries. */
  readonly retryWait?: (ms: number) => Promise<void>;
}

/** A timer that keeps the process alive: a simulator still opening its file must not exit for want of work. */
const timerWait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The state in an SQLite file (better-sqlite3): WAL, `synchronous=FULL`, one transaction per request, so an
 * acknowledged write is on disk and survives `kill -9` or a power cut. Several simulator processes may open
 * the same file: each write is a `BEGIN IMMEDIATE` transaction (reads and changes together), so SQLite
 * serializes them across processes, and the unique values (one flow per type) are a unique index.
 */
export class SqliteStore implements Store {
  readonly description: string;
  private readonly statements: {
    get: Statement;
    list: Statement;
    put: Statement;
    deleteOne: Statement;
    deleteRange: Statement;
    collections: Statement;
    clear: Statement;
    dataVersion: Statement;
    begin: Statement;
    commit: Statement;
    rollback: Statement;
  };
  private closed = false;
  /**
   * Entities read and written, parsed once (the same object each time: the renderer shapes each once). Valid
   * while no other connection has committed to the file: SQLite's data_version says when one has, and then the
   * cache starts again. Our own commits keep it up to date.
   */
  private readonly cache = new Map<string, { all?: Json[]; byId: Map<string, Json | null> }>();
  private seenVersion = -1;

  private constructor(
    private readonly file: string,
    private readonly db: Database,
    private readonly writer: Mutex,
    private readonly writerKey: string,
    private readonly busyTimeoutMs: number,
  ) {
    // Read back from the connection, not restated: what the file really runs with.
    const mode = String(db.pragma('journal_mode', { simple: true })).toUpperCase();
    const sync = ['OFF', 'NORMAL', 'FULL', 'EXTRA'][Number(db.pragma('synchronous', { simple: true }))];
    this.description = `SQLite file ${file} (${mode}, synchronous=${sync}: every acknowledged write is on disk; other simulators may share the file)`;
    const t = entitiesTable;
    this.statements = {
      get: db.prepare(`SELECT body FROM ${t} WHERE collection = ? AND id = ?`).pluck(),
      list: db.prepare(`SELECT body FROM ${t} WHERE collection = ? ORDER BY rowid`).pluck(),
      put: db.prepare(
        `INSERT INTO ${t} (collection, id, body, unique_key) VALUES (?, ?, ?, ?)
         ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body, unique_key = excluded.unique_key`,
      ),
      deleteOne: db.prepare(`DELETE FROM ${t} WHERE collection = ? AND id = ?`),
      deleteRange: db.prepare(`DELETE FROM ${t} WHERE collection >= ? AND collection < ?`),
      collections: db.prepare(`SELECT collection FROM ${t} GROUP BY collection ORDER BY min(rowid)`).pluck(),
      clear: db.prepare(`DELETE FROM ${t}`),
      dataVersion: db.prepare('PRAGMA data_version').pluck(),
      // Prepared once: a write is three statements of its own besides its changes.
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
    };
  }

  /**
   * Opens (or creates) the data file. A journal of the earlier simulator is migrated first (kept beside it);
   * a damaged file, a database of another program or of a later schema: DataFileError naming the file.
   */
  static async open(file: string, options: SqliteOptions = {}): Promise<SqliteStore> {
    const { default: Sqlite } = await import('better-sqlite3');
    if (isJournal(file)) {
      const message = migrateJournal(file, Sqlite);
      if (message) options.onMigrated?.(message);
    }
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    const db = await openChecked(file, Sqlite, busyTimeoutMs, options.retryWait ?? timerWait);
    const key = realpathSync(file);
    const writer = writersByFile.get(key) ?? { mutex: new Mutex(), users: 0 };
    writer.users++;
    writersByFile.set(key, writer);
    return new SqliteStore(file, db, writer.mutex, key, busyTimeoutMs);
  }

  async get(collection: string, id: string): Promise<Json | undefined> {
    const cached = this.cached(collection);
    let entity = cached.byId.get(id);
    if (entity === undefined) {
      const body = this.run(() => this.statements.get.get(collection, id)) as string | undefined;
      entity = body === undefined ? null : this.parse(body, collection, id);
      cached.byId.set(id, entity);
    }
    return entity ?? undefined;
  }

  async list(collection: string): Promise<readonly Json[]> {
    const cached = this.cached(collection);
    if (!cached.all) {
      const bodies = this.run(() => this.statements.list.all(collection)) as string[];
      cached.all = bodies.map((body) => {
        const parsed = this.parse(body, collection);
        // One object per entity, whichever read found it first.
        const known = cached.byId.get(String(parsed.id));
        if (known) return known;
        cached.byId.set(String(parsed.id), parsed);
        return parsed;
      });
    }
    return cached.all.slice();
  }

  async collections(): Promise<readonly string[]> {
    return this.run(() => this.statements.collections.all()) as string[];
  }

  transact<T>(work: (reader: StoreReader) => Promise<Written<T>>): Promise<T> {
    return this.writer.run(async () => {
      await this.begin();
      try {
        const { result, changes } = await work(this);
        try {
          this.run(() => {
            this.applyNow(changes);
            this.statements.commit.run();
          });
        } catch (error) {
          this.cache.clear();
          throw error;
        }
        this.remember(changes);
        return result;
      } finally {
        if (this.db.inTransaction) this.statements.rollback.run();
      }
    });
  }

  apply(changes: readonly Change[]): Promise<void> {
    return this.transact(async () => ({ result: undefined, changes }));
  }

  clear(): Promise<void> {
    return this.transact(async () => {
      this.statements.clear.run();
      this.cache.clear();
      return { result: undefined, changes: [] };
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writer.run(async () => this.db.close());
    const writer = writersByFile.get(this.writerKey);
    if (writer && --writer.users === 0) writersByFile.delete(this.writerKey);
  }

  /** The cache of a collection, emptied first if another connection committed since the last look. */
  private cached(collection: string): { all?: Json[]; byId: Map<string, Json | null> } {
    const version = this.run(() => this.statements.dataVersion.get()) as number;
    if (version !== this.seenVersion) {
      this.cache.clear();
      this.seenVersion = version;
    }
    let cached = this.cache.get(collection);
    if (!cached) {
      cached = { byId: new Map() };
      this.cache.set(collection, cached);
    }
    return cached;
  }

  /** What a commit of ours changed, in the cache (the entities as written, not copies). */
  private remember(changes: readonly Change[]): void {
    for (const change of changes) {
      const cached = this.cache.get(change.collection);
      if (change.op === 'put') {
        const id = String(change.entity.id);
        if (!cached) continue;
        const before = cached.byId.get(id);
        cached.byId.set(id, change.entity);
        // A listed collection has each of its entities in byId: one not there is new, and goes last.
        if (cached.all) {
          const at = before ? cached.all.indexOf(before) : -1;
          if (at >= 0) cached.all[at] = change.entity;
          else if (before) cached.all = undefined;
          else cached.all.push(change.entity);
        }
      } else {
        if (cached) {
          const before = cached.byId.get(change.id);
          cached.byId.set(change.id, null);
          if (cached.all && before) cached.all = cached.all.filter((e) => e !== before);
        }
        const prefix = containedBy(change.collection, change.id);
        for (const name of [...this.cache.keys()]) if (name.startsWith(prefix)) this.cache.delete(name);
      }
    }
  }

  private applyNow(changes: readonly Change[]): void {
    const s = this.statements;
    for (const change of changes) {
      if (change.op === 'put') {
        const id = String(change.entity.id);
        const key = uniqueKey(change.collection, change.entity) ?? null;
        try {
          s.put.run(change.collection, id, JSON.stringify(change.entity), key);
        } catch (error) {
          if (codeOf(error) === 'SQLITE_CONSTRAINT_UNIQUE' && key !== null)
            throw new StoreConflictError(uniqueTaken(change.collection, key, id));
          throw error;
        }
      } else {
        s.deleteOne.run(change.collection, change.id);
        const prefix = containedBy(change.collection, change.id);
        s.deleteRange.run(prefix, afterPrefix(prefix));
      }
    }
  }

  /**
   * Takes the write lock: `BEGIN IMMEDIATE`, retried without blocking the event loop while another process
   * writes, then 503 (StoreUnavailableError) after the busy timeout.
   */
  private async begin(): Promise<void> {
    if (this.closed) throw new StoreUnavailableError(`the data file ${this.file} is closed`);
    const deadline = Date.now() + this.busyTimeoutMs;
    for (let wait = 1; ; wait = Math.min(wait * 2, 50)) {
      try {
        this.statements.begin.run();
        return;
      } catch (error) {
        if (!isBusy(error)) throw this.failure(error);
        if (Date.now() >= deadline)
          throw new StoreUnavailableError(
            `the data file ${this.file} has been locked by another process for ${this.busyTimeoutMs} ms: retry`,
          );
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** Runs a statement; a lock held too long is a 503, a damaged file an error that names it. */
  private run<T>(statement: () => T): T {
    try {
      return statement();
    } catch (error) {
      throw this.failure(error);
    }
  }

  private failure(error: unknown): Error {
    if (error instanceof StoreConflictError || error instanceof StoreUnavailableError) return error;
    const code = codeOf(error);
    if (isBusy(error))
      return new StoreUnavailableError(`the data file ${this.file} is locked by another process: retry`);
    if (code === 'SQLITE_FULL')
      return new StoreUnavailableError(`the disk of the data file ${this.file} is full: free some space`, 5);
    if (/^SQLITE_(CORRUPT|NOTADB|IOERR)/.test(code))
      return new Error(
        `the data file ${this.file} is damaged or unreadable (${(error as Error).message}): restore it from a copy`,
      );
    return error as Error;
  }

  private parse(body: string, collection: string, id?: string): Json {
    try {
      return JSON.parse(body) as Json;
    } catch {
      throw new Error(
        `the data file ${this.file} holds an entity of ${collection}${id ? ` ('${id}')` : ''} that is not JSON: it was changed by hand; restore it from a copy`,
      );
    }
  }
}

/**
 * Opens the file and prepares it. Another process opening the same new file at the same moment holds the lock
 * while it writes the schema: retried without blocking the event loop, as a write is, until the busy timeout.
 */
async function openChecked(
  file: string,
  Sqlite: typeof BetterSqlite3,
  busyTimeoutMs: number,
  retryWait: (ms: number) => Promise<void>,
): Promise<Database> {
  const deadline = Date.now() + busyTimeoutMs;
  for (let wait = 1; ; wait = Math.min(wait * 2, 50)) {
    let db: Database | undefined;
    try {
      // A short wait inside SQLite (it blocks the event loop); longer waits are the retries here.
      db = new Sqlite(file, { timeout: 20 });
      prepare(db, file);
      return db;
    } catch (error) {
      db?.close();
      if (error instanceof DataFileError) throw error;
      if (isBusy(error)) {
        if (Date.now() < deadline) {
          await retryWait(wait);
          continue;
        }
        throw new DataFileError(
          `${file} has been locked by another program for ${busyTimeoutMs} ms: close it, or give --data another file (${(error as Error).message})`,
        );
      }
      if (/^SQLITE_(CORRUPT|NOTADB)/.test(codeOf(error)))
        throw new DataFileError(
          `${file} is damaged (${(error as Error).message}): restore it from a copy, or move it away and start with a new file`,
        );
      throw new DataFileError(
        `${file} cannot be opened as the simulator's SQLite data file (${(error as Error).message}): check that it is readable and writable, on a local disk`,
      );
    }
  }
}

/** WAL, synchronous=FULL, the schema (created, or checked as ours and not newer), and the file checked whole. */
function prepare(db: Database, file: string): void {
  const journalMode = db.pragma('journal_mode = WAL', { simple: true });
  if (journalMode !== 'wal')
    throw new DataFileError(
      `${file}: SQLite cannot keep a write-ahead log here (journal_mode is ${String(journalMode)}): put the data file on a local disk`,
    );
  db.pragma('synchronous = FULL');
  const ours = () => db.pragma('application_id', { simple: true }) === applicationId;
  const tables = () =>
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  if (!ours()) {
    // A new file: the schema, once (another process may be creating it at the same moment).
    db.exec('BEGIN IMMEDIATE');
    try {
      if (!ours() && tables().length === 0) db.exec(sqliteSchema);
      db.exec('COMMIT');
    } finally {
      if (db.inTransaction) db.exec('ROLLBACK');
    }
  }
  if (!ours())
    throw new DataFileError(
      `${file} is an SQLite database, but not a simulator's (its tables: ${tables().join(', ') || 'none'}): give --data a file of its own`,
    );
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > schemaVersion)
    throw new DataFileError(
      `${file} was written by a later simulator (schema ${version}; this one reads ${schemaVersion}): update the toolkit`,
    );
  const problems = db.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
  const found = problems.map((p) => p.quick_check.replace(/\s+/g, ' ').trim()).filter((p) => p !== 'ok');
  if (found.length > 0)
    throw new DataFileError(
      `${file} is damaged (${found.join('; ')}): restore it from a copy, or move it away and start with a new file`,
    );
  const wrong = db
    .prepare(
      `SELECT collection, id FROM ${entitiesTable}
       WHERE json_valid(body) = 0 OR json_type(body) <> 'object' OR json_extract(body, '$.id') IS NOT id LIMIT 1`,
    )
    .get() as { collection: string; id: string } | undefined;
  if (wrong)
    throw new DataFileError(
      `${file}: the entity '${wrong.id}' of ${wrong.collection} is not a JSON object with that id (the file was changed by hand): restore it from a copy`,
    );
}
