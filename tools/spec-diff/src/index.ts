export { diffSpecs, matchOperations } from './diff.js';
export { type IgnoreEntry, IgnoreFileError, isIgnored, loadIgnore, parseIgnore } from './ignore.js';
export { type Bump, bumpFor, renderMarkdown, renderText, summarize } from './render.js';
export type { Change, Classification, DiffResult } from './types.js';

import type { OpenApiDocument } from '@sds-toolkit/openapi-model';
import { diffSpecs } from './diff.js';
import { type IgnoreEntry, isIgnored } from './ignore.js';
import { summarize } from './render.js';
import type { DiffResult } from './types.js';

/** Diff two specs, leaving out the accepted differences of an ignore list. */
export function compareSpecs(
  before: OpenApiDocument,
  after: OpenApiDocument,
  ignore: readonly IgnoreEntry[] = [],
): DiffResult {
  const all = diffSpecs(before, after);
  const kept = all.filter((c) => !isIgnored(c, ignore));
  return summarize(kept, all.length - kept.length);
}
