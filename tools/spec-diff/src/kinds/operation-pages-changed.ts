import { operationFinding } from '../compare/findings.js';
import { pagesOf } from '../sources.js';
import { defineKind } from './kind.js';

export const operationPagesChanged = defineKind({
  kind: 'operation-pages-changed',
  classification: 'documentation',
  area: 'operations',
  when: 'a page documenting an operation was added to or dropped from the pages it is derived from',
  why: 'the operation is the same; what each page says of it is compared by the other kinds',
  detect: (ctx) =>
    ctx.operations.pairs.flatMap((pair) => {
      const before = pagesOf(pair.before);
      const after = pagesOf(pair.after);
      const gone = before.filter((p) => !after.includes(p));
      const fresh = after.filter((p) => !before.includes(p));
      // Both: a page moved (page-moved). Neither: nothing changed.
      if (gone.length > 0 === fresh.length > 0) return [];
      return [
        operationFinding(pair, {
          before,
          after,
          message: gone.length
            ? `${pair.after.label} is no longer derived from ${gone.join(', ')}`
            : `${pair.after.label} is now also derived from ${fresh.join(', ')}`,
        }),
      ];
    }),
});
