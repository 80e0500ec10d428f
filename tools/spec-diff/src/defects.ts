import { compareCodePoints, type Diagnostic } from '@sds-toolkit/openapi-model';
import type { DefectsCompared, DiffOptions, Side } from './types.js';

/**
 * The extractor's diagnostics of both revisions, compared: the defects the new revision introduced and those it
 * fixed. A change whose docs pages carry such a defect, of a code that can cause that kind of change, comes from
 * the defect, not from the API. A spec file carries no diagnostics: then that side is not compared, and the
 * result says so.
 */
export interface DefectIndex {
  readonly compared: DefectsCompared;
  /** Defects of the new revision the old one did not have (every defect of it, when the old side has none). */
  readonly introduced: readonly Diagnostic[];
  /** Defects of the old revision the new one no longer has (every defect of it, when the new side has none). */
  readonly fixed: readonly Diagnostic[];
}

/** Lines move when text above them changes; a defect is the same defect wherever it moved to. */
const exact = (d: Diagnostic) => `${d.code}\u0000${d.file}\u0000${d.message.replace(/\d+/g, '#')}`;
/** A defect whose message changed with the pages it names (a draft superseded by one more page) is still it. */
const loose = (d: Diagnostic) => `${d.code}\u0000${d.file}`;

/** `a` without the members `b` has by `key`, counting repeats (two where there was one: one is new). */
function without(a: readonly Diagnostic[], b: readonly Diagnostic[], key: (d: Diagnostic) => string) {
  const left = new Map<string, number>();
  for (const d of b) left.set(key(d), (left.get(key(d)) ?? 0) + 1);
  const kept: Diagnostic[] = [];
  for (const d of a) {
    const n = left.get(key(d)) ?? 0;
    if (n > 0) left.set(key(d), n - 1);
    else kept.push(d);
  }
  return kept;
}

/** The defects of `a` that `b` does not have: same code, page and words first, then same code and page. */
function minus(a: readonly Diagnostic[], b: readonly Diagnostic[]): Diagnostic[] {
  const aLeft = without(a, b, exact);
  const bLeft = without(b, a, exact);
  return without(aLeft, bLeft, loose);
}

/** Information (a link outside the folder, a base type inferred) is not a defect. */
const defectsOf = (list: readonly Diagnostic[] | undefined) =>
  (list ?? [])
    .filter((d) => d.severity !== 'info')
    .sort(
      (a, b) => compareCodePoints(a.file, b.file) || a.line - b.line || compareCodePoints(a.code, b.code),
    );

export function indexDefects(diagnostics: DiffOptions['diagnostics']): DefectIndex {
  const before = diagnostics?.before ? defectsOf(diagnostics.before) : undefined;
  const after = diagnostics?.after ? defectsOf(diagnostics.after) : undefined;
  const missing = [before ? undefined : 'old', after ? undefined : 'new'].filter(Boolean);
  const note =
    missing.length === 0
      ? ''
      : `the ${missing.join(' and ')} side${missing.length > 1 ? 's are spec files' : ' is a spec file'}, which carr${missing.length > 1 ? 'y' : 'ies'} no docs diagnostics: ${
          missing.length > 1
            ? 'a change a docs defect causes cannot be told from an API change; diff the docs folders for that'
            : `only the ${missing[0] === 'old' ? 'new' : 'old'} side's docs defects explain changes, and defects introduced or fixed are not listed; diff two docs folders for that`
        }`;
  return {
    compared: { before: before !== undefined, after: after !== undefined, note },
    introduced: after ? minus(after, before ?? []) : [],
    fixed: before ? minus(before, after ?? []) : [],
  };
}

/** What ties a defect to a change: the change's docs files, its API pages, names its message would give. */
export interface DefectScope {
  readonly files: readonly string[];
  readonly pages?: readonly string[];
  readonly names?: readonly string[];
}

/** Whether a diagnostic is about one of the files, or names one of the pages (`…/page.md`) or names. */
export function concerns(d: Diagnostic, scope: DefectScope): boolean {
  if (scope.files.includes(d.file)) return true;
  const message = d.message.toLowerCase();
  if ((scope.pages ?? []).some((p) => message.includes(`/${p.toLowerCase()}.md`))) return true;
  return (scope.names ?? []).some((n) =>
    new RegExp(`(^|[^\\w.])${n.replaceAll('.', '\\.')}($|[^\\w])`).test(d.message),
  );
}

/**
 * The defects (introduced, else fixed) of the codes that concern the files or pages: the first is named as the
 * cause; the others of that side explain the change with it (a status lost is both response-status-missing and
 * response-status-unknown).
 */
export function findDefects(
  index: DefectIndex,
  codes: readonly string[],
  scope: DefectScope,
): { diagnostics: Diagnostic[]; side: Side } | undefined {
  if (codes.length === 0) return undefined;
  const match = (d: Diagnostic) => codes.includes(d.code) && concerns(d, scope);
  const introduced = index.introduced.filter(match);
  if (introduced.length > 0) return { diagnostics: introduced, side: 'after' };
  const fixed = index.fixed.filter(match);
  return fixed.length > 0 ? { diagnostics: fixed, side: 'before' } : undefined;
}
