import { operationFinding } from '../compare/findings.js';
import { requestTypesOf } from '../compare/requests.js';
import { defineKind, pageDefects } from './kind.js';

export const requestTypeRemoved = defineKind({
  kind: 'request-type-removed',
  classification: 'breaking',
  area: 'requests',
  when: 'the request body no longer accepts a type it accepted',
  why: 'requests sending that type are refused',
  defects: [...pageDefects, 'type-unknown', 'type-name-typo', 'link-broken'],
  detect: (ctx) =>
    ctx.operations.pairs.flatMap((pair) => {
      const before = requestTypesOf(pair.before.operation);
      const after = requestTypesOf(pair.after.operation);
      return before
        .filter((t) => !after.includes(t))
        .map((t) =>
          operationFinding(pair, {
            before: t,
            after: null,
            message: `the request body no longer accepts ${t}`,
          }),
        );
    }),
});
