// What only the PostgreSQL store does: refusals at start that say what to do, and writers of several stores
// (several processes) kept apart by the database.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { childCollection, PostgresStore, StoreOpenError } from '../../src/index.js';
import { testServer } from '../postgres-server.js';

const server = await testServer();
afterAll(async () => {
  if (typeof server !== 'string') await server.destroy();
});
if (typeof server === 'string') console.warn(`skipping the PostgreSQL store tests: ${server}`);

const flows = childCollection('outboundProvisioningFlowSets', 's1', 'provisioningFlows');
const classGroup = '#microsoft.graph.industryData.classGroupProvisioningFlow';

describe('PostgreSQL store, opening', { timeout: 60_000 }, () => {
  it('an unreachable server: StoreOpenError naming the URL without its password, and what to do', async () => {
    const opening = PostgresStore.open('postgres://sds:hunter2@127.0.0.1:1/sandbox', {
      connectTimeoutMs: 2000,
    });
    await expect(opening).rejects.toThrow(StoreOpenError);
    await expect(opening).rejects.toThrow(
      /^cannot reach the PostgreSQL server of postgres:\/\/sds:\*\*\*\*@127\.0\.0\.1:1\/sandbox \(connect ECONNREFUSED 127\.0\.0\.1:1\): start it, or check the host and port$/,
    );
  });

  it.skipIf(typeof server === 'string')('a database that does not exist: create it first', async () => {
    if (typeof server === 'string') return;
    const url = new URL(await server.createDatabase());
    url.pathname = '/no_such_database';
    url.search = '';
    await expect(PostgresStore.open(url.toString())).rejects.toThrow(
      /no_such_database: database "no_such_database" does not exist: create it first/,
    );
  });

  it.skipIf(typeof server === 'string')('tables of a later simulator: refused, not misread', async () => {
    if (typeof server === 'string') return;
    const url = await server.createDatabase();
    await (await PostgresStore.open(url)).close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("UPDATE sds_simulator_meta SET value = '2' WHERE key = 'schema'");
    await client.end();
    await expect(PostgresStore.open(url)).rejects.toThrow(
      /holds the tables of a later simulator \(schema 2; this one reads 1\): update the toolkit/,
    );
  });

  it.skipIf(typeof server === 'string')(
    'several stores on one database (several processes): 40 writers that each add a flow of a type only when there is none, one flow',
    async () => {
      if (typeof server === 'string') return;
      const url = await server.createDatabase();
      const stores = await Promise.all([
        PostgresStore.open(url),
        PostgresStore.open(url),
        PostgresStore.open(url),
      ]);
      const outcomes = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          (stores[i % stores.length] as PostgresStore).transact(async (reader) => {
            const present = (await reader.list(flows)).some((f) => f['@odata.type'] === classGroup);
            return {
              result: !present,
              changes: [
                { op: 'put' as const, collection: 'years', entity: { id: `y${i}` } },
                ...(present
                  ? []
                  : [
                      {
                        op: 'put' as const,
                        collection: flows,
                        entity: { id: `f${i}`, '@odata.type': classGroup },
                      },
                    ]),
              ],
            };
          }),
        ),
      );
      expect(outcomes.filter(Boolean)).toHaveLength(1);
      expect(await stores[0]?.list(flows)).toHaveLength(1);
      expect(await stores[1]?.list('years')).toHaveLength(40);
      for (const store of stores) await store.close();
    },
  );

  it.skipIf(typeof server === 'string')(
    'one entity incremented 60 times at once through two stores: none refused, none lost',
    async () => {
      if (typeof server === 'string') return;
      const url = await server.createDatabase();
      const stores = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
      await stores[0]?.apply([{ op: 'put', collection: 'counters', entity: { id: 'c', n: 0 } }]);
      await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          (stores[i % 2] as PostgresStore).transact(async (reader) => {
            const counter = (await reader.get('counters', 'c')) as { id: string; n: number };
            return {
              result: undefined,
              changes: [
                { op: 'put' as const, collection: 'counters', entity: { id: 'c', n: counter.n + 1 } },
              ],
            };
          }),
        ),
      );
      expect(await stores[1]?.get('counters', 'c')).toEqual({ id: 'c', n: 60 });
      for (const store of stores) await store.close();
    },
  );
});
