import { prose, typeFinding } from '../compare/findings.js';
import { defineKind } from './kind.js';

export const schemaDescriptionChanged = defineKind({
  kind: 'schema-description-changed',
  classification: 'documentation',
  area: 'types',
  when: 'the description of a type changed (white space aside)',
  why: 'words only: no request or response changes',
  detect: (ctx) =>
    ctx.types.pairs
      .filter((pair) => prose(pair.before.description) !== prose(pair.after.description))
      .map((pair) =>
        typeFinding(pair, {
          before: pair.before.description ?? null,
          after: pair.after.description ?? null,
          message: `${pair.name}: the description changed`,
        }),
      ),
});
