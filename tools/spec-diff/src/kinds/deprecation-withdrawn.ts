import { propertyDiffs } from '../compare/properties.js';
import { keptProperties, propertyFinding, removalDateOf } from '../compare/property-findings.js';
import { defineKind } from './kind.js';

export const deprecationWithdrawn = defineKind({
  kind: 'deprecation-withdrawn',
  classification: 'non-breaking',
  area: 'properties',
  when: 'a deprecated property is no longer marked deprecated',
  why: 'it keeps working; clients need not move off it',
  detect: (ctx) =>
    propertyDiffs(ctx).flatMap((diff) =>
      keptProperties(diff)
        .filter(([, a, b]) => a?.deprecated === true && b?.deprecated !== true)
        .map(([p, a]) =>
          propertyFinding(diff, p, {
            before: { deprecated: true, removalDate: removalDateOf(a) ?? null },
            after: null,
            message: `${diff.pair.name}.${p} is no longer deprecated`,
          }),
        ),
    ),
});
