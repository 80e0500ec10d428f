import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './errors.js';
import { plural } from './output.js';

interface Lock {
  readonly pages: readonly { readonly path: string }[];
}

/**
 * Refuses to overwrite a spec with the extraction of a folder that holds only part of the docs it came from.
 * A folder with a few pages copied out of a docs clone extracts cleanly, and writing it would silently shrink
 * the committed spec (and, through regen, delete most of the client). The lock beside the spec lists the pages
 * it was derived from: when the new folder lacks more than half of them, the folder is the likelier mistake.
 * `--allow-partial` writes it anyway.
 */
export function checkCoverage(
  specPath: string,
  docs: string,
  fresh: { readonly lock: Lock },
  allowPartial: boolean,
): void {
  if (allowPartial) return;
  const hint = `give the whole folder (a docs clone, or its api-reference/beta), or --allow-partial to write it anyway`;
  const lockFile = join(specPath, '..', 'docs.lock.json');
  if (!existsSync(specPath) || !existsSync(lockFile)) return;
  let before: Lock;
  try {
    before = JSON.parse(readFileSync(lockFile, 'utf8')) as Lock;
  } catch {
    return; // A lock that cannot be read says nothing of what the spec came from; the diff will show it.
  }
  if (!Array.isArray(before.pages) || before.pages.length === 0) return;
  const now = new Set(fresh.lock.pages.map((p) => p.path));
  const missing = before.pages.filter((p) => !now.has(p.path)).length;
  if (missing * 2 > before.pages.length)
    throw new UsageError(
      `${docs} lacks ${missing} of the ${plural(before.pages.length, 'page')} ${lockFile} lists for ${specPath}: writing would drop most of the spec, so nothing was written; ${hint}`,
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
