import { typeFinding } from '../compare/findings.js';
import { defineKind, pageDefects, tableDefects } from './kind.js';

export const enumMemberRemoved = defineKind({
  kind: 'enum-member-removed',
  classification: 'breaking',
  area: 'types',
  when: 'an enum member is gone',
  why: 'requests sending it are refused; code naming it no longer compiles',
  defects: [...pageDefects, ...tableDefects, 'enum-members-differ'],
  detect: (ctx) =>
    ctx.types.pairs.flatMap((pair) => {
      if (!pair.before.enum || !pair.after.enum) return [];
      const after = pair.after.enum.map(String);
      return pair.before.enum
        .map(String)
        .filter((m) => !after.includes(m))
        .map((m) =>
          typeFinding(pair, {
            before: m,
            after: null,
            message: `${pair.name}: the member '${m}' was removed`,
          }),
        );
    }),
});
