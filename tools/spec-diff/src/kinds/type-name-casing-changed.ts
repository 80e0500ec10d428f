import { schemaSource } from '../sources.js';
import { defineKind } from './kind.js';

export const typeNameCasingChanged = defineKind({
  kind: 'type-name-casing-changed',
  classification: 'documentation',
  area: 'types',
  when: 'a type whose name changed only in casing (classGroupProvisioningflow → classGroupProvisioningFlow)',
  why: 'the same type, respelled by its page: the service’s type did not change; it is compared with itself, and generated names follow the new spelling',
  defects: [
    'type-name-casing',
    'type-name-recased',
    'resource-name-mismatch',
    'type-name-mismatch',
    'example-type-casing',
  ],
  detect: (ctx) =>
    ctx.types.recased.map(([old, name]) => {
      const schema = ctx.after.components.schemas[name];
      const source = schemaSource(schema, 'after');
      return {
        location: `components.schemas.${name}`,
        before: old,
        after: name,
        message: `the type ${old} is now spelled ${name}`,
        source,
        files: source ? [source.file] : [],
        // Pages that link or show the type by its other spelling report it (type-name-casing, example-type-casing).
        names: [old, name],
      };
    }),
});
