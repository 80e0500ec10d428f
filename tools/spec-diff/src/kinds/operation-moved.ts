import { operationFinding } from '../compare/findings.js';
import { defineKind } from './kind.js';

export const operationMoved = defineKind({
  kind: 'operation-moved',
  classification: 'breaking',
  area: 'operations',
  when: 'the same operation (same id, or same pages or example names) at another path',
  why: 'calls to the old URL fail; the client’s request builder moves',
  detect: (ctx) =>
    ctx.operations.pairs
      .filter((pair) => pair.before.path !== pair.after.path)
      .map((pair) =>
        operationFinding(pair, {
          before: pair.before.label,
          after: pair.after.label,
          message: `${pair.before.operation.operationId} moved from ${pair.before.label} to ${pair.after.label}`,
        }),
      ),
});
