import { readFileSync } from 'node:fs';
import { isObject, type Json } from '../json.js';
import { MemoryStore } from './memory.js';
import { type Change, DataFileError } from './store.js';

const flowSets = 'outboundProvisioningFlowSets';
const flowsOf = (setId: string) => `${flowSets}/${encodeURIComponent(setId)}/provisioningFlows`;

const isCollection = (value: unknown): value is string => typeof value === 'string' && value !== '';
/** An entity as every store keeps it: an object with a string id (a record of another shape is refused). */
const isEntity = (value: unknown): value is Json =>
  isObject(value) && typeof value.id === 'string' && value.id !== '';

/**
 * A journal record as changes. Besides `put`, `delete` and `batch` (several changes applied together), the
 * records of the earlier flow-set-only simulator (`putSet`, `deleteSet`, `putFlow`, `deleteFlow`) are still
 * read, so a data file written by it loses nothing.
 */
function changesOf(record: unknown): Change[] | undefined {
  if (!isObject(record)) return undefined;
  switch (record.op) {
    case 'put':
      return isCollection(record.collection) && isEntity(record.entity)
        ? [{ op: 'put', collection: record.collection, entity: record.entity }]
        : undefined;
    case 'delete':
      return isCollection(record.collection) && typeof record.id === 'string'
        ? [{ op: 'delete', collection: record.collection, id: record.id }]
        : undefined;
    case 'batch': {
      if (!Array.isArray(record.changes)) return undefined;
      const all = record.changes.map(changesOf);
      return all.every((c) => c !== undefined) ? all.flat() : undefined;
    }
    case 'putSet':
      return isEntity(record.set) ? [{ op: 'put', collection: flowSets, entity: record.set }] : undefined;
    case 'deleteSet':
      return typeof record.id === 'string'
        ? [{ op: 'delete', collection: flowSets, id: record.id }]
        : undefined;
    case 'putFlow':
      return typeof record.setId === 'string' && isEntity(record.flow)
        ? [{ op: 'put', collection: flowsOf(record.setId), entity: record.flow }]
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
 * The state a journal file of the earlier simulator holds (one JSON record a line, appended as writes were
 * acknowledged), replayed in memory for the migration to SQLite. A half-written last line, a line that is not
 * JSON, a record of no known shape: refused with the file and line, nothing guessed.
 */
export function readJournal(file: string): MemoryStore {
  const state = new MemoryStore();
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
          `${file}:${index + 1}: not a journal record (${(error as Error).message}); the data file is neither an SQLite database nor a journal of an earlier simulator`,
        );
      }
      const changes = changesOf(record);
      if (!changes)
        throw new DataFileError(
          `${file}:${index + 1}: unknown journal record ${line.slice(0, 80)}; the data file is corrupt`,
        );
      try {
        state.applyNow(changes);
      } catch (error) {
        throw new DataFileError(
          `${file}:${index + 1}: ${(error as Error).message}; the data file is corrupt`,
        );
      }
    });
  return state;
}
