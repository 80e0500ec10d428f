import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/index.js';
import { captureIO } from '../capture.js';

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
    ['simulate', ['simulate', '--port', 'x'], /--port must be 0\.\.65535/],
    ['simulate', ['simulate', '--faults', '/no/such.yaml'], /cannot read the faults file/],
    ['token', ['token'], /give the scopes/],
  ])('%s: bad usage exits 2', async (_name, argv, message) => {
    const io = captureIO();
    expect(await main(argv, io)).toBe(2);
    expect(io.err).toMatch(message);
  });
});
