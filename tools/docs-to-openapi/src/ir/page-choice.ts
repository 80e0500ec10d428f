import type { DiagnosticSink } from '../diagnostics.js';
import type { ApiDoc } from '../pages/api.js';
import type { MethodsTables } from './methods-tables.js';
import type { CanonicalPath } from './paths.js';
import type { OperationIR, PermissionsIR } from './types.js';

/** An API page placed at the operation (method + canonical path) its first request line names. */
export interface Placed {
  readonly doc: ApiDoc;
  readonly method: OperationIR['method'];
  readonly path: CanonicalPath;
  readonly line: number;
}

export interface PageChoice {
  /** The pages the operation is taken from, sorted by file. */
  readonly chosen: readonly Placed[];
  /** Draft pages that published pages of the same operation supersede. */
  readonly drafts: readonly Placed[];
  /** Pages no Methods table links, where another page of the operation is linked: stale duplicates. */
  readonly stale: readonly Placed[];
}

const byFile = (a: Placed, b: Placed) => (a.doc.file < b.doc.file ? -1 : a.doc.file > b.doc.file ? 1 : 0);
const pageName = (p: Placed) => p.doc.file.split('/').pop() ?? p.doc.file;

/**
 * Which of the pages documenting one operation count. A published page beats a draft; then a page that a
 * resource's Methods table links beats one no Methods table links (the docs keep stale copies of pages, and
 * the Methods table is what the docs site itself navigates by).
 */
export function choosePages(placed: readonly Placed[], methods: MethodsTables): PageChoice {
  const published = placed.filter((p) => !p.doc.draft);
  const candidates = published.length > 0 ? published : [...placed];
  const listed = candidates.filter((p) => methods.listedBy(p.doc.file).length > 0);
  const chosen = (listed.length > 0 ? listed : candidates).sort(byFile);
  return {
    chosen,
    drafts: published.length > 0 ? placed.filter((p) => p.doc.draft).sort(byFile) : [],
    stale: listed.length > 0 ? candidates.filter((p) => !listed.includes(p)).sort(byFile) : [],
  };
}

/** Whether two permission tables grant the same (wherever each was written). */
export const samePermissions = (a: PermissionsIR, b: PermissionsIR): boolean =>
  JSON.stringify({ ...a, source: 0 }) === JSON.stringify({ ...b, source: 0 });

/** Reports the pages that lost, and how they differ from the pages that won. */
export function reportLosers(
  choice: PageChoice,
  status: number | undefined,
  permissionsOf: (doc: ApiDoc) => PermissionsIR | undefined,
  sink: DiagnosticSink,
): void {
  const [first] = choice.chosen;
  if (!first) return;
  const winners = choice.chosen.map(pageName).join(', ');
  const differences = (loser: Placed): string[] => {
    const found: string[] = [];
    if (loser.doc.status && status !== undefined && loser.doc.status.code !== status)
      found.push(`status ${loser.doc.status.code} vs ${status}`);
    if (loser.path.path !== first.path.path) found.push(`path ${loser.path.path} vs ${first.path.path}`);
    return found;
  };
  for (const draft of choice.drafts) {
    const conflicts = differences(draft);
    sink.warn(
      'draft-superseded',
      `draft page superseded by ${winners}${conflicts.length ? `; conflicts: ${conflicts.join('; ')}` : ''}`,
      draft.doc.file,
      draft.doc.source.line,
    );
  }
  for (const stale of choice.stale) {
    const conflicts = differences(stale);
    const own = permissionsOf(stale.doc);
    const theirs = permissionsOf(first.doc);
    if (own && theirs && !samePermissions(own, theirs))
      conflicts.push(`permissions differ from ${pageName(first)}'s`);
    sink.warn(
      'page-stale-duplicate',
      `documents ${first.method.toUpperCase()} ${first.path.path} like ${winners}, which a Methods table links and this page no Methods table does: this page is a stale duplicate and is ignored${conflicts.length ? ` (${conflicts.join('; ')})` : ''}`,
      stale.doc.file,
      stale.doc.source.line,
    );
  }
}
