import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  ])('%s: bad usage exits 2', async (_name, argv, message) => {
    const io = captureIO();
    expect(await main(argv, io)).toBe(2);
    expect(io.err).toMatch(message);
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
