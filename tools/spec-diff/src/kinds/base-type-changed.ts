import { baseTypeName } from '@sds-toolkit/openapi-model';
import { typeFinding } from '../compare/findings.js';
import { comparableTypes } from '../compare/properties.js';
import { defineKind, pageDefects } from './kind.js';

export const baseTypeChanged = defineKind({
  kind: 'base-type-changed',
  classification: 'breaking',
  area: 'types',
  when: 'a type inherits from another base type (or from none)',
  why: 'inherited properties and the place in the discriminator hierarchy change',
  defects: [...pageDefects, 'base-type-mismatch', 'base-type-inferred', 'base-type-undocumented'],
  detect: (ctx) =>
    comparableTypes(ctx).flatMap((pair) => {
      const before = baseTypeName(pair.before);
      const after = baseTypeName(pair.after);
      if (before === after) return [];
      return [
        typeFinding(pair, {
          before: before ?? null,
          after: after ?? null,
          message: `${pair.name}: the base type changed from ${before ?? 'none'} to ${after ?? 'none'}`,
        }),
      ];
    }),
});
