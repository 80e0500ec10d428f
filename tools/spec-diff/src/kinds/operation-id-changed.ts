import { operationFinding } from '../compare/findings.js';
import { defineKind } from './kind.js';

export const operationIdChanged = defineKind({
  kind: 'operation-id-changed',
  classification: 'breaking',
  area: 'operations',
  when: 'a paired operation has another operation id (it follows the path)',
  why: 'generated method names follow the id: code calling the old name no longer compiles',
  detect: (ctx) =>
    ctx.operations.pairs
      .filter((pair) => pair.before.operation.operationId !== pair.after.operation.operationId)
      .map((pair) =>
        operationFinding(pair, {
          before: pair.before.operation.operationId,
          after: pair.after.operation.operationId,
          message: `the operation id changed from ${pair.before.operation.operationId} to ${pair.after.operation.operationId} (generated method names follow it)`,
        }),
      ),
});
