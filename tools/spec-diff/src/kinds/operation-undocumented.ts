import type { Diagnostic } from '@sds-toolkit/openapi-model';
import { singleOperationFinding } from '../compare/findings.js';
import type { DiffContext } from '../context.js';
import { pagesOf } from '../sources.js';
import { defineKind, type Finding } from './kind.js';

/** `… lists 'Get x' (../api/industrydata-x-get.md), but that page is not in the docs folder …` → the page name. */
export const linkedPage = (d: Diagnostic) => /\(([^()]*\/)?([^/()]+)\.md\)/.exec(d.message)?.[2];

const introducedUndocumented = (ctx: DiffContext) =>
  ctx.defects.introduced.filter((d) => d.code === 'operation-undocumented');

/** API pages a Methods table of the new revision links though the page is missing (newly so). */
export function undocumentedPages(ctx: DiffContext): Map<string, Diagnostic> {
  const found = new Map<string, Diagnostic>();
  for (const d of introducedUndocumented(ctx)) {
    const page = linkedPage(d);
    if (page) found.set(page.toLowerCase(), d);
  }
  return found;
}

export const operationUndocumented = defineKind({
  kind: 'operation-undocumented',
  classification: 'docs-defect',
  area: 'operations',
  when: "a Methods table lists an operation whose page is missing (the operation's page was deleted, or a row was added before its page)",
  why: 'the docs still offer the operation; only its page is missing, so nothing can be derived for it: restore the page rather than drop the method',
  needsDiagnostics: true,
  detect: (ctx) => {
    const pages = undocumentedPages(ctx);
    const findings: Finding[] = [];
    const explained = new Set<Diagnostic>();
    for (const op of ctx.operations.removed) {
      const page = pagesOf(op).find((p) => pages.has(p.toLowerCase()));
      const d = page ? pages.get(page.toLowerCase()) : undefined;
      if (!d) continue;
      explained.add(d);
      findings.push(
        singleOperationFinding(op, 'before', {
          before: op.operation.operationId,
          after: null,
          message: `${op.operation.operationId} (${op.label}): its page ${page}.md is missing, though the Methods table of ${d.file} still lists it`,
          source: { file: d.file, line: d.line, side: 'after' },
        }),
      );
    }
    // A new row without a page: reported only when the old revision's diagnostics say it is new.
    if (ctx.defects.compared.before)
      for (const d of introducedUndocumented(ctx).filter((x) => !explained.has(x)))
        findings.push({
          location: `${d.file}#L${d.line}`,
          before: null,
          after: linkedPage(d) ?? null,
          message: `the Methods table lists ${linkedPage(d) ?? 'a page'}.md, which is not in the docs folder: the operation cannot be derived until its page exists`,
          source: { file: d.file, line: d.line, side: 'after' },
        });
    return findings;
  },
});
