import { propertyDiffs } from '../compare/properties.js';
import { keptProperties, propertyFinding } from '../compare/property-findings.js';
import { defineKind } from './kind.js';

export const noLongerReadOnly = defineKind({
  kind: 'no-longer-read-only',
  classification: 'non-breaking',
  area: 'properties',
  when: 'a read-only property is now writable',
  why: 'requests that did not set it are still valid',
  detect: (ctx) =>
    propertyDiffs(ctx).flatMap((diff) =>
      keptProperties(diff)
        .filter(([, a, b]) => a?.readOnly === true && b?.readOnly !== true)
        .map(([p]) =>
          propertyFinding(diff, p, {
            before: true,
            after: false,
            message: `${diff.pair.name}.${p} is no longer read-only`,
          }),
        ),
    ),
});
