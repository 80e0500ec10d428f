import { operationFinding } from '../compare/findings.js';
import { queryOptionsOf } from '../compare/query.js';
import { defineKind, pageDefects } from './kind.js';

export const queryParameterRemoved = defineKind({
  kind: 'query-parameter-removed',
  classification: 'breaking',
  area: 'requests',
  when: 'a query parameter the page listed is no longer supported',
  why: 'requests using it are refused or the option is ignored',
  defects: [...pageDefects],
  detect: (ctx) =>
    ctx.operations.pairs.flatMap((pair) => {
      const after = queryOptionsOf(pair.after.operation);
      return queryOptionsOf(pair.before.operation)
        .filter((q) => !after.includes(q))
        .map((q) =>
          operationFinding(pair, {
            before: q,
            after: null,
            message: `the query option ${q} is no longer supported`,
          }),
        );
    }),
});
