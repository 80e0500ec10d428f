import type { FaultRule } from '@sds-toolkit/simulator';
import { parse } from 'yaml';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { FailedError, UsageError } from '../errors.js';
import { checkFileToWrite, readInputFile } from '../files.js';
import { ExitCode } from '../io.js';
import { readSecret, secretEnv } from '../secret.js';

const usage = `Usage: sds simulate [--port N] [--host 127.0.0.1] [--data <file> | --store <postgres-url>] [--faults <file>]
                    [--readiness-delay <ms>] [--operation-delay <ms>] [--run-interval <ms>] [--run-duration <ms>]
                    [--secret-file <file>]

Serves the documented industryData API on HTTP, the whole namespace: state, the documented rules (400 / 409),
Graph's OData errors, permissions from the docs' tables (401 / 403), upload sessions, long-running validation,
scheduled runs, and injectable faults. Prints the base URL to give a client, e.g.
createIndustryDataAdapter({ baseUrl }). Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.

  --port <n>              port (default 0: the OS picks a free one)
  --host <address>        default 127.0.0.1
  --data <file>           keep the state in this SQLite file (every acknowledged write is on disk first; several
                          simulators may share it; a journal file of an earlier simulator is migrated, kept as
                          <file>.journal). Without --data or --store the state is in memory
  --store <postgres-url>  keep the state in PostgreSQL, e.g. postgres://sds@db.example:5432/sandbox: every
                          simulator given the same database serves the same state (a sandbox a team shares). No
                          password in the URL (ps shows it): set PGPASSWORD or use ~/.pgpass
  --faults <file>         YAML/JSON { faults: [ { status: 429|503, retryAfter, latencyMs, probability, count, method, path } ] }
  --readiness-delay <ms>  how long a created or reset provisioning flow stays notReady (default 2000)
  --operation-delay <ms>  how long a connector's validation stays running (default 2000)
  --run-interval <ms>     how often a run of the active flows starts (default 43200000: 12 hours, as documented)
  --run-duration <ms>     how long a run stays running (default 60000)
  --secret-file <file>    require HS256 tokens signed with the secret on the file's first line; or set
                          SDS_SIMULATOR_SECRET (default: signatures not checked). Never on the command line:
                          ps shows it to every user of the machine
  --json                  print { "url": …, "store": "memory"|"sqlite"|"postgres" } as one line instead of the bare URL

Tokens: pnpm sds token --scopes "IndustryData-OutboundFlow.ReadWrite.All". Per-request faults: the header
x-sds-fault: status=429; retry-after=2 (or retry-after=http-date:2; latency=100).`;

/** A duration option: whole milliseconds, 0 or more (at least 1 where `positive`). */
function milliseconds(name: string, raw: string, positive = false): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || (positive && value === 0))
    throw new UsageError(
      `--${name} takes whole milliseconds${positive ? ' above 0' : ', 0 or more'}, not '${raw}'`,
    );
  return value;
}

/** A PostgreSQL URL for --store: postgres:// or postgresql://, and no password (ps would show it). */
function postgresUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(
      `--store takes a PostgreSQL URL such as postgres://sds@localhost:5432/sandbox, not '${raw}' (for a file, use --data)`,
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    throw new UsageError(
      `--store takes a postgres:// URL, not ${url.protocol}// (the state is kept in PostgreSQL; for an SQLite file, use --data)`,
    );
  if (url.password || url.searchParams.has('password'))
    throw new UsageError(
      '--store: the URL holds a password, which ps shows to every user of this machine: leave it out and set PGPASSWORD, or put it in ~/.pgpass',
    );
  return raw;
}

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'serve the documented API locally: stateful, rules enforced, faults on demand',
  usage,
  async run(args, io) {
    // Taken first: by the time the URL is printed, whoever started us may already have ended (the user's
    // `kill` races the start), and a parent read after that would be the reaper, never seen to change.
    const parent = process.ppid;
    const { values } = parseCommandArgs(args, {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string' },
      store: { type: 'string' },
      faults: { type: 'string' },
      'readiness-delay': { type: 'string', default: '2000' },
      'operation-delay': { type: 'string', default: '2000' },
      'run-interval': { type: 'string', default: String(12 * 60 * 60 * 1000) },
      'run-duration': { type: 'string', default: '60000' },
      'secret-file': { type: 'string' },
      // Read only to refuse it with the reason: a secret on the command line is visible in ps.
      secret: { type: 'string' },
    });
    if (values.secret !== undefined)
      throw new UsageError(
        `--secret would show the secret to every user of this machine (ps): put it in ${secretEnv}, or in a file given with --secret-file`,
      );
    // Loaded here, not at the top: `sds --help` should not pay for every stage.
    const { checkFaultRules, FaultConfigError, startSimulator, StoreOpenError, StoreUnavailableError } =
      await import('@sds-toolkit/simulator');
    const port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535)
      throw new UsageError(`--port takes 0..65535 (0: a free one), not '${values.port}'`);
    const readinessDelayMs = milliseconds('readiness-delay', values['readiness-delay']);
    const operationDelayMs = milliseconds('operation-delay', values['operation-delay']);
    const runIntervalMs = milliseconds('run-interval', values['run-interval'], true);
    const runDurationMs = milliseconds('run-duration', values['run-duration']);
    const secret = readSecret(io, values['secret-file']);
    if (values.data !== undefined && values.store !== undefined)
      throw new UsageError(
        'give --data <file> (SQLite) or --store <postgres-url> (PostgreSQL), not both: one state per simulator',
      );
    const data = values.data ? checkFileToWrite(io, values.data, 'the data file') : undefined;
    const postgres = values.store !== undefined ? postgresUrl(values.store) : undefined;
    let faults: FaultRule[] = [];
    if (values.faults) {
      const text = readInputFile(io, values.faults, 'the faults file');
      try {
        // logLevel 'error': a file that is not YAML gets one line, without yaml's warnings after it.
        faults = checkFaultRules(parse(text, { logLevel: 'error' }), values.faults);
      } catch (error) {
        if (error instanceof FaultConfigError) throw new UsageError(error.message);
        throw new UsageError(
          `the faults file ${values.faults} is not YAML or JSON: ${(error as Error).message}`,
        );
      }
    }
    let running: Awaited<ReturnType<typeof startSimulator>>;
    try {
      running = await startSimulator({
        port,
        host: values.host,
        faults,
        readinessDelayMs,
        operationDelayMs,
        runIntervalMs,
        runDurationMs,
        ...(data ? { data } : {}),
        ...(postgres ? { postgres } : {}),
        ...(secret ? { secret } : {}),
        onMigrated: (message) => io.stderr(`sds simulate: ${message}\n`),
      });
    } catch (error) {
      // The state cannot be opened, or went away while the simulator started (seeding it).
      if (error instanceof StoreOpenError || error instanceof StoreUnavailableError)
        throw new FailedError(error.message);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use: pick another, or --port 0`);
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
        throw new UsageError(`--host ${values.host} is not an address of this machine (e.g. 127.0.0.1)`);
      if (code === 'EACCES')
        throw new UsageError(
          `port ${port} needs privileges on this machine: pick one above 1023, or --port 0`,
        );
      throw error;
    }
    const store = postgres ? 'postgres' : data ? 'sqlite' : 'memory';
    io.stdout(values.json ? `${JSON.stringify({ url: running.url, store })}\n` : `${running.url}\n`);
    io.stderr(
      `sds simulate: serving the industryData API at ${running.url} (state in ${running.simulator.store.description}); Ctrl-C stops\n`,
    );
    let orphaned = false;
    await new Promise<void>((resolve) => {
      // Started through a package manager (`pnpm sds simulate &`), the simulator is pnpm's child: `kill` of
      // the pid the shell shows stops pnpm alone, and the simulator went on holding its port with no parent.
      // It stops when the package manager that started it is gone (a plain `node … simulate` is left alone:
      // its parent is the user's shell, and `nohup` means to outlive it).
      const watch = io.env.npm_lifecycle_event
        ? setInterval(() => {
            if (process.ppid === parent) return;
            orphaned = true;
            stop();
          }, 500)
        : undefined;
      watch?.unref();
      const stop = () => {
        if (watch) clearInterval(watch);
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void running.close().then(resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    io.stderr(
      orphaned
        ? 'sds simulate: stopped (the command that started it, pnpm or npm, has ended)\n'
        : 'sds simulate: stopped\n',
    );
    return ExitCode.ok;
  },
};
