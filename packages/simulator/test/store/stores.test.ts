// What every store promises, the same table of cases for each: memory, an SQLite file, a PostgreSQL database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  childCollection,
  MemoryStore,
  PostgresStore,
  SqliteStore,
  type Store,
  StoreConflictError,
} from '../../src/index.js';
import { testServer } from '../postgres-server.js';

const dir = mkdtempSync(join(tmpdir(), 'sds-stores-'));
const server = await testServer();
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (typeof server !== 'string') await server.destroy();
});
if (typeof server === 'string') console.warn(`skipping the PostgreSQL store cases: ${server}`);

interface Kind {
  readonly name: string;
  /** A new empty store, and a function opening the same state again (durable stores). */
  fresh(): Promise<{ store: Store; reopen?: () => Promise<Store> }>;
}

let files = 0;
const kinds: Kind[] = [
  { name: 'memory', fresh: async () => ({ store: new MemoryStore() }) },
  {
    name: 'SQLite',
    async fresh() {
      const file = join(dir, `state-${files++}.db`);
      return { store: await SqliteStore.open(file), reopen: () => SqliteStore.open(file) };
    },
  },
  ...(typeof server === 'string'
    ? []
    : [
        {
          name: 'PostgreSQL',
          async fresh() {
            const url = await server.createDatabase();
            return { store: await PostgresStore.open(url), reopen: () => PostgresStore.open(url) };
          },
        },
      ]),
];

const flowsOf = (set: string) => childCollection('outboundProvisioningFlowSets', set, 'provisioningFlows');
const classGroup = '#microsoft.graph.industryData.classGroupProvisioningFlow';
const securityGroup = '#microsoft.graph.industryData.securityGroupProvisioningFlow';

describe.each(kinds)('$name store', { timeout: 60_000 }, (kind) => {
  it('lists oldest first; a put of a stored id replaces it in its place', async () => {
    const { store } = await kind.fresh();
    await store.apply([
      { op: 'put', collection: 'years', entity: { id: 'b', n: 1 } },
      { op: 'put', collection: 'years', entity: { id: 'a', n: 2 } },
    ]);
    await store.apply([{ op: 'put', collection: 'years', entity: { id: 'b', n: 3 } }]);
    expect(await store.list('years')).toEqual([
      { id: 'b', n: 3 },
      { id: 'a', n: 2 },
    ]);
    expect(await store.get('years', 'a')).toEqual({ id: 'a', n: 2 });
    expect(await store.get('years', 'nope')).toBeUndefined();
    expect(await store.list('never')).toEqual([]);
    await store.close();
  });

  it('deleting an entity deletes the collections it contains, and only those', async () => {
    const { store } = await kind.fresh();
    await store.apply([
      { op: 'put', collection: 'outboundProvisioningFlowSets', entity: { id: 's1' } },
      { op: 'put', collection: 'outboundProvisioningFlowSets', entity: { id: 's10' } },
      { op: 'put', collection: flowsOf('s1'), entity: { id: 'f1' } },
      { op: 'put', collection: `${flowsOf('s1')}/f1/x`, entity: { id: 'deep' } },
      { op: 'put', collection: flowsOf('s10'), entity: { id: 'f10' } },
    ]);
    await store.apply([{ op: 'delete', collection: 'outboundProvisioningFlowSets', id: 's1' }]);
    expect(await store.list(flowsOf('s1'))).toEqual([]);
    expect(await store.list(`${flowsOf('s1')}/f1/x`)).toEqual([]);
    expect(await store.list(flowsOf('s10'))).toEqual([{ id: 'f10' }]);
    expect(await store.collections()).toEqual(['outboundProvisioningFlowSets', flowsOf('s10')]);
    await store.close();
  });

  it('holds one flow of a type per flow set: a second is refused, with the whole write', async () => {
    const { store } = await kind.fresh();
    await store.apply([
      { op: 'put', collection: flowsOf('s1'), entity: { id: 'f1', '@odata.type': classGroup } },
    ]);
    const second = store.apply([
      { op: 'put', collection: 'years', entity: { id: 'y1' } },
      { op: 'put', collection: flowsOf('s1'), entity: { id: 'f2', '@odata.type': classGroup } },
    ]);
    await expect(second).rejects.toThrow(StoreConflictError);
    await expect(second).rejects.toThrow(
      /@odata\.type=#microsoft\.graph\.industryData\.classGroupProvisioningFlow is taken/,
    );
    expect(await store.get('years', 'y1')).toBeUndefined();
    // Another type, another set, the same flow again, or a type freed in the same write: all stored.
    await store.apply([
      { op: 'put', collection: flowsOf('s1'), entity: { id: 'f3', '@odata.type': securityGroup } },
      { op: 'put', collection: flowsOf('s2'), entity: { id: 'f4', '@odata.type': classGroup } },
      { op: 'put', collection: flowsOf('s1'), entity: { id: 'f1', '@odata.type': classGroup, v: 2 } },
    ]);
    await store.apply([
      { op: 'delete', collection: flowsOf('s1'), id: 'f1' },
      { op: 'put', collection: flowsOf('s1'), entity: { id: 'f5', '@odata.type': classGroup } },
    ]);
    expect((await store.list(flowsOf('s1'))).map((f) => f.id)).toEqual(['f3', 'f5']);
    await store.close();
  });

  it("holds a reference definition's sortIndex unique within its referenceType", async () => {
    const { store } = await kind.fresh();
    const definition = (id: string, referenceType: string, sortIndex: number | null) => ({
      op: 'put' as const,
      collection: 'referenceDefinitions',
      entity: { id, referenceType, sortIndex },
    });
    await store.apply([
      definition('a', 'RefGrade', 1),
      definition('b', 'RefRole', 1),
      definition('c', 'RefGrade', null),
    ]);
    await expect(store.apply([definition('d', 'RefGrade', 1)])).rejects.toThrow(StoreConflictError);
    await store.apply([definition('e', 'RefGrade', null)]);
    await store.close();
  });

  it('a write whose work fails changes nothing; its reads see the state', async () => {
    const { store } = await kind.fresh();
    await store.apply([{ op: 'put', collection: 'years', entity: { id: 'y1' } }]);
    await expect(
      store.transact(async (reader) => {
        expect(await reader.get('years', 'y1')).toEqual({ id: 'y1' });
        expect(await reader.list('years')).toEqual([{ id: 'y1' }]);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    const answer = await store.transact(async (reader) => ({
      result: (await reader.list('years')).length,
      changes: [{ op: 'delete', collection: 'years', id: 'y1' }],
    }));
    expect(answer).toBe(1);
    expect(await store.list('years')).toEqual([]);
    await store.close();
  });

  it('clear empties the state', async () => {
    const { store } = await kind.fresh();
    await store.apply([{ op: 'put', collection: 'years', entity: { id: 'y1' } }]);
    await store.clear();
    expect(await store.collections()).toEqual([]);
    await store.close();
  });

  it.skipIf(kind.name === 'memory')('keeps the state across a restart, with its order', async () => {
    const { store, reopen } = await kind.fresh();
    const entity = { '@odata.type': '#x', id: 'y1', displayName: 'é 𝄞', nested: { list: [1, null, true] } };
    await store.apply([
      { op: 'put', collection: 'years', entity },
      { op: 'put', collection: 'years', entity: { id: 'y0' } },
    ]);
    await store.close();
    const again = await (reopen as () => Promise<Store>)();
    expect(await again.list('years')).toEqual([entity, { id: 'y0' }]);
    // Keys keep their order (answers start with @odata.type, then id).
    expect(Object.keys((await again.get('years', 'y1')) ?? {})).toEqual(Object.keys(entity));
    await again.close();
  });
});
