import { operationFinding } from '../compare/findings.js';
import { responseBody } from '../compare/responses.js';
import { defineKind, pageDefects } from './kind.js';
import { statusDefects } from './status-changed.js';

export const responseBodyAdded = defineKind({
  kind: 'response-body-added',
  classification: 'non-breaking',
  area: 'responses',
  when: 'the success response had no body and has one',
  why: 'callers that ignored the response keep working; the client now returns the object',
  defects: [...pageDefects, ...statusDefects],
  detect: (ctx) =>
    ctx.operations.pairs.flatMap((pair) => {
      const before = responseBody(pair.before.operation);
      const after = responseBody(pair.after.operation);
      if (before !== undefined || after === undefined) return [];
      return [
        operationFinding(pair, {
          before: null,
          after,
          message: `the success response now has a body (${after})`,
        }),
      ];
    }),
});
