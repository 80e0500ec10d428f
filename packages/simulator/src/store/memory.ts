import type { Json } from '../json.js';
import { Mutex } from './mutex.js';
import {
  type Change,
  containedBy,
  type Store,
  StoreConflictError,
  type StoreReader,
  type Written,
} from './store.js';
import { uniqueKey, uniqueTaken } from './unique.js';

/**
 * The state in memory: collections of entities keyed by id, in insertion order, gone when the process ends.
 * Writers queue one at a time; readers do not wait (a write's changes are applied in one synchronous step, so a
 * reader never sees half of one). Unique values are held as a database would (a second one is refused).
 */
export class MemoryStore implements Store {
  readonly description = 'memory (lost when the process ends)';
  private readonly data = new Map<string, Map<string, Json>>();
  private readonly writer = new Mutex();

  async list(collection: string): Promise<readonly Json[]> {
    return this.listNow(collection);
  }

  async get(collection: string, id: string): Promise<Json | undefined> {
    return this.data.get(collection)?.get(id);
  }

  transact<T>(work: (reader: StoreReader) => Promise<Written<T>>): Promise<T> {
    return this.writer.run(async () => {
      const { result, changes } = await work(this);
      this.applyNow(changes);
      return result;
    });
  }

  apply(changes: readonly Change[]): Promise<void> {
    return this.transact(async () => ({ result: undefined, changes }));
  }

  async collections(): Promise<readonly string[]> {
    return [...this.data.keys()];
  }

  clear(): Promise<void> {
    return this.writer.run(async () => this.data.clear());
  }

  async close(): Promise<void> {}

  listNow(collection: string): readonly Json[] {
    const entities = this.data.get(collection);
    return entities ? [...entities.values()] : [];
  }

  /** Applies the changes, all or none: a unique value taken refuses them all (StoreConflictError). */
  applyNow(changes: readonly Change[]): void {
    // Only a write that stores a unique value can be refused: keep what it touches, to put it back.
    const undo = changes.some((c) => c.op === 'put' && uniqueKey(c.collection, c.entity) !== undefined)
      ? this.snapshot(changes)
      : undefined;
    try {
      for (const change of changes) {
        if (change.op === 'put') this.put(change.collection, change.entity);
        else this.delete(change.collection, change.id);
      }
    } catch (error) {
      if (undo)
        for (const [name, entities] of undo) {
          if (entities) this.data.set(name, entities);
          else this.data.delete(name);
        }
      throw error;
    }
  }

  entries(): [string, readonly Json[]][] {
    return [...this.data.entries()].map(([name, entities]) => [name, [...entities.values()]]);
  }

  private put(collection: string, entity: Json): void {
    const id = String(entity.id);
    const key = uniqueKey(collection, entity);
    let entities = this.data.get(collection);
    if (key !== undefined && entities)
      for (const [other, stored] of entities)
        if (other !== id && uniqueKey(collection, stored) === key)
          throw new StoreConflictError(uniqueTaken(collection, key, id));
    if (!entities) {
      entities = new Map();
      this.data.set(collection, entities);
    }
    entities.set(id, entity);
  }

  private delete(collection: string, id: string): void {
    const entities = this.data.get(collection);
    entities?.delete(id);
    if (entities?.size === 0) this.data.delete(collection);
    const prefix = containedBy(collection, id);
    for (const name of [...this.data.keys()]) if (name.startsWith(prefix)) this.data.delete(name);
  }

  /** Copies of the collections the changes touch (and those deletes would take), as they are now. */
  private snapshot(changes: readonly Change[]): Map<string, Map<string, Json> | undefined> {
    const kept = new Map<string, Map<string, Json> | undefined>();
    const keep = (name: string) => {
      if (kept.has(name)) return;
      const entities = this.data.get(name);
      kept.set(name, entities ? new Map(entities) : undefined);
    };
    for (const change of changes) {
      keep(change.collection);
      if (change.op === 'delete') {
        const prefix = containedBy(change.collection, change.id);
        for (const name of this.data.keys()) if (name.startsWith(prefix)) keep(name);
      }
    }
    return kept;
  }
}
