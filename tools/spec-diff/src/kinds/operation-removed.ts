import { singleOperationFinding } from '../compare/findings.js';
import { pagesOf } from '../sources.js';
import { defineKind, pageDefects } from './kind.js';
import { undocumentedPages } from './operation-undocumented.js';

/** Defects that make the extractor lose an operation: its page has no usable request line. */
export const removalDefects = [
  'http-request-missing',
  'http-request-unreadable',
  'http-request-placeholder',
  'operation-unplaced',
] as const;

export const operationRemoved = defineKind({
  kind: 'operation-removed',
  classification: 'breaking',
  area: 'operations',
  when: 'an operation the new revision no longer documents at all',
  why: 'calls to it fail and the client loses the method',
  defects: [...pageDefects, ...removalDefects],
  detect: (ctx) => {
    const undocumented = undocumentedPages(ctx);
    const afterOps = [...ctx.operations.pairs.map((p) => p.after), ...ctx.operations.added];
    return ctx.operations.removed
      .filter((op) => !pagesOf(op).some((p) => undocumented.has(p)))
      .map((op) => {
        // Its page may now document another operation (a draft's made-up path merged into the real one).
        const page = pagesOf(op).find((p) => afterOps.some((o) => pagesOf(o).includes(p)));
        const now = page ? afterOps.find((o) => pagesOf(o).includes(page)) : undefined;
        return singleOperationFinding(op, 'before', {
          before: op.operation.operationId,
          after: null,
          message: `${op.operation.operationId} (${op.label}) was removed${now ? `; its page ${page} now documents ${now.label}` : ''}`,
        });
      });
  },
});
