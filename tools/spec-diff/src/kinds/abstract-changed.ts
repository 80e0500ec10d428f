import type { SchemaObject } from '@sds-toolkit/openapi-model';
import { typeFinding } from '../compare/findings.js';
import { defineKind } from './kind.js';

const isAbstract = (schema: SchemaObject) => schema['x-ms-abstract'] === true;

/**
 * A type's page now says it is abstract ("This is an abstract type."), or no longer says so. Graph's abstract
 * types are bases whose payloads always name a subtype (`@odata.type`): the sentence describes what the service
 * already did, so the change is the docs', not the API's; it is named so that nothing the pages say is lost.
 */
export const abstractChanged = defineKind({
  kind: 'abstract-changed',
  classification: 'documentation',
  area: 'types',
  when: 'a type is now documented as abstract, or no longer is',
  why: 'payloads of an abstract type always name one of its subtypes; the docs now say so (or stop saying so): the service did not change what it sends or accepts',
  detect: (ctx) =>
    ctx.types.pairs
      .filter((pair) => isAbstract(pair.before) !== isAbstract(pair.after))
      .map((pair) =>
        typeFinding(pair, {
          before: isAbstract(pair.before),
          after: isAbstract(pair.after),
          message: isAbstract(pair.after)
            ? `${pair.name} is now documented as abstract (payloads name one of its subtypes)`
            : `${pair.name} is no longer documented as abstract`,
        }),
      ),
});
