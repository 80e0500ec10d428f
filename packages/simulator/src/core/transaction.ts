import type { Json } from '../json.js';
import type { Change, StoreReader } from '../store/store.js';

const slot = (collection: string, id: string) => `${collection}\u0000${id}`;

/**
 * The changes one request (or one scheduled task) makes, handed to the store together at the end (one
 * transaction of a database): readers never see half a request. Reads inside see the pending changes.
 */
export class Transaction {
  private readonly pending = new Map<string, Json | null>();
  private readonly changes: Change[] = [];

  constructor(private readonly store: StoreReader) {}

  async get(collection: string, id: string): Promise<Json | undefined> {
    const mine = this.pending.get(slot(collection, id));
    if (mine !== undefined) return mine ?? undefined;
    return this.store.get(collection, id);
  }

  async list(collection: string): Promise<Json[]> {
    const stored = await this.store.list(collection);
    if (this.changes.length === 0) return [...stored];
    const seen = new Set<string>();
    const result: Json[] = [];
    for (const entity of stored) {
      const id = String(entity.id);
      seen.add(id);
      const mine = this.pending.get(slot(collection, id));
      if (mine === null) continue;
      result.push(mine ?? entity);
    }
    for (const change of this.changes)
      if (change.op === 'put' && change.collection === collection) {
        const id = String(change.entity.id);
        if (seen.has(id)) continue;
        seen.add(id);
        const mine = this.pending.get(slot(collection, id));
        if (mine) result.push(mine);
      }
    return result;
  }

  put(collection: string, entity: Json): void {
    this.pending.set(slot(collection, String(entity.id)), entity);
    this.changes.push({ op: 'put', collection, entity });
  }

  delete(collection: string, id: string): void {
    this.pending.set(slot(collection, id), null);
    this.changes.push({ op: 'delete', collection, id });
  }

  get changed(): boolean {
    return this.changes.length > 0;
  }

  /** What the request changed, in order. */
  get written(): readonly Change[] {
    return this.changes;
  }
}
