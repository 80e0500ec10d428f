import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './errors.js';
import { plural } from './output.js';

interface Lock {
  readonly pages: readonly { readonly path: string }[];
}

/** How much of the docs a spec came from a new folder lacks: the pages its lock lists that the folder has not. */
export interface Shortfall {
  readonly missing: number;
  readonly listed: number;
  readonly lockFile: string;
}

/**
 * The pages of the lock beside `specPath` (the docs the spec was derived from) that the fresh extraction lacks,
 * when more than half are missing: then the folder is the likelier mistake (a few pages copied out of a docs
 * clone extract cleanly). Undefined otherwise, or when there is no readable lock to compare with.
 */
export function partialFolder(specPath: string, fresh: { readonly lock: Lock }): Shortfall | undefined {
  const lockFile = join(specPath, '..', 'docs.lock.json');
  if (!existsSync(specPath) || !existsSync(lockFile)) return undefined;
  let before: Lock;
  try {
    before = JSON.parse(readFileSync(lockFile, 'utf8')) as Lock;
  } catch {
    return undefined; // A lock that cannot be read says nothing of what the spec came from; the diff will show it.
  }
  if (!Array.isArray(before.pages) || before.pages.length === 0) return undefined;
  const now = new Set(fresh.lock.pages.map((p) => p.path));
  const missing = before.pages.filter((p) => !now.has(p.path)).length;
  return missing * 2 > before.pages.length ? { missing, listed: before.pages.length, lockFile } : undefined;
}

/** `lacks 178 of the 181 pages specs/…/docs.lock.json lists for specs/…/openapi.yaml`. */
export const shortfallWords = (shortfall: Shortfall, specPath: string): string =>
  `lacks ${shortfall.missing} of the ${plural(shortfall.listed, 'page')} ${shortfall.lockFile} lists for ${specPath}`;

/**
 * Refuses to overwrite a spec with the extraction of a folder that holds only part of the docs it came from:
 * writing it would silently shrink the committed spec (and, through regen, delete most of the client).
 * `--allow-partial` writes it anyway.
 */
export function checkCoverage(
  specPath: string,
  docs: string,
  fresh: { readonly lock: Lock },
  allowPartial: boolean,
): void {
  if (allowPartial) return;
  const shortfall = partialFolder(specPath, fresh);
  if (shortfall)
    throw new UsageError(
      `${docs} ${shortfallWords(shortfall, specPath)}: writing would drop most of the spec, so nothing was written; give the whole folder (a docs clone, or its api-reference/beta), or --allow-partial to write it anyway`,
    );
}

/** A warning for a folder that gave nothing to write (no operation, no resource page): likely not a docs folder. */
export function emptyWarning(
  docs: string,
  lock: { readonly pages: readonly { readonly role?: string }[] },
  spec: { readonly paths: object },
): string | undefined {
  if (Object.keys(spec.paths).length > 0 || lock.pages.some((p) => p.role === 'resource')) return undefined;
  return `warning: the ${plural(lock.pages.length, 'page')} in ${docs} document no operation and no resource: is it the docs folder you meant (a docs clone, or its api-reference/beta)?\n`;
}
