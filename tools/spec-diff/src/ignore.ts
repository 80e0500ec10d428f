import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Change } from './types.js';

export interface IgnoreEntry {
  readonly kind?: string;
  /** `*` matches any run of characters. */
  readonly location?: string;
  readonly reason: string;
}

/** Thrown for an ignore file that cannot be used: every entry needs a reason. */
export class IgnoreFileError extends Error {
  override readonly name = 'IgnoreFileError';
}

export function parseIgnore(text: string, file: string): IgnoreEntry[] {
  // logLevel 'error': a file that is not YAML gets one line, without yaml's warnings after it.
  const data = parse(text, { logLevel: 'error' }) as { ignore?: unknown } | null;
  const entries = data?.ignore ?? [];
  if (!Array.isArray(entries))
    throw new IgnoreFileError(`${file}: 'ignore' must be a list of { kind, location, reason }`);
  return entries.map((e, i) => {
    const entry = e as IgnoreEntry;
    if (!entry || typeof entry.reason !== 'string' || !entry.reason.trim())
      throw new IgnoreFileError(`${file}: entry ${i + 1} has no reason; say why the difference is accepted`);
    if (!entry.kind && !entry.location)
      throw new IgnoreFileError(`${file}: entry ${i + 1} matches everything; give a kind or a location`);
    return entry;
  });
}

export function loadIgnore(file: string): IgnoreEntry[] {
  return parseIgnore(readFileSync(file, 'utf8'), file);
}

const wildcard = (pattern: string) =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`);

export function isIgnored(change: Change, entries: readonly IgnoreEntry[]): boolean {
  return entries.some(
    (e) =>
      (!e.kind || wildcard(e.kind).test(change.kind)) &&
      (!e.location || wildcard(e.location).test(change.location)),
  );
}
