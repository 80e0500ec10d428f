import { operationFinding } from '../compare/findings.js';
import { acceptedTables } from '../compare/requests.js';
import { defineKind, pageDefects, tableDefects } from './kind.js';

export const requestPropertyRemoved = defineKind({
  kind: 'request-property-removed',
  classification: 'breaking',
  area: 'requests',
  when: 'a property the request-body table listed is no longer in it',
  why: 'requests setting it are refused or the value is ignored',
  defects: [...pageDefects, ...tableDefects],
  detect: (ctx) =>
    ctx.operations.pairs.flatMap((pair) =>
      acceptedTables(pair).flatMap(({ type, before, after }) =>
        before && after
          ? Object.keys(before)
              .filter((name) => !(name in after))
              .map((name) =>
                operationFinding(pair, {
                  location: `${pair.after.label} ${type}.${name}`,
                  before: before[name],
                  after: null,
                  message: `${type}: '${name}' is no longer accepted`,
                }),
              )
          : [],
      ),
    ),
});
