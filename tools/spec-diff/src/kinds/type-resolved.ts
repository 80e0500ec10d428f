import { typeFinding } from '../compare/findings.js';
import { propertyDiffs } from '../compare/properties.js';
import { isUnknownType, typeText } from '../compare/types.js';
import { defineKind, type Finding } from './kind.js';

export const typeResolved = defineKind({
  kind: 'type-resolved',
  classification: 'documentation',
  area: 'types',
  when: 'a property whose type the spec did not know (any) now has one, or a type of another namespace is now documented',
  defects: ['type-unknown', 'link-broken', 'type-name-typo', 'type-external'],
  why: 'not an API change: the previous spec did not know the type, so values of the documented type were always what the service sent',
  detect: (ctx) => {
    const findings: Finding[] = [];
    for (const diff of propertyDiffs(ctx))
      for (const p of diff.kept) {
        const a = diff.before[p];
        const b = diff.after[p];
        if (!isUnknownType(a) || isUnknownType(b)) continue;
        findings.push(
          typeFinding(
            diff.pair,
            {
              before: typeText(a),
              after: typeText(b),
              message: `${diff.pair.name}.${p}: the type is now known: ${typeText(b)} (the spec had any value)`,
            },
            `.properties.${p}`,
          ),
        );
      }
    for (const pair of ctx.types.pairs)
      if (pair.before['x-docs-external'] === true && pair.after['x-docs-external'] !== true)
        findings.push(
          typeFinding(pair, {
            before: 'external',
            after: pair.name,
            message: `${pair.name} is now documented (it was a type of another namespace, an open object)`,
          }),
        );
    return findings;
  },
});
