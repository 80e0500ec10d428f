import { propertyDiffs } from '../compare/properties.js';
import { keptProperties, propertyFinding } from '../compare/property-findings.js';
import { defineKind } from './kind.js';

export const madeReadOnly = defineKind({
  kind: 'made-read-only',
  classification: 'breaking',
  area: 'properties',
  when: 'a writable property is now read-only',
  why: 'requests setting it are refused',
  detect: (ctx) =>
    propertyDiffs(ctx).flatMap((diff) =>
      keptProperties(diff)
        .filter(([, a, b]) => a?.readOnly !== true && b?.readOnly === true)
        .map(([p]) =>
          propertyFinding(diff, p, {
            before: false,
            after: true,
            message: `${diff.pair.name}.${p} is now read-only`,
          }),
        ),
    ),
});
