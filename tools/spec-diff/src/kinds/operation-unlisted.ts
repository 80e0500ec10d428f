import { operationFinding } from '../compare/findings.js';
import { listedByOf } from '../sources.js';
import { defineKind } from './kind.js';

export const operationUnlisted = defineKind({
  kind: 'operation-unlisted',
  classification: 'breaking',
  area: 'operations',
  when: 'no Methods table links the operation any more, though its page is still there',
  why: 'the Methods table is what the docs offer; an operation it no longer lists is withdrawn, its page left behind',
  detect: (ctx) =>
    ctx.operations.pairs.flatMap((pair) => {
      const before = listedByOf(pair.before);
      const after = listedByOf(pair.after);
      if (!before?.length || !after || after.length > 0) return [];
      return [
        operationFinding(pair, {
          before,
          after,
          message: `${pair.after.label} is no longer listed by the Methods table of ${before.join(', ')}: the docs no longer offer it`,
        }),
      ];
    }),
});
