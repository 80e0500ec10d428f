import type { Json } from '../json.js';

const flows = /(^|\/)provisioningFlows$/;

/**
 * The value an entity holds unique in its collection, if any: the stores keep it in a unique index (the
 * database, not only the behaviour's check, refuses a second one), so that several simulator processes on one
 * state still answer exactly one 201. Each rule is a documented behaviour's:
 * - `one-flow-per-type`: a flow set holds at most one provisioning flow of each type
 *   (resources/industrydata-outboundprovisioningflowset.md);
 * - `reference-definition-key`: a reference definition's sortIndex is unique within its referenceType (its code
 *   is, through its id `{referenceType}-{code}`) (resources/industrydata-referencedefinition.md).
 */
export function uniqueKey(collection: string, entity: Json): string | undefined {
  if (flows.test(collection) && typeof entity['@odata.type'] === 'string')
    return `@odata.type=${entity['@odata.type']}`;
  if (collection === 'referenceDefinitions' && entity.sortIndex !== undefined && entity.sortIndex !== null)
    return `sortIndex=${String(entity.referenceType)}/${String(entity.sortIndex)}`;
  return undefined;
}

/** What a store says when a unique value is taken. */
export const uniqueTaken = (collection: string, key: string, id: string): string =>
  `'${id}' cannot be stored in ${collection}: ${key} is taken there by another entity (a unique index of the store); read the state again and retry`;
