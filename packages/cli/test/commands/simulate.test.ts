import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createToken } from '@sds-toolkit/simulator';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/index.js';
import { captureIO } from '../capture.js';
import { lines, sds } from '../run.js';

const work = mkdtempSync(join(tmpdir(), 'sds-simulate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const bin = fileURLToPath(new URL('../../src/bin.ts', import.meta.url));

describe('sds simulate and sds token', () => {
  it('serves on the printed URL, accepts a printed token, and stops on SIGTERM', async () => {
    const io = captureIO();
    expect(await main(['token', '--scopes', 'IndustryData-OutboundFlow.Read.All'], io)).toBe(0);
    const token = io.out.trim();
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=development', bin, 'simulate', '--port', '0'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const url = await new Promise<string>((resolve) =>
      proc.stdout.once('data', (c: Buffer) => resolve(c.toString().trim())),
    );
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/beta$/);
    const response = await fetch(`${url}/external/industryData/outboundProvisioningFlowSets`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);

  // #17/#20 regression (user trial): `pnpm sds simulate &`, then `kill` of the pid the shell shows, stopped
  // pnpm only; the simulator went on holding its port with no parent.
  it('started by a package manager that then ends, it stops and says why', async () => {
    // The package manager's place: a process that starts the simulator (as pnpm does, with
    // npm_lifecycle_event set) and is then killed. The simulator inherits its pipes, which stay ours.
    const starter = spawn(
      process.execPath,
      [
        '-e',
        `const { spawn } = require('node:child_process');
         const child = spawn(process.execPath, ${JSON.stringify(['--import', 'tsx', '--conditions=development', bin, 'simulate', '--port', '0'])}, { stdio: 'inherit', env: { ...process.env, npm_lifecycle_event: 'sds' } });
         process.stdin.resume();`,
      ],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stderr = '';
    starter.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    const url = await new Promise<string>((resolve) =>
      starter.stdout.once('data', (c: Buffer) => resolve(c.toString().trim())),
    );
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/beta$/);
    // The simulator holds the pipes' write ends too: they close when it has stopped, not when its starter dies.
    const closed = new Promise<void>((resolve) => starter.stderr.once('end', () => resolve()));
    starter.kill('SIGKILL');
    await closed;
    expect(stderr).toContain('sds simulate: stopped (the command that started it, pnpm or npm, has ended)');
    await expect(fetch(url)).rejects.toThrow();
  }, 30_000);

  it.each([
    ['simulate', ['simulate', '--port', 'x'], /--port takes 0\.\.65535/],
    [
      'simulate',
      ['simulate', '--faults', '/no/such.yaml'],
      /the faults file \/no\/such\.yaml does not exist/,
    ],
    ['token', ['token'], /give the scopes/],
    [
      'simulate',
      ['simulate', '--secret', 's3cret'],
      /--secret would show the secret .*\(ps\): put it in SDS_SIMULATOR_SECRET, or in a file given with --secret-file/,
    ],
    [
      'simulate',
      ['simulate', '--secret-file', '/no/such/secret'],
      /the secret file \/no\/such\/secret does not exist/,
    ],
    [
      'simulate',
      ['simulate', '--run-interval', '0'],
      /--run-interval takes whole milliseconds above 0, not '0'/,
    ],
    [
      'simulate',
      ['simulate', '--operation-delay', '1.5'],
      /--operation-delay takes whole milliseconds, 0 or more, not '1\.5'/,
    ],
    [
      'simulate',
      ['simulate', '--data', 'state.db', '--store', 'postgres://sds@localhost/sandbox'],
      /give --data <file> \(SQLite\) or --store <postgres-url> \(PostgreSQL\), not both/,
    ],
    [
      'simulate',
      ['simulate', '--store', 'mysql://sds@localhost/sandbox'],
      /--store takes a postgres:\/\/ URL, not mysql:\/\/ \(.*for an SQLite file, use --data\)/,
    ],
    [
      'simulate',
      ['simulate', '--store', 'sandbox.db'],
      /--store takes a PostgreSQL URL such as postgres:\/\/sds@localhost:5432\/sandbox, not 'sandbox\.db' \(for a file, use --data\)/,
    ],
    [
      'simulate',
      ['simulate', '--stor', 'postgres://sds@localhost/sandbox'],
      /unknown option '--stor'; did you mean '--store'\?/,
    ],
  ])('%s: bad usage exits 2', async (_name, argv, message) => {
    const io = captureIO();
    expect(await main(argv, io)).toBe(2);
    expect(io.err).toMatch(message);
  });

  it('a password in the --store URL is refused without being repeated (ps shows the command line)', async () => {
    const io = captureIO();
    expect(await main(['simulate', '--store', 'postgres://sds@localhost/sandbox?password=hunter2'], io)).toBe(
      2,
    );
    expect(io.err).toMatch(/--store: the URL holds a password/);
    expect(io.err).not.toContain('hunter2');
    io.err = '';
    expect(await main(['simulate', '--store', 'postgres://sds:hunter2@localhost/sandbox'], io)).toBe(2);
    expect(io.err).toMatch(
      /--store: the URL holds a password, which ps shows to every user of this machine: leave it out and set PGPASSWORD, or put it in ~\/\.pgpass/,
    );
    expect(io.err).not.toContain('hunter2');
  });
});

describe('the secret: from SDS_SIMULATOR_SECRET or --secret-file, never the command line', () => {
  it.each([
    [
      'SDS_SIMULATOR_SECRET',
      (file: string) => ({
        args: [],
        env: { SDS_SIMULATOR_SECRET: 'env-secret' },
        secret: 'env-secret',
        file,
      }),
    ],
    [
      '--secret-file',
      (file: string) => ({ args: ['--secret-file', file], env: {}, secret: 'file-secret', file }),
    ],
  ])(
    '%s: only tokens signed with it are accepted',
    async (_name, setup) => {
      const file = join(work, `secret-${Math.random()}`);
      writeFileSync(file, 'file-secret\n');
      const { args, env, secret } = setup(file);
      const signedIo = captureIO({ SDS_SIMULATOR_SECRET: secret });
      expect(await main(['token', '--scopes', 'IndustryData-OutboundFlow.Read.All'], signedIo)).toBe(0);
      const unsignedIo = captureIO();
      expect(await main(['token', '--scopes', 'IndustryData-OutboundFlow.Read.All'], unsignedIo)).toBe(0);
      const proc = spawn(
        process.execPath,
        ['--import', 'tsx', '--conditions=development', bin, 'simulate', '--port', '0', ...args],
        { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
      );
      try {
        const url = await new Promise<string>((resolve) =>
          proc.stdout.once('data', (c: Buffer) => resolve(c.toString().trim())),
        );
        const get = (token: string) =>
          fetch(`${url}/external/industryData/outboundProvisioningFlowSets`, {
            headers: { authorization: `Bearer ${token}` },
          });
        expect((await get(signedIo.out.trim())).status).toBe(200);
        expect((await get(unsignedIo.out.trim())).status).toBe(401);
      } finally {
        proc.kill('SIGTERM');
      }
    },
    30_000,
  );
});

describe.concurrent('sds simulate, through the binary: a bad data or faults file is one line', () => {
  const corrupt = join(work, 'corrupt.jsonl');
  writeFileSync(corrupt, 'this is not a journal\n');
  const damaged = join(work, 'damaged.db');
  writeFileSync(damaged, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(9000, 7)]));
  it.each([
    [
      'a folder as the data file',
      ['--data', work],
      2,
      /^sds simulate: the data file .* is a folder: give a file path; the file is created if missing/,
    ],
    [
      'a data file in a folder that does not exist',
      ['--data', join(work, 'no-such-folder', 'state.jsonl')],
      2,
      /^sds simulate: the data file .*state\.jsonl is in a folder that does not exist: create .*no-such-folder first/,
    ],
    [
      'a corrupt data file (the work fails)',
      ['--data', corrupt],
      1,
      /^sds simulate: .*corrupt\.jsonl:1: not a journal record/,
    ],
    [
      'a damaged SQLite data file (the work fails)',
      ['--data', damaged],
      1,
      /^sds simulate: .*damaged\.db is damaged \(file is not a database\): restore it from a copy, or move it away and start with a new file$/,
    ],
    [
      'a PostgreSQL server that cannot be reached (the work fails)',
      ['--store', 'postgres://sds@127.0.0.1:1/sandbox'],
      1,
      /^sds simulate: cannot reach the PostgreSQL server of postgres:\/\/sds@127\.0\.0\.1:1\/sandbox \(connect ECONNREFUSED 127\.0\.0\.1:1\): start it, or check the host and port$/,
    ],
    [
      'a folder as the faults file',
      ['--faults', work],
      2,
      /^sds simulate: the faults file .* is a folder: give a file/,
    ],
    [
      'a port out of range',
      ['--port', '70000'],
      2,
      /^sds simulate: --port takes 0\.\.65535 \(0: a free one\), not '70000'/,
    ],
  ])('%s', { timeout: 30_000 }, async (_name, args, code, want) => {
    const run = await sds(['simulate', ...args]);
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toEqual([expect.stringMatching(want)]);
  });
});

/** `sds simulate` in a child process with these arguments: its first line on stdout, what it said on stderr. */
async function serving(args: readonly string[], env: Record<string, string> = {}) {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=development', bin, 'simulate', '--port', '0', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  let stderr = '';
  proc.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const first = await new Promise<string>((resolve, reject) => {
    proc.stdout.once('data', (c: Buffer) => resolve(c.toString().trim()));
    proc.once('exit', (code) => reject(new Error(`sds simulate exited (${code}): ${stderr}`)));
  });
  return {
    first,
    stderr: () => stderr,
    stop: () => {
      const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));
      proc.kill('SIGTERM');
      return exited;
    },
  };
}

const readWrite = {
  authorization: `Bearer ${createToken({ scopes: ['IndustryData-OutboundFlow.ReadWrite.All'] })}`,
};
const setsPath = '/external/industryData/outboundProvisioningFlowSets';

describe('sds simulate --data and --store: where the state is', () => {
  it('--data with a journal of the earlier simulator: migrated to SQLite, said on stderr, and served', async () => {
    const data = join(work, 'earlier.jsonl');
    writeFileSync(
      data,
      `${JSON.stringify({ op: 'putSet', set: { id: 'kept', displayName: 'from the journal' } })}\n`,
    );
    const sim = await serving(['--data', data, '--json']);
    expect(JSON.parse(sim.first)).toEqual({ url: expect.stringMatching(/^http:/), store: 'sqlite' });
    const { url } = JSON.parse(sim.first) as { url: string };
    const response = await fetch(`${url}${setsPath}/kept`, { headers: readWrite });
    expect(await response.json()).toMatchObject({ displayName: 'from the journal' });
    expect(lines(sim.stderr())).toEqual([
      `sds simulate: ${data} was a journal of the earlier simulator: its 1 entities are now in SQLite at the same path; the journal is kept as ${data}.journal`,
      `sds simulate: serving the industryData API at ${url} (state in SQLite file ${data} (WAL, synchronous=FULL: every acknowledged write is on disk; other simulators may share the file)); Ctrl-C stops`,
    ]);
    expect(await sim.stop()).toBe(0);
  }, 30_000);

  const shared = process.env.SDS_TEST_POSTGRES_URL;
  it.skipIf(!shared)(
    '--store postgres://…: two simulators serve one state',
    async () => {
      const url = shared as string;
      const [a, b] = await Promise.all([serving(['--store', url]), serving(['--store', url])]);
      const created = await fetch(`${a.first}${setsPath}`, {
        method: 'POST',
        headers: { ...readWrite, 'content-type': 'application/json' },
        body: JSON.stringify({ displayName: 'seen by both' }),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      expect((await fetch(`${b.first}${setsPath}/${id}`, { headers: readWrite })).status).toBe(200);
      expect(b.stderr()).toContain(`(state in PostgreSQL ${url.replace(/\/$/, '')}`);
      expect(await a.stop()).toBe(0);
      expect(await b.stop()).toBe(0);
    },
    60_000,
  );
  if (!shared)
    console.warn('skipping sds simulate --store with a server: set SDS_TEST_POSTGRES_URL (.ci/run does)');
});
