// PostgreSQL servers for the tests: a throwaway cluster of the installed binaries (initdb in a temporary folder,
// started on a free port of 127.0.0.1, run as the `postgres` user when the tests run as root, as in CI), or the
// server SDS_TEST_POSTGRES_URL names (.ci/run starts Debian's and sets it). Without either: a reason to skip.
import { execFile, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** A server the tests may make states on; a cluster of their own may also be stopped and started. */
export interface PgServer {
  /**
   * A new empty place for a state on the server, as a URL: a schema of its own (`options=-c search_path=…`),
   * cheap to make and drop where a database is not (CREATE and DROP DATABASE wait for checkpoints, long on a
   * server that syncs to disk). Dropped by `destroy`.
   */
  createDatabase(): Promise<string>;
  destroy(): Promise<void>;
}

export interface PgCluster extends PgServer {
  /** Stops the server: `immediate` is a crash (no checkpoint; recovery from the WAL at the next start). */
  stop(mode?: 'immediate' | 'fast'): Promise<void>;
  start(): Promise<void>;
}

/** The folder of initdb and pg_ctl: SDS_TEST_POSTGRES_BIN, Debian's newest /usr/lib/postgresql/<n>/bin, or PATH. */
function binDir(): string | undefined {
  if (process.env.SDS_TEST_POSTGRES_BIN) return process.env.SDS_TEST_POSTGRES_BIN;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(join(debian, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], 'bin');
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  return found ? join(found, '..') : undefined;
}

/** PostgreSQL refuses to run as root: as root (CI), the cluster belongs to the `postgres` user. */
function owner(): { uid: number; gid: number } | undefined | 'missing' {
  if (process.getuid?.() !== 0) return undefined;
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return 'missing';
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

let counter = 0;
const schemaName = () => `sds_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;

async function onServer(url: string, statements: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

async function createOn(adminUrl: string, created: string[]): Promise<string> {
  const name = schemaName();
  await onServer(adminUrl, [`CREATE SCHEMA ${name}`]);
  created.push(name);
  const url = new URL(adminUrl);
  url.searchParams.set('options', `-c search_path=${name}`);
  return url.toString();
}

const dropAll = (adminUrl: string, created: readonly string[]) =>
  created.length > 0
    ? onServer(adminUrl, [`DROP SCHEMA IF EXISTS ${created.join(', ')} CASCADE`])
    : undefined;

/**
 * A cluster of its own in a temporary folder; a string says why there can be none here. `durable`: fsync on, as
 * a real server runs (the benchmark), instead of off (tests, whose cluster is thrown away).
 */
export async function ownCluster(setup: { durable?: boolean } = {}): Promise<PgCluster | string> {
  const bin = binDir();
  if (!bin)
    return 'no PostgreSQL server binaries (initdb): apt-get install postgresql, or set SDS_TEST_POSTGRES_BIN';
  const user = owner();
  if (user === 'missing') return 'running as root and there is no postgres user to run PostgreSQL as';
  const dir = mkdtempSync(join(tmpdir(), 'sds-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const as = (command: string, args: string[]) =>
    user
      ? run('runuser', ['-u', 'postgres', '--', join(bin, command), ...args])
      : run(join(bin, command), args);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    // A test cluster is thrown away: no fsync to the disk (a crash of the server, not of the machine, still
    // loses nothing committed: the WAL is in the operating system's hands).
    ...(setup.durable ? [] : ['-c fsync=off', '-c full_page_writes=off']),
    '-c shared_buffers=16MB',
    '-c max_connections=60',
  ].join(' ');
  const start = () =>
    as('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', options, 'start']).then(
      () => undefined,
    );
  try {
    await as('initdb', ['-D', data, '-U', 'sds', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return `could not start a PostgreSQL cluster with ${bin}: ${(error as Error).message.split('\n')[0]}`;
  }
  const admin = `postgres://sds@127.0.0.1:${port}/postgres`;
  const created: string[] = [];
  return {
    createDatabase: () => createOn(admin, created),
    start,
    async stop(mode = 'fast') {
      await as('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
    },
    async destroy() {
      await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The server of SDS_TEST_POSTGRES_URL (a user who may create databases), or a cluster of its own. */
export async function testServer(): Promise<PgServer | string> {
  const url = process.env.SDS_TEST_POSTGRES_URL;
  if (!url) return ownCluster();
  const created: string[] = [];
  return {
    createDatabase: () => createOn(url, created),
    async destroy() {
      await dropAll(url, created);
    },
  };
}
