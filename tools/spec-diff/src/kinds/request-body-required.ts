import { operationFinding } from '../compare/findings.js';
import { requestBodyOf } from '../compare/requests.js';
import { defineKind } from './kind.js';

export const requestBodyRequired = defineKind({
  kind: 'request-body-required',
  classification: 'breaking',
  area: 'requests',
  when: 'an operation without a request body now requires one',
  why: 'requests without a body are refused',
  detect: (ctx) =>
    ctx.operations.pairs.flatMap((pair) => {
      const before = requestBodyOf(pair.before.operation);
      const after = requestBodyOf(pair.after.operation);
      if (before.length > 0 || after.length === 0 || !pair.after.operation.requestBody?.required) return [];
      return [operationFinding(pair, { before: null, after, message: 'a request body is now required' })];
    }),
});
