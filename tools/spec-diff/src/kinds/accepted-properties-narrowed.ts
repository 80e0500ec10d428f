import { operationFinding } from '../compare/findings.js';
import { acceptedTables, requestTypesOf } from '../compare/requests.js';
import { defineKind, pageDefects, tableDefects } from './kind.js';

export const acceptedPropertiesNarrowed = defineKind({
  kind: 'accepted-properties-narrowed',
  classification: 'breaking',
  area: 'requests',
  when: 'a request-body table appears where every writable property was accepted',
  why: 'properties outside the table are no longer accepted',
  defects: [...pageDefects, ...tableDefects],
  detect: (ctx) =>
    ctx.operations.pairs.flatMap((pair) =>
      acceptedTables(pair)
        .filter((t) => !t.before && t.after && requestTypesOf(pair.before.operation).includes(t.type))
        .map((t) =>
          operationFinding(pair, {
            before: 'any',
            after: Object.keys(t.after ?? {}),
            message: `${t.type}: only ${Object.keys(t.after ?? {}).join(', ')} are accepted now`,
          }),
        ),
    ),
});
