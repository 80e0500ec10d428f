import { type Json, setKey } from '../json.js';
import { childCollection } from '../store/store.js';
import { shortName } from './address.js';
import type { Outcome, RequestContext } from './context.js';
import { ErrorCode } from './odata-error.js';
import { notFound, Problem } from './problem.js';
import { refSuffix, type StoredRef } from './render.js';

/** Timestamps the service keeps on the types that have them. */
const created = 'createdDateTime';
const modified = 'lastModifiedDateTime';

/** A copy of `entity` with `key` first (so answers start with `@odata.type`, then `id`, as Graph's do). */
function ordered(entity: Json, first: readonly string[]): Json {
  const out: Json = {};
  for (const key of first) if (Object.hasOwn(entity, key)) setKey(out, key, entity[key]);
  for (const key of Object.keys(entity)) if (!Object.hasOwn(out, key)) setKey(out, key, entity[key]);
  return out;
}

/**
 * PATCH as Graph does it: each property given replaces the stored one (a complex value such as a flow's
 * `configuration` as a whole, not merged), `null` clears it, a property left out stays.
 */
export function merge(current: Json, patch: Json): Json {
  const result: Json = { ...current };
  for (const key of Object.keys(patch)) {
    const value = patch[key];
    if (value === null) delete result[key];
    else setKey(result, key, value);
  }
  return result;
}

const hasProperty = (context: RequestContext, type: string, name: string) =>
  context.env.model.catalogue.properties(type).has(name);

/** The default handlers: plain CRUD on the spec's sets, navigation through stored references. */
export async function defaultHandler(context: RequestContext): Promise<Outcome> {
  const { operation, tx, env } = context;
  const now = new Date(env.clock.now()).toISOString();
  switch (operation.kind) {
    case 'root':
      return {
        kind: 'entity',
        status: 200,
        collection: '',
        entity: { '@odata.type': `#${env.model.rootType}` },
      };
    case 'list':
      return {
        kind: 'collection',
        collection: context.collection ?? '',
        items: await tx.list(context.collection ?? ''),
      };
    case 'get': {
      const target = context.target;
      if (!target) throw notFound('nothing at this path');
      return { kind: 'entity', status: 200, collection: target.collection, entity: target.entity };
    }
    case 'create': {
      const set = operation.set;
      const collection = context.collection;
      if (!set || collection === undefined) throw notFound('nothing at this path');
      const body = context.body ?? {};
      const written =
        typeof body['@odata.type'] === 'string'
          ? env.model.catalogue.typeNamed(body['@odata.type'])
          : undefined;
      const type = written ?? set.type;
      const entity: Json = { '@odata.type': `#${type}` };
      for (const key of Object.keys(body)) if (key !== '@odata.type') setKey(entity, key, body[key]);
      entity.id = env.newId();
      if (hasProperty(context, type, created)) entity[created] = now;
      if (hasProperty(context, type, modified)) entity[modified] = now;
      Object.assign(entity, context.serverSet);
      const stored = ordered(entity, ['@odata.type', 'id']);
      tx.put(collection, stored);
      return { kind: 'entity', status: operation.successStatus, collection, entity: stored };
    }
    case 'update': {
      const target = context.target;
      if (!target) throw notFound('nothing at this path');
      const updated = merge(target.entity, context.body ?? {});
      // The type an entity was created as stays (a body names it only to say which properties it has).
      updated['@odata.type'] = target.entity['@odata.type'];
      updated.id = target.entity.id;
      if (hasProperty(context, target.type, modified)) updated[modified] = now;
      Object.assign(updated, context.serverSet);
      tx.put(target.collection, updated);
      return { kind: 'empty', status: operation.successStatus };
    }
    case 'delete': {
      const target = context.target;
      if (!target) throw notFound('nothing at this path');
      tx.delete(target.collection, target.id);
      return { kind: 'empty', status: operation.successStatus };
    }
    case 'navigation': {
      const target = context.target;
      const name = operation.navigation ?? '';
      if (!target) throw notFound('nothing at this path');
      const navigation = env.model.navigations(target.type).get(name);
      if (navigation?.collection) {
        const collection = childCollection(target.collection, target.id, name);
        return { kind: 'collection', collection, items: await tx.list(collection) };
      }
      const ref = target.entity[`${name}${refSuffix}`] as StoredRef | undefined;
      const related = ref ? await tx.get(ref.collection, ref.id) : undefined;
      if (operation.result?.collection) {
        // The spec documents this navigation as a collection: the related entity, if any, is its one item.
        return { kind: 'collection', collection: ref?.collection ?? '', items: related ? [related] : [] };
      }
      if (!related || !ref) throw notFound(`${shortName(target.type)} '${target.id}' has no ${name}`);
      return { kind: 'entity', status: 200, collection: ref.collection, entity: related };
    }
    default:
      // Every action and function of the spec has a behaviour (a test checks it); reaching here is a gap.
      throw new Problem(
        501,
        ErrorCode.notImplemented,
        `${operation.info.alias ?? operation.id} has no behaviour in the simulator yet`,
      );
  }
}
