import { propertyDiffs } from '../compare/properties.js';
import { keptProperties, propertyFinding } from '../compare/property-findings.js';
import { isUnknownType, typeText } from '../compare/types.js';
import { defineKind, pageDefects } from './kind.js';

export const propertyTypeChanged = defineKind({
  kind: 'property-type-changed',
  classification: 'breaking',
  area: 'properties',
  when: 'a property has another known type (format and collection included)',
  why: 'values of the old type no longer fit',
  defects: [...pageDefects, 'type-name-typo', 'type-name-mismatch', 'link-broken', 'inherited-property-type'],
  detect: (ctx) =>
    propertyDiffs(ctx).flatMap((diff) =>
      keptProperties(diff)
        // From or to a type the spec did not know: type-resolved and type-became-unknown.
        .filter(([, a, b]) => typeText(a) !== typeText(b) && !isUnknownType(a) && !isUnknownType(b))
        .map(([p, a, b]) =>
          propertyFinding(diff, p, {
            before: typeText(a),
            after: typeText(b),
            message: `${diff.pair.name}.${p}: the type changed from ${typeText(a)} to ${typeText(b)}`,
          }),
        ),
    ),
});
