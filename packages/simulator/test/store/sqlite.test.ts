import {
  closeSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import {
  childCollection,
  DataFileError,
  SqliteStore,
  StoreConflictError,
  StoreUnavailableError,
} from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'sds-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const newFile = () => join(dir, `state-${n++}.db`);

/** A data file holding `count` flow sets (several pages of the database). */
async function filled(count = 300): Promise<string> {
  const file = newFile();
  const store = await SqliteStore.open(file);
  await store.apply(
    Array.from({ length: count }, (_, i) => ({
      op: 'put' as const,
      collection: 'outboundProvisioningFlowSets',
      entity: { id: `s${i}`, displayName: `set ${i} ${'x'.repeat(100)}` },
    })),
  );
  await store.close();
  return file;
}

const flows = childCollection('outboundProvisioningFlowSets', 's1', 'provisioningFlows');
const classGroup = '#microsoft.graph.industryData.classGroupProvisioningFlow';

describe('SQLite store', { timeout: 30_000 }, () => {
  it('runs with a write-ahead log and synchronous=FULL, as it says', async () => {
    const file = newFile();
    const store = await SqliteStore.open(file);
    expect(store.description).toBe(
      `SQLite file ${file} (WAL, synchronous=FULL: every acknowledged write is on disk; other simulators may share the file)`,
    );
    await store.close();
    const raw = new Sqlite(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('the unique values are a unique index of the file, not only a check in code', async () => {
    const file = newFile();
    (await SqliteStore.open(file)).close();
    const raw = new Sqlite(file);
    const insert = raw.prepare(
      'INSERT INTO sds_simulator_entities (collection, id, body, unique_key) VALUES (?, ?, ?, ?)',
    );
    insert.run(flows, 'f1', '{"id":"f1"}', `@odata.type=${classGroup}`);
    expect(() => insert.run(flows, 'f2', '{"id":"f2"}', `@odata.type=${classGroup}`)).toThrow(/UNIQUE/);
    raw.close();
  });

  it('two stores on one file (two connections) interleave writes: none lost, one flow of a type', async () => {
    const file = newFile();
    const [a, b] = [await SqliteStore.open(file), await SqliteStore.open(file)];
    // Each write reads the flows and adds one of the type only when there is none, as the behaviour does.
    const addIfAbsent = (store: SqliteStore, id: string) =>
      store
        .transact(async (reader) => {
          const present = (await reader.list(flows)).some((f) => f['@odata.type'] === classGroup);
          return {
            result: !present,
            changes: [
              { op: 'put' as const, collection: 'years', entity: { id } },
              ...(present
                ? []
                : [{ op: 'put' as const, collection: flows, entity: { id, '@odata.type': classGroup } }]),
            ],
          };
        })
        .catch((error: unknown) => error);
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) => addIfAbsent(i % 2 ? a : b, `w${i}`)),
    );
    expect(outcomes.filter((o) => o === true)).toHaveLength(1);
    expect(outcomes.filter((o) => o !== true && o !== false)).toEqual([]);
    expect(await a.list('years')).toHaveLength(50);
    expect(await b.list(flows)).toHaveLength(1);
    await expect(
      b.apply([{ op: 'put', collection: flows, entity: { id: 'late', '@odata.type': classGroup } }]),
    ).rejects.toThrow(StoreConflictError);
    await a.close();
    await b.close();
  });

  it('reads are parsed once, and read again as soon as another connection has committed', async () => {
    const file = newFile();
    const [a, b] = [await SqliteStore.open(file), await SqliteStore.open(file)];
    await a.apply([
      { op: 'put', collection: 'years', entity: { id: 'y1', n: 1 } },
      { op: 'put', collection: 'years', entity: { id: 'y2', n: 1 } },
    ]);
    const first = await a.get('years', 'y1');
    expect(await a.get('years', 'y1')).toBe(first);
    expect((await a.list('years'))[0]).toBe(first);
    expect(await b.list('years')).toEqual([
      { id: 'y1', n: 1 },
      { id: 'y2', n: 1 },
    ]);
    await b.apply([
      { op: 'put', collection: 'years', entity: { id: 'y1', n: 2 } },
      { op: 'delete', collection: 'years', id: 'y2' },
      { op: 'put', collection: 'years', entity: { id: 'y3', n: 1 } },
    ]);
    expect(await a.get('years', 'y1')).toEqual({ id: 'y1', n: 2 });
    expect(await a.list('years')).toEqual([
      { id: 'y1', n: 2 },
      { id: 'y3', n: 1 },
    ]);
    // Its own writes keep its reads right (the order too), and the other connection sees them.
    await a.apply([
      { op: 'put', collection: 'years', entity: { id: 'y4', n: 1 } },
      { op: 'put', collection: 'years', entity: { id: 'y1', n: 3 } },
      { op: 'delete', collection: 'years', id: 'y3' },
    ]);
    const expected = [
      { id: 'y1', n: 3 },
      { id: 'y4', n: 1 },
    ];
    expect(await a.list('years')).toEqual(expected);
    expect(await b.list('years')).toEqual(expected);
    await a.close();
    await b.close();
  });

  it('a write waits for another program holding the file, then answers 503 (StoreUnavailableError)', async () => {
    const file = newFile();
    const store = await SqliteStore.open(file, { busyTimeoutMs: 100 });
    const other = new Sqlite(file);
    other.exec('BEGIN IMMEDIATE');
    await expect(store.apply([{ op: 'put', collection: 'years', entity: { id: 'y' } }])).rejects.toThrow(
      StoreUnavailableError,
    );
    // Reads go on meanwhile (WAL); writes again once the other program lets go.
    expect(await store.list('years')).toEqual([]);
    other.exec('ROLLBACK');
    other.close();
    await store.apply([{ op: 'put', collection: 'years', entity: { id: 'y' } }]);
    expect(await store.list('years')).toEqual([{ id: 'y' }]);
    await store.close();
  });

  // #17 regression: two simulators started together on a new file; the one that lost the race to write the
  // schema gave up after SQLite's 20 ms and exited, failing the shared-state test under CI's load.
  it('opening waits while another program holds a new file, then opens it', async () => {
    const file = newFile();
    const other = new Sqlite(file);
    other.pragma('journal_mode = WAL');
    other.exec('BEGIN EXCLUSIVE');
    // The other program lets go after the third try met its lock.
    let tries = 0;
    const retryWait = async () => {
      if (++tries === 3) {
        other.exec('COMMIT');
        other.close();
      }
    };
    const opening = SqliteStore.open(file, { busyTimeoutMs: 60_000, retryWait });
    const store = await opening;
    expect(tries).toBe(3);
    await store.apply([{ op: 'put', collection: 'years', entity: { id: 'y' } }]);
    expect(await store.list('years')).toEqual([{ id: 'y' }]);
    await store.close();
  });

  it('opening a file another program holds past the busy timeout is refused with its name', async () => {
    const file = newFile();
    const other = new Sqlite(file);
    other.exec('BEGIN EXCLUSIVE');
    const opening = SqliteStore.open(file, { busyTimeoutMs: 50 });
    await expect(opening).rejects.toThrow(DataFileError);
    await expect(opening).rejects.toThrow(
      `${file} has been locked by another program for 50 ms: close it, or give --data another file`,
    );
    other.exec('ROLLBACK');
    other.close();
  });

  it.each([
    [
      'a page overwritten',
      (file: string) => {
        const fd = openSync(file, 'r+');
        writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 3);
        closeSync(fd);
      },
      / is damaged \(.*\): restore it from a copy, or move it away and start with a new file$/,
    ],
    [
      'cut in half',
      (file: string) => truncateSync(file, Math.floor(statSync(file).size / 2)),
      / is damaged \(.*\): restore it from a copy, or move it away and start with a new file$/,
    ],
    [
      'its header kept, the rest noise',
      (file: string) =>
        writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(9000, 7)])),
      / is damaged \(.*\): restore it from a copy, or move it away and start with a new file$/,
    ],
    // #17: a journal cut at a line boundary started with partial data and no word; SQLite knows its own size.
  ])('a damaged file (%s) is refused with its name', async (_name, damage, message) => {
    const file = await filled();
    damage(file);
    const opening = SqliteStore.open(file);
    await expect(opening).rejects.toThrow(DataFileError);
    await expect(opening).rejects.toThrow(message);
    await expect(opening).rejects.toThrow(file);
  });

  it.each([
    [
      "another program's database",
      (raw: Sqlite.Database) => raw.exec('CREATE TABLE invoices (id INTEGER)'),
      /is an SQLite database, but not a simulator's \(its tables: invoices\): give --data a file of its own/,
    ],
    [
      "a later simulator's schema",
      (raw: Sqlite.Database) => raw.pragma('user_version = 2'),
      /was written by a later simulator \(schema 2; this one reads 1\): update the toolkit/,
    ],
    [
      'an entity changed by hand into something that is not JSON',
      (raw: Sqlite.Database) =>
        raw.prepare("UPDATE sds_simulator_entities SET body = 'oops' WHERE id = 's7'").run(),
      /the entity 's7' of outboundProvisioningFlowSets is not a JSON object with that id/,
    ],
    [
      'an entity changed by hand into an object of another id',
      (raw: Sqlite.Database) =>
        raw.prepare(`UPDATE sds_simulator_entities SET body = '{"id":"other"}' WHERE id = 's8'`).run(),
      /the entity 's8' of outboundProvisioningFlowSets is not a JSON object with that id/,
    ],
  ])('refuses %s, naming the file', async (name, change, message) => {
    const file = name.startsWith('another') ? newFile() : await filled(10);
    const raw = new Sqlite(file);
    change(raw);
    raw.close();
    const opening = SqliteStore.open(file);
    await expect(opening).rejects.toThrow(DataFileError);
    await expect(opening).rejects.toThrow(message);
    await expect(opening).rejects.toThrow(file);
  });
});
