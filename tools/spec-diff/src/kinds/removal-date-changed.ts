import { propertyDiffs } from '../compare/properties.js';
import { keptProperties, propertyFinding, removalDateOf } from '../compare/property-findings.js';
import { defineKind } from './kind.js';

export const removalDateChanged = defineKind({
  kind: 'removal-date-changed',
  classification: 'non-breaking',
  area: 'properties',
  when: 'a deprecated property’s removal date was given, changed or dropped',
  why: 'the property still works; the date clients must move off it by changed',
  detect: (ctx) =>
    propertyDiffs(ctx).flatMap((diff) =>
      keptProperties(diff)
        .filter(([, a, b]) => a?.deprecated === true && b?.deprecated === true)
        .filter(([, a, b]) => removalDateOf(a) !== removalDateOf(b))
        .map(([p, a, b]) =>
          propertyFinding(diff, p, {
            before: removalDateOf(a) ?? null,
            after: removalDateOf(b) ?? null,
            message: `${diff.pair.name}.${p}: the removal date is now ${removalDateOf(b) ?? 'not given'} (was ${removalDateOf(a) ?? 'not given'})`,
          }),
        ),
    ),
});
