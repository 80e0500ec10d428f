import { type Diagnostic, walkOperations } from '@sds-toolkit/openapi-model';
import type { DiffContext } from '../context.js';
import { pagesOf } from '../sources.js';
import { defineKind } from './kind.js';
import { linkedPage } from './operation-undocumented.js';

/**
 * Diagnostics that are not docs defects to report on their own: an operation no Methods table lists is the
 * operation-unlisted change, a Methods-table row without its page (new) the operation-undocumented change.
 */
const reportedByOtherKinds = new Set(['operation-unlisted', 'operation-undocumented']);

/** Defects introduced or fixed that explain no change, when both sides' diagnostics are known. */
export const standaloneDefects = (ctx: DiffContext, list: readonly Diagnostic[]): Diagnostic[] =>
  ctx.defects.compared.before && ctx.defects.compared.after
    ? list.filter((d) => !ctx.explained.has(d) && !reportedByOtherKinds.has(d.code))
    : [];

/**
 * Methods-table rows whose page was missing and that are gone (the row was dropped, as when a resource page stops
 * listing a `reset` it never had a page for). No spec change shows it: the operation could not be derived before
 * either. A row whose page arrived is not among them: the operation it documents is compared by the other kinds.
 */
function rowsWithoutPageDropped(ctx: DiffContext): Diagnostic[] {
  if (!ctx.defects.compared.before || !ctx.defects.compared.after) return [];
  const documented = new Set(
    walkOperations(ctx.after).flatMap((op) => pagesOf(op).map((p) => p.toLowerCase())),
  );
  return ctx.defects.fixed.filter(
    (d) =>
      d.code === 'operation-undocumented' &&
      !ctx.explained.has(d) &&
      !documented.has((linkedPage(d) ?? '').toLowerCase()),
  );
}

export const docsDefectFixed = defineKind({
  kind: 'docs-defect-fixed',
  classification: 'docs-defect',
  area: 'docs',
  when: 'a docs defect of the old revision is gone, and explains no other change (a Methods-table row whose page was missing, dropped, is one)',
  why: 'not an API change: the page was mended',
  needsDiagnostics: true,
  detect: (ctx) => [
    ...standaloneDefects(ctx, ctx.defects.fixed).map((d) => ({
      location: `${d.file}#L${d.line}`,
      before: { code: d.code, message: d.message },
      after: null,
      message: `fixed: ${d.code}: ${d.message}`,
      source: { file: d.file, line: d.line, side: 'before' as const },
    })),
    ...rowsWithoutPageDropped(ctx).map((d) => ({
      location: `${d.file}#L${d.line}`,
      before: { code: d.code, message: d.message },
      after: null,
      message: `fixed: operation-undocumented: the Methods table no longer lists ${linkedPage(d) ?? 'a page'}.md, which was not in the docs folder (no operation was derived from it)`,
      source: { file: d.file, line: d.line, side: 'before' as const },
    })),
  ],
});
