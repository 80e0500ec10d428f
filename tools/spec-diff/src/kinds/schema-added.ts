import { singleTypeFinding } from '../compare/findings.js';
import { unresolvedTypeNames } from '../compare/types.js';
import { defineKind, pageDefects } from './kind.js';

export const schemaAdded = defineKind({
  kind: 'schema-added',
  classification: 'non-breaking',
  area: 'types',
  when: 'a type the old revision does not have (one its properties named without knowing it: type-resolved)',
  why: 'existing code is unaffected; the client gains a model',
  defects: [...pageDefects],
  detect: (ctx) =>
    ctx.types.added
      .filter((name) => !unresolvedTypeNames(ctx.before).has(name))
      .map((name) =>
        singleTypeFinding(name, ctx.after.components.schemas[name], 'after', {
          before: null,
          after: name,
          message: `the type ${name} was added`,
        }),
      ),
});
