import { propertyDiffs } from '../compare/properties.js';
import { keptProperties, propertyFinding, removalDateOf } from '../compare/property-findings.js';
import { defineKind } from './kind.js';

export const deprecationAdded = defineKind({
  kind: 'deprecation-added',
  classification: 'non-breaking',
  area: 'properties',
  when: 'a property is now marked deprecated (with the removal date when the page gives one)',
  why: 'it still works; the notice tells clients to move off it before it goes',
  detect: (ctx) =>
    propertyDiffs(ctx).flatMap((diff) =>
      keptProperties(diff)
        .filter(([, a, b]) => a?.deprecated !== true && b?.deprecated === true)
        .map(([p, , b]) => {
          const date = removalDateOf(b);
          return propertyFinding(diff, p, {
            before: null,
            after: { deprecated: true, removalDate: date ?? null },
            message: `${diff.pair.name}.${p} is deprecated; ${date ? `the docs say it will be removed on ${date}` : 'the docs give no removal date'}`,
          });
        }),
    ),
});
