import type { Diagnostic } from '@sds-toolkit/openapi-model';
import type { DiffContext } from '../context.js';
import { defineKind } from './kind.js';

/**
 * Diagnostics that are not docs defects to report on their own: an operation no Methods table lists is the
 * operation-unlisted change, a Methods-table row without its page the operation-undocumented change.
 */
const reportedByOtherKinds = new Set(['operation-unlisted', 'operation-undocumented']);

/** Defects introduced or fixed that explain no change, when both sides' diagnostics are known. */
export const standaloneDefects = (ctx: DiffContext, list: readonly Diagnostic[]): Diagnostic[] =>
  ctx.defects.compared.before && ctx.defects.compared.after
    ? list.filter((d) => !ctx.explained.has(d) && !reportedByOtherKinds.has(d.code))
    : [];

export const docsDefectFixed = defineKind({
  kind: 'docs-defect-fixed',
  classification: 'docs-defect',
  area: 'docs',
  when: 'a docs defect of the old revision is gone, and explains no other change',
  why: 'not an API change: the page was mended',
  needsDiagnostics: true,
  detect: (ctx) =>
    standaloneDefects(ctx, ctx.defects.fixed).map((d) => ({
      location: `${d.file}#L${d.line}`,
      before: { code: d.code, message: d.message },
      after: null,
      message: `fixed: ${d.code}: ${d.message}`,
      source: { file: d.file, line: d.line, side: 'before' as const },
    })),
});
