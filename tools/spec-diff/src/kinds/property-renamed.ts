import { propertyDiffs } from '../compare/properties.js';
import { propertyFinding } from '../compare/property-findings.js';
import { defineKind, pageDefects } from './kind.js';

export const propertyRenamed = defineKind({
  kind: 'property-renamed',
  classification: 'breaking',
  area: 'properties',
  when: 'a property gone and a new one of the same type with a near name (casing, a typo)',
  why: 'the wire name changed: code using the old name breaks',
  defects: [...pageDefects, 'example-property-casing'],
  detect: (ctx) =>
    propertyDiffs(ctx).flatMap((diff) =>
      diff.renamed.map(([old, name]) =>
        propertyFinding(diff, old, {
          before: old,
          after: name,
          message: `${diff.pair.name}: '${old}' was renamed '${name}'`,
        }),
      ),
    ),
});
