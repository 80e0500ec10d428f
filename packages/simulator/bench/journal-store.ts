// The earlier simulator's journal, as a peer of the SQLite store in the benchmark (same run, same machine): the
// state in memory and every write appended to a file and fsynced before the answer. Not a store to use: two
// processes on one journal lose writes, which is why the simulator keeps its state in SQLite now (#17).
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { type Change, MemoryStore, type Store, type StoreReader, type Written } from '@sds-toolkit/simulator';

export class BenchJournalStore implements Store {
  readonly description = 'journal (benchmark peer)';
  private readonly memory = new MemoryStore();
  private readonly fd: number;

  constructor(file: string) {
    this.fd = openSync(file, 'a');
  }

  list(collection: string) {
    return this.memory.list(collection);
  }

  get(collection: string, id: string) {
    return this.memory.get(collection, id);
  }

  collections() {
    return this.memory.collections();
  }

  transact<T>(work: (reader: StoreReader) => Promise<Written<T>>): Promise<T> {
    return this.memory.transact(async (reader) => {
      const written = await work(reader);
      if (written.changes.length > 0) {
        const record =
          written.changes.length === 1 ? written.changes[0] : { op: 'batch', changes: written.changes };
        writeSync(this.fd, `${JSON.stringify(record)}\n`);
        fsyncSync(this.fd);
      }
      return written;
    });
  }

  apply(changes: readonly Change[]): Promise<void> {
    return this.transact(async () => ({ result: undefined, changes }));
  }

  clear() {
    return this.memory.clear();
  }

  async close() {
    closeSync(this.fd);
  }
}
