import type { Json } from '../json.js';
import { type Change, containedBy, type Store } from './store.js';

/** The state in memory: collections of entities keyed by id, in insertion order. */
export class MemoryStore implements Store {
  private readonly data = new Map<string, Map<string, Json>>();

  async list(collection: string): Promise<readonly Json[]> {
    return this.listNow(collection);
  }

  async get(collection: string, id: string): Promise<Json | undefined> {
    return this.data.get(collection)?.get(id);
  }

  async apply(changes: readonly Change[]): Promise<void> {
    this.applyNow(changes);
  }

  async collections(): Promise<readonly string[]> {
    return [...this.data.keys()];
  }

  async clear(): Promise<void> {
    this.data.clear();
  }

  async close(): Promise<void> {}

  /** Synchronous forms, for the journal that wraps this store. */
  listNow(collection: string): readonly Json[] {
    const entities = this.data.get(collection);
    return entities ? [...entities.values()] : [];
  }

  applyNow(changes: readonly Change[]): void {
    for (const change of changes) {
      if (change.op === 'put') {
        let entities = this.data.get(change.collection);
        if (!entities) {
          entities = new Map();
          this.data.set(change.collection, entities);
        }
        entities.set(String(change.entity.id), change.entity);
      } else {
        const entities = this.data.get(change.collection);
        entities?.delete(change.id);
        if (entities?.size === 0) this.data.delete(change.collection);
        const prefix = containedBy(change.collection, change.id);
        for (const name of [...this.data.keys()]) if (name.startsWith(prefix)) this.data.delete(name);
      }
    }
  }

  entries(): [string, readonly Json[]][] {
    return [...this.data.entries()].map(([name, entities]) => [name, [...entities.values()]]);
  }
}
