import { singleOperationFinding } from '../compare/findings.js';
import { defineKind, pageDefects } from './kind.js';
import { removalDefects } from './operation-removed.js';

export const operationAdded = defineKind({
  kind: 'operation-added',
  classification: 'non-breaking',
  area: 'operations',
  when: 'an operation the old revision does not have',
  why: 'existing calls are unaffected; the client gains a method',
  defects: [...pageDefects, ...removalDefects],
  detect: (ctx) =>
    ctx.operations.added.map((op) =>
      singleOperationFinding(op, 'after', {
        before: null,
        after: op.operation.operationId,
        message: `${op.operation.operationId} (${op.label}) was added`,
      }),
    ),
});
