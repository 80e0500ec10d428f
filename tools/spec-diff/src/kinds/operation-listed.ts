import { operationFinding } from '../compare/findings.js';
import { listedByOf } from '../sources.js';
import { defineKind } from './kind.js';

export const operationListed = defineKind({
  kind: 'operation-listed',
  classification: 'non-breaking',
  area: 'operations',
  when: 'a Methods table now links an operation no Methods table linked',
  why: 'the docs now offer an operation whose page was there; nothing that worked stops working',
  detect: (ctx) =>
    ctx.operations.pairs.flatMap((pair) => {
      const before = listedByOf(pair.before);
      const after = listedByOf(pair.after);
      if (!before || before.length > 0 || !after?.length) return [];
      return [
        operationFinding(pair, {
          before,
          after,
          message: `${pair.after.label} is now listed by the Methods table of ${after.join(', ')}`,
        }),
      ];
    }),
});
