import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { childCollection, DataFileError, SqliteStore, StoreConflictError } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'sds-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const journal = (records: readonly unknown[]) => {
  const file = join(dir, `state-${n++}.jsonl`);
  writeFileSync(file, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return file;
};

const sets = 'outboundProvisioningFlowSets';
const flowsOf = (set: string) => childCollection(sets, set, 'provisioningFlows');
const classGroup = '#microsoft.graph.industryData.classGroupProvisioningFlow';

describe('migration of a journal of the earlier simulator to SQLite', { timeout: 30_000 }, () => {
  it('turns the journal into SQLite at the same path, keeps it beside, and says so once', async () => {
    const file = journal([
      // The earlier flow-set-only simulator's records…
      { op: 'putSet', set: { id: 's1', displayName: 'kept' } },
      { op: 'putFlow', setId: 's1', flow: { id: 'f1', '@odata.type': classGroup } },
      { op: 'putFlow', setId: 's1', flow: { id: 'f2' } },
      { op: 'deleteFlow', setId: 's1', id: 'f2' },
      // …and the journal's own.
      {
        op: 'batch',
        changes: [
          { op: 'put', collection: 'years', entity: { id: 'y1' } },
          { op: 'put', collection: 'years', entity: { id: 'y2' } },
        ],
      },
      { op: 'delete', collection: 'years', id: 'y1' },
    ]);
    const before = readFileSync(file);
    const told: string[] = [];
    const store = await SqliteStore.open(file, { onMigrated: (m) => told.push(m) });
    expect(told).toEqual([
      `${file} was a journal of the earlier simulator: its 3 entities are now in SQLite at the same path; the journal is kept as ${file}.journal`,
    ]);
    expect(readFileSync(file).subarray(0, 15).toString()).toBe('SQLite format 3');
    expect(readFileSync(`${file}.journal`)).toEqual(before);
    expect(existsSync(`${file}.migrating`)).toBe(false);
    expect(existsSync(`${file}.migrating.db`)).toBe(false);
    expect(await store.get(sets, 's1')).toEqual({ id: 's1', displayName: 'kept' });
    expect(await store.list(flowsOf('s1'))).toEqual([{ id: 'f1', '@odata.type': classGroup }]);
    expect(await store.list('years')).toEqual([{ id: 'y2' }]);
    // The migrated flows are in the unique index too.
    await expect(
      store.apply([
        { op: 'put', collection: flowsOf('s1'), entity: { id: 'f3', '@odata.type': classGroup } },
      ]),
    ).rejects.toThrow(StoreConflictError);
    await store.close();
    const again = await SqliteStore.open(file, { onMigrated: (m) => told.push(m) });
    expect(told).toHaveLength(1);
    expect(await again.list('years')).toEqual([{ id: 'y2' }]);
    await again.close();
  });

  it('a migration cut short (its lock and half a database left by a process gone) starts again', async () => {
    const file = journal([{ op: 'put', collection: 'years', entity: { id: 'y1' } }]);
    writeFileSync(`${file}.migrating`, '999999999');
    writeFileSync(`${file}.migrating.db`, 'half of a database');
    const store = await SqliteStore.open(file);
    expect(await store.list('years')).toEqual([{ id: 'y1' }]);
    expect(existsSync(`${file}.migrating`)).toBe(false);
    expect(existsSync(`${file}.migrating.db`)).toBe(false);
    await store.close();
  });

  it('a second simulator started while another migrates the journal refuses, and leaves it be', async () => {
    const file = journal([{ op: 'put', collection: 'years', entity: { id: 'y1' } }]);
    // A live process holds the lock (this test's parent stands in for the first simulator).
    writeFileSync(`${file}.migrating`, String(process.ppid));
    await expect(SqliteStore.open(file)).rejects.toThrow(
      `${file} is being migrated from a journal to SQLite by process ${process.ppid}: start again once it serves`,
    );
    expect(readFileSync(file, 'utf8')).toContain('"y1"');
    expect(existsSync(`${file}.migrating`)).toBe(true);
  });

  it.each([
    [
      'a half-written last record',
      '{"op":"putSet","set":{"id":"a"}}\n{"op":"putSe',
      /:2: the last record is half-written/,
    ],
    ['a line that is not JSON', '{"op":"putSet","set":{"id":"a"}}\nnot json\n', /:2: not a journal record/],
    ['an unknown record', '{"op":"dropTables"}\n', /:1: unknown journal record/],
    // #17: a well-formed record of the wrong shape ended in a stack trace.
    [
      'a record of the wrong shape (an entity without an id)',
      '{"op":"put","collection":"years","entity":{"displayName":"no id"}}\n',
      /:1: unknown journal record/,
    ],
    [
      'a collection that is not a string',
      '{"op":"put","collection":7,"entity":{"id":"a"}}\n',
      /:1: unknown journal record/,
    ],
    [
      'two flows of one type in a set',
      `${JSON.stringify({ op: 'putFlow', setId: 's', flow: { id: 'a', '@odata.type': classGroup } })}\n${JSON.stringify({ op: 'putFlow', setId: 's', flow: { id: 'b', '@odata.type': classGroup } })}\n`,
      /:2: 'b' cannot be stored in .*is taken there by another entity.*; the data file is corrupt/,
    ],
  ])(
    'refuses %s with the file and line, and leaves the journal as it was',
    async (_name, content, message) => {
      const file = join(dir, `bad-${n++}.jsonl`);
      writeFileSync(file, content);
      const opening = SqliteStore.open(file);
      await expect(opening).rejects.toThrow(DataFileError);
      await expect(opening).rejects.toThrow(message);
      await expect(opening).rejects.toThrow(file);
      expect(readFileSync(file, 'utf8')).toBe(content);
      expect(existsSync(`${file}.journal`)).toBe(false);
    },
  );
});
