import { operationFinding } from '../compare/findings.js';
import { queryOptionsOf } from '../compare/query.js';
import { defineKind } from './kind.js';

export const queryParameterAdded = defineKind({
  kind: 'query-parameter-added',
  classification: 'non-breaking',
  area: 'requests',
  when: 'an operation’s page lists a new optional query parameter ($select, $filter, …)',
  why: 'requests without it are unchanged',
  detect: (ctx) =>
    ctx.operations.pairs.flatMap((pair) => {
      const before = queryOptionsOf(pair.before.operation);
      return queryOptionsOf(pair.after.operation)
        .filter((q) => !before.includes(q))
        .map((q) =>
          operationFinding(pair, {
            before: null,
            after: q,
            message: `the query option ${q} is now supported`,
          }),
        );
    }),
});
