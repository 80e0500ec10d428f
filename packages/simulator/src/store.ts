import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export type Json = Record<string, unknown>;

interface StoredSet {
  set: Json;
  flows: Map<string, Json>;
}

/** One change to the state: the unit the journal records. */
export type Mutation =
  | { readonly op: 'putSet'; readonly set: Json }
  | { readonly op: 'deleteSet'; readonly id: string }
  | { readonly op: 'putFlow'; readonly setId: string; readonly flow: Json }
  | { readonly op: 'deleteFlow'; readonly setId: string; readonly id: string };

/** Thrown at start when the data file cannot be trusted; the message names the file and the line. */
export class DataFileError extends Error {
  override readonly name = 'DataFileError';
}

/**
 * The simulator's state: flow sets and their flows, as wire JSON. In memory; with a data file, every mutation is
 * appended to a journal and fsynced before it is acknowledged, so an acknowledged write survives `kill -9`.
 */
export class Store {
  private readonly sets = new Map<string, StoredSet>();
  private fd: number | undefined;

  private constructor(private readonly file: string | undefined) {}

  static inMemory(): Store {
    return new Store(undefined);
  }

  /**
   * Opens (or creates) a data file: replays its journal, refusing a corrupt or half-written one with an error
   * naming the file and line, then compacts it (atomic replace) and keeps appending to it.
   */
  static durable(file: string): Store {
    const store = new Store(file);
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
          let mutation: Mutation;
          try {
            mutation = JSON.parse(line) as Mutation;
          } catch (error) {
            throw new DataFileError(
              `${file}:${index + 1}: not a journal record (${(error as Error).message}); the data file is corrupt`,
            );
          }
          if (!store.replay(mutation))
            throw new DataFileError(
              `${file}:${index + 1}: unknown journal record ${line.slice(0, 80)}; the data file is corrupt`,
            );
        });
    }
    store.compact();
    return store;
  }

  private replay(m: Mutation): boolean {
    switch (m?.op) {
      case 'putSet': {
        const id = String(m.set.id);
        const existing = this.sets.get(id);
        this.sets.set(id, { set: m.set, flows: existing?.flows ?? new Map() });
        return true;
      }
      case 'deleteSet':
        this.sets.delete(m.id);
        return true;
      case 'putFlow':
        this.sets.get(m.setId)?.flows.set(String(m.flow.id), m.flow);
        return true;
      case 'deleteFlow':
        this.sets.get(m.setId)?.flows.delete(m.id);
        return true;
      default:
        return false;
    }
  }

  /** Applies a change; with a data file, returns only once it is on disk. */
  apply(m: Mutation): void {
    if (this.fd !== undefined) {
      writeSync(this.fd, `${JSON.stringify(m)}\n`);
      fsyncSync(this.fd);
    }
    this.replay(m);
  }

  /** Rewrites the journal as the current state (temp file, fsync, rename, fsync the folder), then reopens it. */
  private compact(): void {
    if (!this.file) return;
    if (this.fd !== undefined) closeSync(this.fd);
    const temp = `${this.file}.tmp`;
    const fd = openSync(temp, 'w');
    for (const { set, flows } of this.sets.values()) {
      writeSync(fd, `${JSON.stringify({ op: 'putSet', set })}\n`);
      for (const flow of flows.values())
        writeSync(fd, `${JSON.stringify({ op: 'putFlow', setId: set.id, flow })}\n`);
    }
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

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  listSets(): Json[] {
    return [...this.sets.values()].map((s) => s.set);
  }

  getSet(id: string): Json | undefined {
    return this.sets.get(id)?.set;
  }

  listFlows(setId: string): Json[] | undefined {
    const entry = this.sets.get(setId);
    return entry ? [...entry.flows.values()] : undefined;
  }

  getFlow(setId: string, id: string): Json | undefined {
    return this.sets.get(setId)?.flows.get(id);
  }

  /** Empties the state (provider-state setup in contract tests). */
  clear(): void {
    for (const id of [...this.sets.keys()]) this.apply({ op: 'deleteSet', id });
  }
}
