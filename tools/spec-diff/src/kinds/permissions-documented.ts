import { operationFinding } from '../compare/findings.js';
import { defineKind, pageDefects } from './kind.js';
import { permissionDefects } from './permission-narrowed.js';

export const permissionsDocumented = defineKind({
  kind: 'permissions-documented',
  classification: 'documentation',
  area: 'permissions',
  when: 'an operation without a permissions table now has one',
  defects: [...pageDefects, ...permissionDefects],
  why: 'not an API change: the previous spec did not know the permissions',
  detect: (ctx) =>
    ctx.operations.pairs
      .filter((pair) => !pair.before.operation['x-permissions'] && pair.after.operation['x-permissions'])
      .map((pair) =>
        operationFinding(pair, {
          before: null,
          after: pair.after.operation['x-permissions'],
          message: `${pair.after.label}: the permissions it requires are now documented`,
        }),
      ),
});
