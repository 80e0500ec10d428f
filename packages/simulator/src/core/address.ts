import { shortName } from '@sds-toolkit/openapi-model';
import type { EntitySet, Model, OperationModel } from '../model/model.js';
import { childCollection } from '../store/store.js';
import type { Addressed } from './context.js';
import { notFound } from './problem.js';
import type { Transaction } from './transaction.js';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** GUID keys are matched whatever their case (Graph's are): stored lower-case, looked up lower-case. */
export const normalizeKey = (id: string): string => (guid.test(id) ? id.toLowerCase() : id);

export { shortName };

/** The sets from the root down to `set`: `[outboundProvisioningFlowSets, provisioningFlows]`. */
export function chainOf(set: EntitySet): EntitySet[] {
  const chain: EntitySet[] = [];
  for (let s: EntitySet | undefined = set; s; s = s.parent) chain.unshift(s);
  return chain;
}

/** Where the entities of `set` live for these keys (a contained set lives under its parent entity). */
export function collectionOf(set: EntitySet, params: Readonly<Record<string, string>>): string {
  let collection = '';
  let id = '';
  for (const s of chainOf(set)) {
    collection = childCollection(collection, id, s.name);
    id = normalizeKey(params[s.keyParam] ?? '');
  }
  return collection;
}

/**
 * Finds the entities a request's path names, outermost first: a 404 names the first one missing, and for a
 * contained one, the entity it was looked for in.
 */
export async function resolve(
  model: Model,
  tx: Transaction,
  operation: OperationModel,
  params: Readonly<Record<string, string>>,
): Promise<{ path: Addressed[]; target: Addressed | undefined; collection: string | undefined }> {
  const set = operation.set;
  if (!set) return { path: [], target: undefined, collection: undefined };
  const addressesItem = operation.kind !== 'list' && operation.kind !== 'create';
  const chain = chainOf(set);
  if (!addressesItem) chain.pop();
  const path: Addressed[] = [];
  let collection = '';
  let id = '';
  for (const s of chain) {
    collection = childCollection(collection, id, s.name);
    id = normalizeKey(params[s.keyParam] ?? '');
    const entity = await tx.get(collection, id);
    if (!entity) {
      const parent = path.at(-1);
      throw notFound(
        parent
          ? `${shortName(parent.type)} '${parent.id}' has no ${shortName(s.type)} with the id '${id}'`
          : `no ${shortName(s.type)} has the id '${id}'`,
      );
    }
    path.push({ collection, id, entity, type: model.typeOfEntity(entity, s.type) });
  }
  if (addressesItem) return { path, target: path.at(-1), collection: undefined };
  return { path, target: undefined, collection: childCollection(collection, id, set.name) };
}

/** The OData path of a collection for `@odata.context`: `outboundProvisioningFlowSets('id')/provisioningFlows`. */
export function contextPathOf(collection: string): string {
  const parts = collection.split('/');
  let out = '';
  for (let i = 0; i < parts.length; i += 2) {
    const name = parts[i] ?? '';
    const id = parts[i + 1];
    out += `${out ? '/' : ''}${name}${id !== undefined ? `('${decodeURIComponent(id).replaceAll("'", "''")}')` : ''}`;
  }
  return out;
}

/** The canonical API path of a collection: `/outboundProvisioningFlowSets/<id>/provisioningFlows`. */
export const apiPathOf = (collection: string): string => (collection ? `/${collection}` : '');
