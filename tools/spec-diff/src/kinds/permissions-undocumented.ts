import { operationFinding } from '../compare/findings.js';
import { defineKind, pageDefects } from './kind.js';
import { permissionDefects } from './permission-narrowed.js';

export const permissionsUndocumented = defineKind({
  kind: 'permissions-undocumented',
  classification: 'docs-defect',
  area: 'permissions',
  when: 'an operation had a permissions table and has none (a missing include, a table no longer read)',
  defects: [...pageDefects, ...permissionDefects],
  why: 'the docs lost the table (permissions-missing, permissions-include-missing); the service did not change what it requires',
  detect: (ctx) =>
    ctx.operations.pairs
      .filter((pair) => pair.before.operation['x-permissions'] && !pair.after.operation['x-permissions'])
      .map((pair) =>
        operationFinding(pair, {
          before: pair.before.operation['x-permissions'],
          after: null,
          message: `${pair.after.label}: no permissions table any more; the permissions it requires are unknown`,
        }),
      ),
});
