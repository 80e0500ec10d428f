import { typeFinding } from '../compare/findings.js';
import { propertyDiffs } from '../compare/properties.js';
import { isUnknownType, typeText } from '../compare/types.js';
import { defineKind, type Finding } from './kind.js';

export const typeBecameUnknown = defineKind({
  kind: 'type-became-unknown',
  classification: 'docs-defect',
  area: 'types',
  when: 'a property had a known type and the spec no longer knows it (any), or a documented type is now only linked',
  defects: [
    'type-unknown',
    'type-external',
    'link-broken',
    'type-name-typo',
    'page-unreadable',
    'page-empty',
  ],
  why: 'the docs lost the type (type-unknown, a broken link, a missing page): the service did not change the values it sends',
  detect: (ctx) => {
    const findings: Finding[] = [];
    for (const diff of propertyDiffs(ctx))
      for (const p of diff.kept) {
        const a = diff.before[p];
        const b = diff.after[p];
        if (isUnknownType(a) || !isUnknownType(b)) continue;
        findings.push(
          typeFinding(
            diff.pair,
            {
              before: typeText(a),
              after: typeText(b),
              message: `${diff.pair.name}.${p}: the type ${typeText(a)} is no longer known; the spec accepts any value`,
            },
            `.properties.${p}`,
          ),
        );
      }
    for (const pair of ctx.types.pairs)
      if (pair.before['x-docs-external'] !== true && pair.after['x-docs-external'] === true)
        findings.push(
          typeFinding(pair, {
            before: pair.name,
            after: 'external',
            message: `${pair.name} is no longer documented in the folder; pages still link it, so it is an open object`,
          }),
        );
    return findings;
  },
});
