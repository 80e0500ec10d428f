import { propertyDiffs } from '../compare/properties.js';
import { propertyFinding } from '../compare/property-findings.js';
import { typeText } from '../compare/types.js';
import { defineKind, pageDefects, tableDefects } from './kind.js';

export const propertyAdded = defineKind({
  kind: 'property-added',
  classification: 'non-breaking',
  area: 'properties',
  when: 'a type has a new property (not one it inherited before)',
  why: 'existing payloads stay valid; clients ignore properties they do not know',
  defects: [...pageDefects, ...tableDefects, 'properties-empty', 'json-representation-extra'],
  detect: (ctx) =>
    propertyDiffs(ctx).flatMap((diff) =>
      diff.added.map((p) =>
        propertyFinding(diff, p, {
          before: null,
          after: typeText(diff.after[p]),
          message: `${diff.pair.name}: '${p}' was added`,
        }),
      ),
    ),
});
