import { derivedTypes } from '../compare/derived.js';
import { typeFinding } from '../compare/findings.js';
import { defineKind, pageDefects } from './kind.js';

export const discriminatorMappingAdded = defineKind({
  kind: 'discriminator-mapping-added',
  classification: 'non-breaking',
  area: 'types',
  when: 'a type has a new derived type',
  why: 'payloads of the known types are unchanged; a client must already accept subtypes it does not know',
  defects: [...pageDefects, 'base-type-mismatch', 'base-type-inferred'],
  detect: (ctx) =>
    ctx.types.pairs.flatMap((pair) => {
      const { before, after } = derivedTypes(pair);
      return after
        .filter((m) => !before.includes(m))
        .map((m) =>
          typeFinding(pair, { before: null, after: m, message: `${pair.name}: ${m} is a new derived type` }),
        );
    }),
});
