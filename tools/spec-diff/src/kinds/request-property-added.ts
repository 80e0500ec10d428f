import { operationFinding } from '../compare/findings.js';
import { acceptedTables, isRequired } from '../compare/requests.js';
import { defineKind, pageDefects, tableDefects } from './kind.js';

export const requestPropertyAdded = defineKind({
  kind: 'request-property-added',
  classification: 'non-breaking',
  area: 'requests',
  when: 'the request-body table lists a new optional property',
  why: 'requests without it are still valid',
  defects: [...pageDefects, ...tableDefects],
  detect: (ctx) =>
    ctx.operations.pairs.flatMap((pair) =>
      acceptedTables(pair).flatMap(({ type, before, after }) =>
        before && after
          ? Object.keys(after)
              .filter((name) => !(name in before) && !isRequired(after[name]))
              .map((name) =>
                operationFinding(pair, {
                  location: `${pair.after.label} ${type}.${name}`,
                  before: null,
                  after: after[name],
                  message: `${type}: '${name}' is now accepted`,
                }),
              )
          : [],
      ),
    ),
});
