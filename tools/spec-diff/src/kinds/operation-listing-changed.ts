import { operationFinding } from '../compare/findings.js';
import { listedByOf } from '../sources.js';
import { defineKind } from './kind.js';

export const operationListingChanged = defineKind({
  kind: 'operation-listing-changed',
  classification: 'documentation',
  area: 'operations',
  when: 'the Methods tables that link an operation changed, at least one still does',
  why: 'the docs still offer the operation, from other pages',
  detect: (ctx) =>
    ctx.operations.pairs.flatMap((pair) => {
      const before = listedByOf(pair.before) ?? [];
      const after = listedByOf(pair.after) ?? [];
      if (before.length === 0 || after.length === 0) return [];
      const gone = before.filter((p) => !after.includes(p));
      const fresh = after.filter((p) => !before.includes(p));
      if (gone.length === 0 && fresh.length === 0) return [];
      const parts = [
        gone.length ? `no longer listed by ${gone.join(', ')}` : '',
        fresh.length ? `now listed by ${fresh.join(', ')}` : '',
      ].filter(Boolean);
      return [
        operationFinding(pair, {
          before,
          after,
          message: `${pair.after.label}: ${parts.join('; ')}; still listed by ${after.filter((p) => before.includes(p)).join(', ') || after.join(', ')}`,
        }),
      ];
    }),
});
