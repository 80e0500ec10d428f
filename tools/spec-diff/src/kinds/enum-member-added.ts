import { typeFinding } from '../compare/findings.js';
import { defineKind, pageDefects, tableDefects } from './kind.js';

export const enumMemberAdded = defineKind({
  kind: 'enum-member-added',
  classification: 'non-breaking',
  area: 'types',
  when: 'an enum has a new member',
  why: 'Graph enums are evolvable (unknownFutureValue): clients must already accept members they do not know',
  defects: [...pageDefects, ...tableDefects, 'enum-members-differ'],
  detect: (ctx) =>
    ctx.types.pairs.flatMap((pair) => {
      if (!pair.before.enum || !pair.after.enum) return [];
      const before = pair.before.enum.map(String);
      return pair.after.enum
        .map(String)
        .filter((m) => !before.includes(m))
        .map((m) =>
          typeFinding(pair, { before: null, after: m, message: `${pair.name}: the member '${m}' was added` }),
        );
    }),
});
