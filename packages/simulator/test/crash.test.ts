import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createToken, startSimulator } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'sds-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const child = fileURLToPath(new URL('./simulator-child.ts', import.meta.url));
const headers = {
  authorization: `Bearer ${createToken({ scopes: ['IndustryData-OutboundFlow.ReadWrite.All'] })}`,
  'content-type': 'application/json',
};

describe('crash safety (an SQLite data file)', () => {
  it('every acknowledged write survives kill -9 during a stream of writes', async () => {
    const data = join(dir, 'state.db');
    const proc = spawn(process.execPath, ['--import', 'tsx', '--conditions=development', child, data], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      proc.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
      proc.once('exit', (code) => reject(new Error(`the simulator child exited (${code}) before listening`)));
    });
    const acknowledged: string[] = [];
    let stop = false;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        try {
          const response = await fetch(`${url}/external/industryData/outboundProvisioningFlowSets`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ displayName: `w${w}-${i}` }),
          });
          if (response.status === 201) acknowledged.push(((await response.json()) as { id: string }).id);
        } catch {
          return; // the server is gone
        }
      }
    });
    // Kill once enough writes were acknowledged (however loaded the machine is), while more are in flight.
    for (let waited = 0; acknowledged.length < 20 && waited < 20_000; waited += 20)
      await new Promise((r) => setTimeout(r, 20));
    proc.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(10);
    const sim = await startSimulator({ data });
    const listed = (await (
      await fetch(`${sim.url}/external/industryData/outboundProvisioningFlowSets?$top=999`, { headers })
    ).json()) as { value: { id: string }[] };
    const present = new Set(listed.value.map((s) => s.id));
    expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
    await sim.close();
  }, 30_000);
});
