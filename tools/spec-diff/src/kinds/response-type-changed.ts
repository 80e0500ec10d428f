import { operationFinding } from '../compare/findings.js';
import { responseBody } from '../compare/responses.js';
import { defineKind, pageDefects } from './kind.js';

export const responseTypeChanged = defineKind({
  kind: 'response-type-changed',
  classification: 'breaking',
  area: 'responses',
  when: 'the success response body is of another type (or a collection where it was one object)',
  why: 'code reading the returned object reads another shape',
  defects: [...pageDefects, 'type-unknown', 'type-name-typo', 'type-name-mismatch', 'link-broken'],
  detect: (ctx) =>
    ctx.operations.pairs.flatMap((pair) => {
      const before = responseBody(pair.before.operation);
      const after = responseBody(pair.after.operation);
      if (before === undefined || after === undefined || before === after) return [];
      // From or to a type the spec did not know: type-resolved / type-became-unknown say so for properties;
      // for a response body the same reading holds.
      if (before.startsWith('unknown') || after.startsWith('unknown')) return [];
      return [
        operationFinding(pair, {
          before,
          after,
          message: `the success response body changed from ${before} to ${after}`,
        }),
      ];
    }),
});
