import { singleTypeFinding } from '../compare/findings.js';
import { defineKind, pageDefects } from './kind.js';

export const schemaRemoved = defineKind({
  kind: 'schema-removed',
  classification: 'breaking',
  area: 'types',
  when: 'a type the new revision no longer has',
  why: 'code using its model no longer compiles; payloads of that type are no longer described',
  defects: [...pageDefects, 'resource-unnamed', 'resource-annotation-missing'],
  detect: (ctx) =>
    ctx.types.removed.map((name) =>
      singleTypeFinding(name, ctx.before.components.schemas[name], 'before', {
        before: name,
        after: null,
        message: `the type ${name} was removed`,
      }),
    ),
});
