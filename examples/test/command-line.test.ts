import { execFile } from 'node:child_process';
import { type AddressInfo, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createToken, type RunningSimulator, startSimulator } from '@sds-toolkit/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The example as a person runs it (`pnpm --filter @sds-toolkit/examples provision …`), in a child process. */
const script = fileURLToPath(new URL('../provision-two-schools.ts', import.meta.url));

function provision(args: readonly string[], env: Record<string, string> = {}) {
  const base = { ...process.env };
  for (const name of ['GRAPH_TOKEN', 'GRAPH_BASE_URL', 'NO_COLOR', 'FORCE_COLOR']) delete base[name];
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', '--conditions=development', script, ...args],
      { env: { ...base, ...env }, encoding: 'utf8' },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

const lines = (text: string) => text.trimEnd().split('\n');
let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator({ readinessDelayMs: 100 });
});
afterAll(() => simulator.close());

describe.concurrent('the example, from the command line', () => {
  it('--base-url runs it against a simulator already running (a development token is made)', {
    timeout: 60_000,
  }, async () => {
    const run = await provision(['--base-url', simulator.url]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`^running against ${simulator.url.replaceAll('.', '\\.')}\\ncreated flow set `),
    );
    expect(lines(run.stdout).at(-1)).toMatch(/^deleted flow set /);
  });

  it('GRAPH_TOKEN is the token it sends; a refusal is one line naming status and code once', {
    timeout: 60_000,
  }, async () => {
    const readOnly = createToken({ scopes: ['IndustryData-OutboundFlow.Read.All'] });
    const run = await provision(['--base-url', simulator.url], { GRAPH_TOKEN: readOnly });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([
      expect.stringMatching(
        /^provision-two-schools: .*\(403 Authorization_RequestDenied\) \(request-id [\w-]+\)$/,
      ),
    ]);
    expect(run.stderr.match(/403/g)).toHaveLength(1);
    expect(run.stderr.match(/Authorization_RequestDenied/g)).toHaveLength(1);
  });

  it.each([
    ['an unknown option', ['--nope'], /^provision-two-schools: Unknown option '--nope'; usage: /],
    ['a base URL that is not one', ['--base-url', 'localhost'], /--base-url 'localhost' is not a URL/],
    [
      'a remote base URL without a token',
      ['--base-url', 'https://graph.microsoft.com/beta'],
      /https:\/\/graph\.microsoft\.com\/beta is not a simulator on this machine: set GRAPH_TOKEN/,
    ],
  ])('%s: one line, exit 2', { timeout: 60_000 }, async (_name, args, want) => {
    const run = await provision(args);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(want)]);
  });

  // #20 regression (user trial): with nothing listening, the example said only "fetch failed".
  it('an API it cannot reach: one line with the reason and what to check, exit 1', {
    timeout: 60_000,
  }, async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const run = await provision(['--base-url', `http://127.0.0.1:${port}/beta`]);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([
      `provision-two-schools: cannot reach the API: connect ECONNREFUSED 127.0.0.1:${port} (check --base-url or GRAPH_BASE_URL, and that the simulator or network is up)`,
    ]);
  });
});
