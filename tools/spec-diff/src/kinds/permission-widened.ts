import { operationFinding } from '../compare/findings.js';
import { permissionDiffs } from '../compare/permissions.js';
import { permissionsSource } from '../sources.js';
import { defineKind, pageDefects, tableDefects } from './kind.js';
import { permissionDefects } from './permission-narrowed.js';

export const permissionWidened = defineKind({
  kind: 'permission-widened',
  classification: 'non-breaking',
  area: 'permissions',
  when: 'a permission now grants access (and none stopped granting it)',
  why: 'apps keep the access they had; more permissions work',
  defects: [...pageDefects, ...tableDefects, ...permissionDefects],
  detect: (ctx) =>
    ctx.operations.pairs.flatMap((pair) =>
      permissionDiffs(pair)
        .filter((d) => d.gained.length > 0 && d.lost.length === 0 && !d.withdrawn)
        .map((d) =>
          operationFinding(pair, {
            location: `${pair.after.label} ${d.permission}`,
            before: d.before,
            after: d.after,
            message: `${d.permission}: ${d.gained.join(', ')} now grant${d.gained.length === 1 ? 's' : ''} access`,
            source: permissionsSource(pair.after, 'after'),
          }),
        ),
    ),
});
