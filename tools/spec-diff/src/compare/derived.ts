import { schemaBody } from '@sds-toolkit/openapi-model';
import type { TypePair } from '../context.js';

/** The derived types a type's discriminator maps (`#microsoft.graph.x` keys), both sides. */
export function derivedTypes(pair: TypePair): { before: string[]; after: string[] } {
  const of = (s: TypePair['before']) => Object.keys(schemaBody(s)?.discriminator?.mapping ?? {});
  return { before: of(pair.before), after: of(pair.after) };
}
