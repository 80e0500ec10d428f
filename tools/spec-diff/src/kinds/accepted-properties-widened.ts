import { operationFinding } from '../compare/findings.js';
import { acceptedTables, requestTypesOf } from '../compare/requests.js';
import { defineKind, pageDefects, tableDefects } from './kind.js';

export const acceptedPropertiesWidened = defineKind({
  kind: 'accepted-properties-widened',
  classification: 'non-breaking',
  area: 'requests',
  when: 'a request-body table is gone: every writable property of the type is accepted',
  why: 'what was accepted still is',
  defects: [...pageDefects, ...tableDefects],
  detect: (ctx) =>
    ctx.operations.pairs.flatMap((pair) =>
      acceptedTables(pair)
        .filter((t) => t.before && !t.after && requestTypesOf(pair.after.operation).includes(t.type))
        .map((t) =>
          operationFinding(pair, {
            before: Object.keys(t.before ?? {}),
            after: 'any',
            message: `${t.type}: the request-body table is gone; every writable property is accepted`,
          }),
        ),
    ),
});
