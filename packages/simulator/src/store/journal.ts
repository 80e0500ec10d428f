import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { isObject, type Json } from '../json.js';
import { MemoryStore } from './memory.js';
import type { Change, Store } from './store.js';

/** Thrown at start when the data file cannot be trusted; the message names the file and the line. */
export class DataFileError extends Error {
  override readonly name = 'DataFileError';
}

const flowSets = 'outboundProvisioningFlowSets';
const flowsOf = (setId: string) => `${flowSets}/${encodeURIComponent(setId)}/provisioningFlows`;

/**
 * A journal record as changes. Besides `put`, `delete` and `batch` (several changes applied together), the
 * records of the earlier flow-set-only simulator (`putSet`, `deleteSet`, `putFlow`, `deleteFlow`) are still
 * read, so a data file written by it loses nothing.
 */
function changesOf(record: unknown): Change[] | undefined {
  if (!isObject(record)) return undefined;
  switch (record.op) {
    case 'put':
      return typeof record.collection === 'string' && isObject(record.entity)
        ? [{ op: 'put', collection: record.collection, entity: record.entity }]
        : undefined;
    case 'delete':
      return typeof record.collection === 'string' && typeof record.id === 'string'
        ? [{ op: 'delete', collection: record.collection, id: record.id }]
        : undefined;
    case 'batch': {
      if (!Array.isArray(record.changes)) return undefined;
      const all = record.changes.map(changesOf);
      return all.every((c) => c !== undefined) ? all.flat() : undefined;
    }
    case 'putSet':
      return isObject(record.set) ? [{ op: 'put', collection: flowSets, entity: record.set }] : undefined;
    case 'deleteSet':
      return typeof record.id === 'string'
        ? [{ op: 'delete', collection: flowSets, id: record.id }]
        : undefined;
    case 'putFlow':
      return typeof record.setId === 'string' && isObject(record.flow)
        ? [{ op: 'put', collection: flowsOf(record.setId), entity: record.flow as Json }]
        : undefined;
    case 'deleteFlow':
      return typeof record.setId === 'string' && typeof record.id === 'string'
        ? [{ op: 'delete', collection: flowsOf(record.setId), id: record.id }]
        : undefined;
    default:
      return undefined;
  }
}

/**
 * The state in memory, and every change appended to a journal file and fsynced before `apply` returns, so an
 * acknowledged write survives `kill -9`. At start the journal is replayed (a corrupt or half-written file is
 * refused with its name and line) and compacted: rewritten as the current state, atomically.
 */
export class JournalStore implements Store {
  private readonly memory = new MemoryStore();
  private fd: number | undefined;

  private constructor(private readonly file: string) {}

  static open(file: string): JournalStore {
    const store = new JournalStore(file);
    if (existsSync(file)) {
      const text = readFileSync(file, 'utf8');
      if (text.length > 0 && !text.endsWith('\n')) {
        const line = text.split('\n').length;
        throw new DataFileError(
          `${file}:${line}: the last record is half-written (no end of line); the file was cut during a write. Nothing after line ${line - 1} was acknowledged: keep a copy, remove line ${line}, and start again`,
        );
      }
      text
        .split('\n')
        .slice(0, -1)
        .forEach((line, index) => {
          let record: unknown;
          try {
            record = JSON.parse(line);
          } catch (error) {
            throw new DataFileError(
              `${file}:${index + 1}: not a journal record (${(error as Error).message}); the data file is corrupt`,
            );
          }
          const changes = changesOf(record);
          if (!changes)
            throw new DataFileError(
              `${file}:${index + 1}: unknown journal record ${line.slice(0, 80)}; the data file is corrupt`,
            );
          store.memory.applyNow(changes);
        });
    }
    store.compact();
    return store;
  }

  list(collection: string): Promise<readonly Json[]> {
    return this.memory.list(collection);
  }

  get(collection: string, id: string): Promise<Json | undefined> {
    return this.memory.get(collection, id);
  }

  collections(): Promise<readonly string[]> {
    return this.memory.collections();
  }

  async apply(changes: readonly Change[]): Promise<void> {
    if (changes.length === 0) return;
    if (this.fd === undefined) throw new Error(`the data file ${this.file} is closed`);
    const record = changes.length === 1 ? changes[0] : { op: 'batch', changes };
    writeSync(this.fd, `${JSON.stringify(record)}\n`);
    fsyncSync(this.fd);
    this.memory.applyNow(changes);
  }

  async clear(): Promise<void> {
    const all = this.memory
      .entries()
      .flatMap(([collection, entities]) =>
        collection.includes('/')
          ? []
          : entities.map((e) => ({ op: 'delete' as const, collection, id: String(e.id) })),
      );
    await this.apply(all);
    // Collections whose parent was never stored go too.
    await this.memory.clear();
  }

  async close(): Promise<void> {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /** Rewrites the journal as the current state (temp file, fsync, rename, fsync the folder), then reopens it. */
  private compact(): void {
    const temp = `${this.file}.tmp`;
    const fd = openSync(temp, 'w');
    for (const [collection, entities] of this.memory.entries())
      for (const entity of entities) writeSync(fd, `${JSON.stringify({ op: 'put', collection, entity })}\n`);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, this.file);
    try {
      const dir = openSync(dirname(this.file), 'r');
      fsyncSync(dir);
      closeSync(dir);
    } catch {
      // Some file systems cannot fsync a folder; the rename is still atomic.
    }
    this.fd = openSync(this.file, 'a');
  }
}
