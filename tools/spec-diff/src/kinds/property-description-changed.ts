import { prose } from '../compare/findings.js';
import { propertyDiffs } from '../compare/properties.js';
import { keptProperties, propertyFinding } from '../compare/property-findings.js';
import { defineKind } from './kind.js';

export const propertyDescriptionChanged = defineKind({
  kind: 'property-description-changed',
  classification: 'documentation',
  area: 'properties',
  when: 'the description of a property changed (white space aside)',
  why: 'words only: no request or response changes',
  defects: ['description-swapped'],
  detect: (ctx) =>
    propertyDiffs(ctx).flatMap((diff) =>
      keptProperties(diff)
        .filter(([, a, b]) => prose(a?.description) !== prose(b?.description))
        .map(([p, a, b]) =>
          propertyFinding(diff, p, {
            before: a?.description ?? null,
            after: b?.description ?? null,
            message: `${diff.pair.name}.${p}: the description changed`,
          }),
        ),
    ),
});
