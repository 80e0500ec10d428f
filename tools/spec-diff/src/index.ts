export { buildContext, type DiffContext, matchOperations, renameTypes } from './context.js';
export { diffSpecs } from './diff.js';
export { renderGithub } from './github.js';
export { type IgnoreEntry, IgnoreFileError, isIgnored, loadIgnore, parseIgnore } from './ignore.js';
export { type Area, type ChangeKind, changeKinds, type Finding } from './kinds/index.js';
export { renderKindsTable, withKindsTable } from './kinds-table.js';
export { type Bump, bumpFor, notCompared, renderMarkdown, renderText, summarize } from './render.js';
export {
  type Change,
  type Classification,
  classifications,
  type DefectCause,
  type DefectsCompared,
  type DiffOptions,
  type DiffResult,
  type DiffSummary,
  type DocsSource,
  type Side,
  type Verdict,
} from './types.js';

import type { OpenApiDocument } from '@sds-toolkit/openapi-model';
import { diffSpecs } from './diff.js';
import { type IgnoreEntry, isIgnored } from './ignore.js';
import { summarize } from './render.js';
import type { DiffOptions, DiffResult } from './types.js';

/**
 * Diff two revisions of a spec, leaving out the accepted differences of an ignore list. Give the extractor's
 * diagnostics of each side that was a docs folder (`options.diagnostics`), so that changes a docs defect causes
 * are told from API changes; a spec file has none, and the result's `defects.note` says what that leaves out.
 */
export function compareSpecs(
  before: OpenApiDocument,
  after: OpenApiDocument,
  ignore: readonly IgnoreEntry[] = [],
  options: DiffOptions = {},
): DiffResult {
  const { changes, defects } = diffSpecs(before, after, options);
  const kept = changes.filter((c) => !isIgnored(c, ignore));
  return summarize(kept, changes.length - kept.length, defects);
}
