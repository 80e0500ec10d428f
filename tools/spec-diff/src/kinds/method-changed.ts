import { operationFinding } from '../compare/findings.js';
import { defineKind } from './kind.js';

export const methodChanged = defineKind({
  kind: 'method-changed',
  classification: 'breaking',
  area: 'operations',
  when: 'the same operation (same id, or the same page) with another HTTP method',
  why: 'calls with the old method fail',
  detect: (ctx) =>
    ctx.operations.pairs
      .filter((pair) => pair.before.method !== pair.after.method)
      .map((pair) =>
        operationFinding(pair, {
          before: pair.before.method,
          after: pair.after.method,
          message: `the method changed from ${pair.before.method.toUpperCase()} to ${pair.after.method.toUpperCase()}`,
        }),
      ),
});
