import { baseTypeChain } from '@sds-toolkit/openapi-model';
import { operationFinding } from '../compare/findings.js';
import { requestTypesOf } from '../compare/requests.js';
import { defineKind, pageDefects } from './kind.js';
import { removalDefects } from './operation-removed.js';

export const requestTypeRemoved = defineKind({
  kind: 'request-type-removed',
  classification: 'breaking',
  area: 'requests',
  when: 'the request body no longer accepts a type it accepted (an abstract type now named by its subtypes is still accepted)',
  why: 'requests sending that type are refused',
  // A page that lost its request line drops out of the operation, and with it the type it documents.
  defects: [...pageDefects, ...removalDefects, 'type-unknown', 'type-name-typo', 'link-broken'],
  detect: (ctx) =>
    ctx.operations.pairs.flatMap((pair) => {
      const before = requestTypesOf(pair.before.operation);
      const after = requestTypesOf(pair.after.operation);
      // Subtype pages of one URL make the body `oneOf` the subtypes: an abstract base was never sent as such.
      const refined = (t: string) =>
        ctx.before.components.schemas[t]?.['x-ms-abstract'] === true &&
        after.some((a) => baseTypeChain(ctx.after, a).includes(t));
      return before
        .filter((t) => !after.includes(t) && !refined(t))
        .map((t) =>
          operationFinding(pair, {
            before: t,
            after: null,
            message: `the request body no longer accepts ${t}`,
          }),
        );
    }),
});
