import { propertyDiffs } from '../compare/properties.js';
import { propertyFinding, removalDateOf } from '../compare/property-findings.js';
import { typeText } from '../compare/types.js';
import { defineKind, pageDefects, tableDefects } from './kind.js';

export const propertyRemoved = defineKind({
  kind: 'property-removed',
  classification: 'breaking',
  area: 'properties',
  when: 'a property is gone (and not inherited from a base type instead)',
  why: 'code reading or writing it breaks, deprecated or not',
  defects: [...pageDefects, ...tableDefects, 'properties-empty'],
  detect: (ctx) =>
    propertyDiffs(ctx).flatMap((diff) =>
      diff.removed.map((p) => {
        const schema = diff.before[p];
        const date = removalDateOf(schema);
        const deprecated = schema?.deprecated
          ? ` (it was deprecated${date ? `, to be removed on ${date}` : ''})`
          : '';
        return propertyFinding(diff, p, {
          before: typeText(schema),
          after: null,
          message: `${diff.pair.name}: '${p}' was removed${deprecated}`,
        });
      }),
    ),
});
