import { singleTypeFinding } from '../compare/findings.js';
import { defineKind, pageDefects } from './kind.js';

export const schemaAdded = defineKind({
  kind: 'schema-added',
  classification: 'non-breaking',
  area: 'types',
  when: 'a type the old revision does not have',
  why: 'existing code is unaffected; the client gains a model',
  defects: [...pageDefects],
  detect: (ctx) =>
    ctx.types.added.map((name) =>
      singleTypeFinding(name, ctx.after.components.schemas[name], 'after', {
        before: null,
        after: name,
        message: `the type ${name} was added`,
      }),
    ),
});
