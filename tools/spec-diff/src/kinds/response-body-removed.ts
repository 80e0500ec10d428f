import { operationFinding } from '../compare/findings.js';
import { responseBody } from '../compare/responses.js';
import { defineKind, pageDefects } from './kind.js';
import { statusDefects } from './status-changed.js';

export const responseBodyRemoved = defineKind({
  kind: 'response-body-removed',
  classification: 'breaking',
  area: 'responses',
  when: 'the success response had a body and has none',
  why: 'code reading the returned object gets nothing',
  defects: [...pageDefects, ...statusDefects],
  detect: (ctx) =>
    ctx.operations.pairs.flatMap((pair) => {
      const before = responseBody(pair.before.operation);
      const after = responseBody(pair.after.operation);
      if (before === undefined || after !== undefined) return [];
      return [
        operationFinding(pair, { before, after: null, message: 'the success response no longer has a body' }),
      ];
    }),
});
