import type { Pool, PoolClient } from 'pg';
import type { Json } from '../json.js';
import { WriterGate } from './mutex.js';
import {
  afterPrefix,
  type Change,
  containedBy,
  type Store,
  StoreConflictError,
  StoreOpenError,
  type StoreReader,
  StoreUnavailableError,
  type Written,
} from './store.js';
import { uniqueKey, uniqueTaken } from './unique.js';

const table = 'sds_simulator_entities';
const meta = 'sds_simulator_meta';
/** The schema this code writes; a database of a later one is refused, not misread. */
const schemaVersion = 1;
/** Held while a simulator creates the tables, so that two starting at once do not race (`'SDS1'`). */
const setupLock = 0x5344_5331;

/** The tables: one row per entity (body as JSON, order kept by `seq`), each unique value (if any) indexed. */
const schema = `
CREATE TABLE IF NOT EXISTS ${table} (
  seq bigint GENERATED ALWAYS AS IDENTITY,
  collection text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  body json NOT NULL,
  unique_key text COLLATE "C",
  PRIMARY KEY (collection, id)
);
CREATE INDEX IF NOT EXISTS ${table}_order ON ${table} (collection, seq);
CREATE UNIQUE INDEX IF NOT EXISTS ${table}_unique ON ${table} (collection, unique_key)
  WHERE unique_key IS NOT NULL;`;

const sql = {
  get: `SELECT body FROM ${table} WHERE collection = $1 AND id = $2`,
  list: `SELECT body FROM ${table} WHERE collection = $1 ORDER BY seq`,
  put: `INSERT INTO ${table} (collection, id, body, unique_key) VALUES ($1, $2, $3, $4)
        ON CONFLICT (collection, id) DO UPDATE SET body = EXCLUDED.body, unique_key = EXCLUDED.unique_key`,
  deleteOne: `DELETE FROM ${table} WHERE collection = $1 AND id = $2`,
  deleteRange: `DELETE FROM ${table} WHERE collection >= $1 AND collection < $2`,
  collections: `SELECT collection FROM ${table} GROUP BY collection ORDER BY min(seq)`,
  clear: `DELETE FROM ${table}`,
};

const codeOf = (error: unknown): string => String((error as { code?: unknown })?.code ?? '');

/** Codes and messages of a server or network that is gone (down, restarting, unreachable, too many clients). */
const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  '53300', // too_many_connections
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up)
]);
export function isConnectionError(error: unknown): boolean {
  const code = codeOf(error);
  if (connectionCodes.has(code) || code.startsWith('08')) return true;
  return /connection terminated|connection error|timeout exceeded when trying to connect|query read timeout|not queryable|server closed the connection/i.test(
    (error as Error)?.message ?? '',
  );
}

/** serialization_failure, deadlock_detected: the database asks for the transaction again. */
const isSerialization = (error: unknown) => ['40001', '40P01'].includes(codeOf(error));

/** The URL without its password, to name in messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '****';
    return parsed.toString();
  } catch {
    return 'the PostgreSQL URL';
  }
}

export interface PostgresOptions {
  /** Connections per simulator process (default 10). */
  readonly poolSize?: number;
  /** How long to wait for a connection before a 503 (default 5000 ms). */
  readonly connectTimeoutMs?: number;
  /** How long one statement may take before the connection is dropped and a 503 answered (default 30 s). */
  readonly queryTimeoutMs?: number;
  /** The Retry-After of a 503 while the database cannot be reached (default 1 s). */
  readonly retryAfterSeconds?: number;
  /** How many writes of this process may be in the database at once (default 6; the rest wait their turn). */
  readonly writers?: number;
  /** How often a write is tried when the database reports a conflict with another writer (default 20). */
  readonly maxAttempts?: number;
}

/**
 * The state in PostgreSQL (`pg`), shared by every simulator process that opens the same database. Each write is
 * one SERIALIZABLE transaction (its reads and its changes), tried again when the database finds it conflicts
 * with another process's; the unique values (one flow per type) are a unique index. A write is acknowledged
 * once committed. While the database cannot be reached, reads and writes fail with StoreUnavailableError (a 503
 * with Retry-After); new connections are made when it is back.
 */
export class PostgresStore implements Store {
  readonly description: string;
  // A few writes at once per process: the database keeps them apart (as it does those of other processes), and
  // commits them together; the limit leaves connections of the pool to reads. A write the database found in
  // conflict runs again alone in this process, so that writers of one process do not collide again and again
  // (on one entity, say): only other processes' writes can stand in its way then.
  private readonly writer: WriterGate;
  private readonly retryAfterSeconds: number;
  private readonly maxAttempts: number;
  private closed = false;

  private constructor(
    private readonly where: string,
    private readonly pool: Pool,
    options: PostgresOptions,
  ) {
    this.retryAfterSeconds = options.retryAfterSeconds ?? 1;
    this.maxAttempts = options.maxAttempts ?? 20;
    this.writer = new WriterGate(Math.max(1, options.writers ?? 6));
    this.description = `PostgreSQL ${where} (shared: every simulator on this database serves the same state; a write is acknowledged once committed)`;
  }

  /** Connects, creates the tables if needed, and checks they are of a schema this code reads. */
  static async open(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
    const where = redactUrl(url);
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      query_timeout: options.queryTimeoutMs ?? 30_000,
      idleTimeoutMillis: 30_000,
    });
    // A connection the server dropped while idle in the pool: the pool discards it, the next query connects
    // again. One dropped while a request holds it between two statements fails that request's next statement.
    // Either way the error event is not the place it is reported (unheard, it would end the process).
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    try {
      await setUp(pool, where);
    } catch (error) {
      await pool.end().catch(() => undefined);
      if (error instanceof StoreOpenError) throw error;
      throw new StoreOpenError(openProblem(error, where));
    }
    return new PostgresStore(where, pool, options);
  }

  async get(collection: string, id: string): Promise<Json | undefined> {
    const rows = await this.read(() =>
      this.pool.query({ name: 'sds-get', text: sql.get, values: [collection, id] }),
    );
    return rows[0]?.body as Json | undefined;
  }

  async list(collection: string): Promise<readonly Json[]> {
    const rows = await this.read(() =>
      this.pool.query({ name: 'sds-list', text: sql.list, values: [collection] }),
    );
    return rows.map((row) => row.body as Json);
  }

  async collections(): Promise<readonly string[]> {
    const rows = await this.read(() => this.pool.query({ name: 'sds-collections', text: sql.collections }));
    return rows.map((row) => String(row.collection));
  }

  transact<T>(work: (reader: StoreReader) => Promise<Written<T>>): Promise<T> {
    return this.inTransaction(async (client) => {
      const reader: StoreReader = {
        get: async (collection, id) =>
          (await client.query({ name: 'sds-get', text: sql.get, values: [collection, id] })).rows[0]?.body,
        list: async (collection) =>
          (await client.query({ name: 'sds-list', text: sql.list, values: [collection] })).rows.map(
            (row) => row.body as Json,
          ),
      };
      const { result, changes } = await work(reader);
      for (const change of changes) await this.applyOne(client, change);
      return result;
    });
  }

  apply(changes: readonly Change[]): Promise<void> {
    return this.transact(async () => ({ result: undefined, changes }));
  }

  clear(): Promise<void> {
    return this.inTransaction(async (client) => {
      await client.query(sql.clear);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // The pool ends once the writes holding its connections give them back.
    await this.pool.end();
  }

  private async applyOne(client: PoolClient, change: Change): Promise<void> {
    if (change.op === 'delete') {
      const prefix = containedBy(change.collection, change.id);
      await client.query({ name: 'sds-delete', text: sql.deleteOne, values: [change.collection, change.id] });
      await client.query({
        name: 'sds-delete-range',
        text: sql.deleteRange,
        values: [prefix, afterPrefix(prefix)],
      });
      return;
    }
    const id = String(change.entity.id);
    const key = uniqueKey(change.collection, change.entity) ?? null;
    try {
      await client.query({
        name: 'sds-put',
        text: sql.put,
        values: [change.collection, id, JSON.stringify(change.entity), key],
      });
    } catch (error) {
      // unique_violation: another process stored the value first (after the retries, a 409).
      if (codeOf(error) === '23505' && key !== null)
        throw new StoreConflictError(uniqueTaken(change.collection, key, id));
      throw error;
    }
  }

  /** One SERIALIZABLE transaction, tried again while the database reports a conflict with another writer. */
  private async inTransaction<T>(body: (client: PoolClient) => Promise<T>): Promise<T> {
    const again = (error: unknown) => isSerialization(error) || error instanceof StoreConflictError;
    try {
      return await this.writer.run(() => this.once(body));
    } catch (error) {
      if (!again(error) || this.maxAttempts <= 1) throw this.failure(error);
    }
    return this.writer.run(async () => {
      for (let attempt = 2; ; attempt++) {
        try {
          return await this.once(body);
        } catch (error) {
          if (!again(error) || attempt >= this.maxAttempts) throw this.failure(error);
        }
        // A short, growing, random wait: writers of two processes that collided do not collide again in step.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 ** attempt, 50)));
      }
    }, true);
  }

  private async once<T>(body: (client: PoolClient) => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreUnavailableError(`the PostgreSQL store of ${this.where} is closed`);
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
      const result = await body(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      if (isConnectionError(error)) broken = error as Error;
      else
        await client.query('ROLLBACK').catch((rollback: Error) => {
          broken = rollback;
        });
      throw error;
    } finally {
      // A connection that failed is closed, not given back to the pool.
      client.release(broken);
    }
  }

  private async read(
    query: () => Promise<{ rows: Record<string, unknown>[] }>,
  ): Promise<Record<string, unknown>[]> {
    if (this.closed) throw new StoreUnavailableError(`the PostgreSQL store of ${this.where} is closed`);
    try {
      return (await query()).rows;
    } catch (error) {
      throw this.failure(error);
    }
  }

  private failure(error: unknown): unknown {
    if (isConnectionError(error))
      return new StoreUnavailableError(
        `the state database ${this.where} cannot be reached (${(error as Error).message}): retry after the Retry-After delay`,
        this.retryAfterSeconds,
      );
    if (isSerialization(error))
      return new StoreUnavailableError(
        `the state database ${this.where} kept finding this write in conflict with others: retry`,
        this.retryAfterSeconds,
      );
    return error;
  }
}

async function setUp(pool: Pool, where: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [setupLock]);
    await client.query(`CREATE TABLE IF NOT EXISTS ${meta} (key text PRIMARY KEY, value text NOT NULL)`);
    await client.query(
      `INSERT INTO ${meta} (key, value) VALUES ('schema', $1) ON CONFLICT (key) DO NOTHING`,
      [String(schemaVersion)],
    );
    const found = Number(
      (await client.query(`SELECT value FROM ${meta} WHERE key = 'schema'`)).rows[0]?.value,
    );
    if (!(found <= schemaVersion))
      throw new StoreOpenError(
        `${where} holds the tables of a later simulator (schema ${found}; this one reads ${schemaVersion}): update the toolkit`,
      );
    await client.query(schema);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Why a database could not be opened, and what to do. */
function openProblem(error: unknown, where: string): string {
  const message = (error as Error).message;
  const code = codeOf(error);
  if (isConnectionError(error))
    return `cannot reach the PostgreSQL server of ${where} (${message}): start it, or check the host and port`;
  if (/password must be a string|no password supplied/i.test(message))
    return `the PostgreSQL server of ${where} asks for a password: set PGPASSWORD, or put it in ~/.pgpass (never in the URL: ps shows it)`;
  if (code === '28P01' || code === '28000')
    return `the PostgreSQL server of ${where} refused the user (${message}): check the user name, and set PGPASSWORD or ~/.pgpass`;
  if (code === '3D000') return `${where}: ${message}: create it first (createdb <name>, or CREATE DATABASE)`;
  if (code === '42501')
    return `${where}: ${message}: the user needs the right to create tables in the database (once), then to read and write them`;
  return `${where} cannot be used as the simulator's store: ${message}`;
}
