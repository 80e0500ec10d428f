import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Command } from '../src/command.js';
import { main } from '../src/index.js';
import { captureIO } from './capture.js';
import { setUp } from './commands/set-up-fixtures.js';
import { cleanEnv, lines, sds, sdsCommand } from './run.js';

const work = mkdtempSync(join(tmpdir(), 'sds-bin-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const notOpenApi = join(work, 'not-openapi.yaml');
writeFileSync(notOpenApi, 'hello: world\n');
const slow = { timeout: 30_000 };
/** Prose, not YAML, with what yaml warns about (`: ` inside lines, `*alias:`) and an `&` that sends it to yaml. */
const prose = join(work, 'notes.md');
writeFileSync(
  prose,
  '# Notes\n\nSome prose that runs on\nand on: with a colon &more\n\n- **x**: an item, *y: too\n',
);
/** A set-up file (the one the config commands are tested with). */
const setUpFile = join(work, 'sds.yaml');
writeFileSync(setUpFile, setUp);

/** A base URL on a loopback port nothing listens on (one the OS gave, then closed). */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/beta`;
}

describe.concurrent('the sds binary', () => {
  it('--help lists the commands and the global options (exit 0)', slow, async () => {
    const run = await sds(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}pipeline {2}/m);
    expect(run.stdout).toContain('sds help <command>');
    expect(run.stdout).toContain('NO_COLOR');
  });

  it('no command prints the overview and exits 2', slow, async () => {
    const run = await sds([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Usage: sds <command>');
  });

  it.each([
    [
      'an unknown command',
      ['nope'],
      /^sds: unknown command 'nope' \(commands: extract, .*pipeline; see 'sds --help'\)$/,
    ],
    ['a near miss', ['valdate'], /^sds: unknown command 'valdate'; did you mean 'validate'\? /],
    [
      'help for an unknown command',
      ['help', 'tokn'],
      /^sds: unknown command 'tokn'; did you mean 'token'\? /,
    ],
    [
      'an option before the command',
      ['--json', 'validate'],
      /^sds: '--json' comes before the command; options go after it/,
    ],
  ])('%s: one line, exit 2', slow, async (_name, argv, want) => {
    const run = await sds(argv);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(want)]);
  });

  // #20 regression (user trial): these printed the one line, then some twenty lines of yaml's warnings.
  it.each([
    ['generate', ['generate', '--spec', prose, '--out', join(work, 'out')]],
    [
      'diff',
      ['diff', fileURLToPath(new URL('../../../specs/industrydata/openapi.yaml', import.meta.url)), prose],
    ],
    ['simulate', ['simulate', '--faults', prose]],
  ])('%s given a file that is not YAML: one line, exit 2', slow, async (command, argv) => {
    const run = await sds(argv);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      expect.stringMatching(new RegExp(`^sds ${command}: .*is not (valid )?YAML or JSON: `)),
    ]);
  });

  it('a file that is YAML but not OpenAPI: one line, exit 2', slow, async () => {
    const run = await sds(['generate', '--spec', notOpenApi, '--out', join(work, 'out')]);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      expect.stringMatching(/^sds generate: .*is not an OpenAPI 3 document/),
    ]);
  });

  it('a failure of the work: one line, exit 1, no stack trace', slow, async () => {
    const run = await sds(['plan', '--config', setUpFile, '--base-url', await closedPort(), '--token', 't']);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/^sds plan: cannot reach the API: /)]);
  });

  it('--debug adds the stack trace', slow, async () => {
    const run = await sds([
      'plan',
      '--config',
      setUpFile,
      '--base-url',
      await closedPort(),
      '--token',
      't',
      '--debug',
    ]);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)[0]).toMatch(/^sds plan: cannot reach the API: /);
    expect(lines(run.stderr)[1]).toMatch(/^FailedError: cannot reach the API: /);
    expect(run.stderr).toMatch(/\n\s+at /);
  });
});

describe('an unexpected failure (a defect in a command)', () => {
  const broken: Command = {
    name: 'broken',
    summary: 'fails as a bug would',
    usage: 'Usage: sds broken',
    async run() {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    },
  };

  it('is one line that says how to see more, exit 1', async () => {
    const io = captureIO();
    expect(await main(['broken'], io, [broken])).toBe(1);
    expect(io.err).toBe(
      "sds broken: unexpected failure: Cannot read properties of undefined (reading 'x') (run again with --debug for the stack trace)\n",
    );
    expect(io.out).toBe('');
  });

  it('with --debug, the stack trace follows', async () => {
    const io = captureIO();
    expect(await main(['broken', '--debug'], io, [broken])).toBe(1);
    expect(io.err).toMatch(
      /^sds broken: unexpected failure: Cannot read .*\nTypeError: Cannot read .*\n\s+at /,
    );
  });

  it('with --json, an error object on stdout', async () => {
    const io = captureIO();
    expect(await main(['broken', '--json'], io, [broken])).toBe(1);
    expect(JSON.parse(io.out)).toEqual({
      error: { code: 'unexpected', message: expect.stringContaining('unexpected failure'), exitCode: 1 },
    });
  });
});

/** What `pnpm build` produces (turbo builds it before the tests); the published `sds` bin points at it. */
const built = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

describe.skipIf(!existsSync(built))('the built binary (dist/bin.js)', () => {
  it('fails the same way: one line, exit 2, an error object under --json', { timeout: 30_000 }, async () => {
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        [built, 'validate', join(work, 'missing.json'), '--operation', 'createFlow', '--json'],
        { env: cleanEnv(), encoding: 'utf8' },
        (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
      );
    });
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      expect.stringMatching(/^sds validate: the payload .*missing\.json does not exist/),
    ]);
    expect(JSON.parse(run.stdout).error.exitCode).toBe(2);
  });
});

// #20 regression (found in a user trial): `sds diff … --json | head -1` ended in "Error: write EPIPE" with a
// stack trace and exit 1 once head had closed the pipe.
describe('a reader that closes the pipe early', () => {
  it('ends the command quietly with its own exit code', slow, async () => {
    const spec = fileURLToPath(new URL('../../../specs/industrydata/openapi.yaml', import.meta.url));
    const small = fileURLToPath(new URL('../../generator/test/specs/retries.yaml', import.meta.url));
    const [node = '', ...rest] = sdsCommand;
    const child = spawn(node, [...rest, 'diff', spec, small, '--json', '--fail-on', 'breaking'], {
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    // Like `head -c 0`: the pipe is closed before the command has written anything.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });
});
