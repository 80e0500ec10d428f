import { derivedTypes } from '../compare/derived.js';
import { typeFinding } from '../compare/findings.js';
import { defineKind, pageDefects } from './kind.js';

export const discriminatorMappingRemoved = defineKind({
  kind: 'discriminator-mapping-removed',
  classification: 'breaking',
  area: 'types',
  when: 'a derived type is no longer one of a type’s subtypes',
  why: 'payloads of that subtype are no longer read as such',
  defects: [...pageDefects, 'base-type-mismatch', 'base-type-inferred'],
  detect: (ctx) =>
    ctx.types.pairs.flatMap((pair) => {
      const { before, after } = derivedTypes(pair);
      return before
        .filter((m) => !after.includes(m))
        .map((m) =>
          typeFinding(pair, {
            before: m,
            after: null,
            message: `${pair.name}: ${m} is no longer one of its derived types`,
          }),
        );
    }),
});
