import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { childCollection, JournalStore, MemoryStore } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'sds-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the stores', () => {
  it('deleting an entity deletes the collections it contains', async () => {
    const store = new MemoryStore();
    const flows = childCollection('sets', 's1', 'flows');
    await store.apply([
      { op: 'put', collection: 'sets', entity: { id: 's1' } },
      { op: 'put', collection: flows, entity: { id: 'f1' } },
    ]);
    expect(await store.list(flows)).toEqual([{ id: 'f1' }]);
    await store.apply([{ op: 'delete', collection: 'sets', id: 's1' }]);
    expect(await store.list(flows)).toEqual([]);
    expect(await store.collections()).toEqual([]);
  });

  it('the journal writes a batch as one record, and reads it back after a restart', async () => {
    const file = join(dir, 'batch.jsonl');
    const store = JournalStore.open(file);
    await store.apply([
      { op: 'put', collection: 'years', entity: { id: 'y1', displayName: 'a' } },
      { op: 'put', collection: 'years', entity: { id: 'y2', displayName: 'b' } },
    ]);
    await store.close();
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
    const again = JournalStore.open(file);
    expect((await again.list('years')).map((y) => y.id)).toEqual(['y1', 'y2']);
    await again.close();
  });

  it("reads the earlier simulator's records (putSet, putFlow, deleteFlow), so its data files lose nothing", async () => {
    const file = join(dir, 'legacy.jsonl');
    writeFileSync(
      file,
      [
        { op: 'putSet', set: { id: 's1', displayName: 'kept' } },
        { op: 'putFlow', setId: 's1', flow: { id: 'f1' } },
        { op: 'putFlow', setId: 's1', flow: { id: 'f2' } },
        { op: 'deleteFlow', setId: 's1', id: 'f1' },
      ]
        .map((r) => `${JSON.stringify(r)}\n`)
        .join(''),
    );
    const store = JournalStore.open(file);
    expect(await store.get('outboundProvisioningFlowSets', 's1')).toEqual({ id: 's1', displayName: 'kept' });
    expect(
      await store.list(childCollection('outboundProvisioningFlowSets', 's1', 'provisioningFlows')),
    ).toEqual([{ id: 'f2' }]);
    await store.close();
    // Compacted in the current form.
    expect(readFileSync(file, 'utf8')).toContain('"op":"put"');
  });
});
