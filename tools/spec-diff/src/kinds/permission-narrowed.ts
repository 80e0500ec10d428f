import { operationFinding } from '../compare/findings.js';
import { permissionDiffs } from '../compare/permissions.js';
import { permissionsSource } from '../sources.js';
import { defineKind, pageDefects, tableDefects } from './kind.js';

/** Defects of permissions tables and their include files. */
export const permissionDefects = [
  'permissions-missing',
  'permissions-include-missing',
  'permissions-table-missing',
  'permissions-table-unrecognised',
  'permissions-row-unknown',
  'permissions-conflict',
] as const;

export const permissionNarrowed = defineKind({
  kind: 'permission-narrowed',
  classification: 'breaking',
  area: 'permissions',
  when: 'a permission that granted access no longer does, or a permission type is no longer supported',
  why: 'apps consented to that permission only get 403',
  defects: [...pageDefects, ...tableDefects, ...permissionDefects],
  detect: (ctx) =>
    ctx.operations.pairs.flatMap((pair) =>
      permissionDiffs(pair)
        .filter((d) => d.lost.length > 0 || d.withdrawn)
        .map((d) =>
          operationFinding(pair, {
            location: `${pair.after.label} ${d.permission}`,
            before: d.before,
            after: d.withdrawn ? 'not supported' : d.after,
            message: `${d.permission}: ${d.lost.length > 0 ? `${d.lost.join(', ')} no longer grant${d.lost.length === 1 ? 's' : ''} access` : 'no longer supported'}`,
            source: permissionsSource(pair.after, 'after'),
          }),
        ),
    ),
});
