import { operationFinding } from '../compare/findings.js';
import { requestBodyOf } from '../compare/requests.js';
import { defineKind } from './kind.js';

export const requestBodyAdded = defineKind({
  kind: 'request-body-added',
  classification: 'non-breaking',
  area: 'requests',
  when: 'an operation without a request body now takes an optional one',
  why: 'requests without a body are still valid',
  detect: (ctx) =>
    ctx.operations.pairs.flatMap((pair) => {
      const before = requestBodyOf(pair.before.operation);
      const after = requestBodyOf(pair.after.operation);
      if (before.length > 0 || after.length === 0 || pair.after.operation.requestBody?.required) return [];
      return [operationFinding(pair, { before: null, after, message: 'an optional request body was added' })];
    }),
});
