// Two simulator processes on one state (an SQLite file; a PostgreSQL database): the database, not a lock of one
// process, keeps the documented rules and every acknowledged write. Regression for #17: a second simulator on the
// same --data renamed the journal under the first one, which then lost every write it acknowledged.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createToken } from '../src/index.js';
import { testServer } from './postgres-server.js';

const dir = mkdtempSync(join(tmpdir(), 'sds-shared-'));
const server = await testServer();
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  if (typeof server !== 'string') await server.destroy();
});
if (typeof server === 'string') console.warn(`skipping two simulators on one PostgreSQL database: ${server}`);

const childScript = fileURLToPath(new URL('./simulator-child.ts', import.meta.url));
const headers = {
  authorization: `Bearer ${createToken({ scopes: ['IndustryData-OutboundFlow.ReadWrite.All', 'IndustryData-SourceSystem.ReadWrite.All'] })}`,
  'content-type': 'application/json',
};
const NS = '#microsoft.graph.industryData.';
const sets = '/external/industryData/outboundProvisioningFlowSets';

/** A simulator process on the state `where` (a file or a URL); resolves with its base URL. */
function simulatorOn(where: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=development', childScript, where], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) =>
      reject(new Error(`a simulator on ${where} exited (${code}) before listening`)),
    );
  });
}

const kinds = [
  { name: 'SQLite file', state: async () => join(dir, `state-${Math.random()}.db`) },
  ...(typeof server === 'string'
    ? []
    : [{ name: 'PostgreSQL database', state: () => server.createDatabase() }]),
];

describe.each(kinds)('two simulator processes on one $name', { timeout: 120_000 }, (kind) => {
  it('100 concurrent POSTs of one flow type, split across both: exactly one 201, 99 × 409', async () => {
    const state = await kind.state();
    const [a, b] = await Promise.all([simulatorOn(state), simulatorOn(state)]);
    const set = (await (
      await fetch(`${a}${sets}`, { method: 'POST', headers, body: JSON.stringify({ displayName: 'shared' }) })
    ).json()) as { id: string };
    const body = JSON.stringify({ '@odata.type': `${NS}userProvisioningFlow`, createUnmatchedUsers: true });
    const statuses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        fetch(`${i % 2 ? a : b}${sets}/${set.id}/provisioningFlows`, { method: 'POST', headers, body }).then(
          (r) => r.status,
        ),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    for (const url of [a, b]) {
      const flows = (await (
        await fetch(`${url}${sets}/${set.id}/provisioningFlows`, { headers })
      ).json()) as {
        value: unknown[];
      };
      expect(flows.value).toHaveLength(1);
    }
  });

  it('writes through either process are read through both; concurrent updates lose nothing', async () => {
    const state = await kind.state();
    const [a, b] = await Promise.all([simulatorOn(state), simulatorOn(state)]);
    const created = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const response = await fetch(`${i % 2 ? a : b}/external/industryData/sourceSystems`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ displayName: `system ${i}` }),
        });
        expect(response.status).toBe(201);
        return ((await response.json()) as { id: string }).id;
      }),
    );
    for (const url of [a, b]) {
      const listed = (await (
        await fetch(`${url}/external/industryData/sourceSystems?$top=999&$select=id`, { headers })
      ).json()) as { value: { id: string }[] };
      expect(listed.value.map((s) => s.id).sort()).toEqual([...created].sort());
    }
    // One process changes the vendor, the other the user matching settings, of the same entity, 20 times each
    // at once: an update is a read-modify-write that one process's lock cannot protect. Both last values stay.
    const target = `/external/industryData/sourceSystems/${created[0]}`;
    const patchAll = (url: string, body: (i: number) => unknown) =>
      (async () => {
        for (let i = 0; i < 20; i++) {
          const response = await fetch(`${url}${target}`, {
            method: 'PATCH',
            headers,
            body: JSON.stringify(body(i)),
          });
          expect(response.status).toBe(204);
        }
      })();
    await Promise.all([
      patchAll(a, (i) => ({ vendor: `vendor ${i}` })),
      patchAll(b, (i) => ({ userMatchingSettings: [{ priorityOrder: i }] })),
    ]);
    for (const url of [a, b])
      expect(await (await fetch(`${url}${target}`, { headers })).json()).toMatchObject({
        vendor: 'vendor 19',
        userMatchingSettings: [{ priorityOrder: 19 }],
      });
  });
});
