import { operationFinding } from '../compare/findings.js';
import { requestTypesOf } from '../compare/requests.js';
import { defineKind, pageDefects } from './kind.js';
import { removalDefects } from './operation-removed.js';

export const requestTypeAdded = defineKind({
  kind: 'request-type-added',
  classification: 'non-breaking',
  area: 'requests',
  when: 'the request body also accepts another type (a subtype of one URL)',
  why: 'bodies that were accepted still are',
  // A page whose request line is mended joins the operation, and with it the type it documents.
  defects: [...pageDefects, ...removalDefects],
  detect: (ctx) =>
    ctx.operations.pairs.flatMap((pair) => {
      const before = requestTypesOf(pair.before.operation);
      const after = requestTypesOf(pair.after.operation);
      if (before.length === 0) return []; // a body where there was none: request-body-added / -required
      return after
        .filter((t) => !before.includes(t))
        .map((t) =>
          operationFinding(pair, { before: null, after: t, message: `the request body also accepts ${t}` }),
        );
    }),
});
