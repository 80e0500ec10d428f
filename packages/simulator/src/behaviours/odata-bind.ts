import { shortName } from '@sds-toolkit/openapi-model';
import type { Behaviour, Env, RequestContext } from '../core/context.js';
import { badRequest } from '../core/problem.js';
import { refSuffix, type StoredRef } from '../core/render.js';
import type { Transaction } from '../core/transaction.js';
import { isObject, type Json, setKey } from '../json.js';
import type { Model } from '../model/model.js';

const bindSuffix = '@odata.bind';

/** The API path a bind names, whatever the host: `https://graph.microsoft.com/beta/x/y`, `/x/y`, `x/y`. */
function pathOf(value: string): string | undefined {
  try {
    return new URL(value).pathname;
  } catch {
    if (/^[a-z][\w+.-]*:/i.test(value)) return undefined;
    const path = value.split(/[?#]/)[0] ?? '';
    return path.startsWith('/') ? path : `/${path}`;
  }
}

/**
 * Resolves every `name@odata.bind` of a body (nested ones included) to the entity it names, refusing with a
 * 400 a bind to nothing, to an entity of the wrong type, or on a property that is no navigation property.
 */
export async function resolveBinds(
  env: Env,
  model: Model,
  tx: Transaction,
  value: unknown,
  type: string | undefined,
  pointer: string,
): Promise<unknown> {
  if (Array.isArray(value))
    return Promise.all(value.map((v, i) => resolveBinds(env, model, tx, v, type, `${pointer}/${i}`)));
  if (!isObject(value)) return value;
  const written = value['@odata.type'];
  const holder = (typeof written === 'string' && model.catalogue.typeNamed(written)) || type;
  const properties = holder ? model.knownProperties(holder) : new Map();
  const out: Json = {};
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (!key.endsWith(bindSuffix)) {
      const schema = properties.get(key);
      setKey(
        out,
        key,
        await resolveBinds(
          env,
          model,
          tx,
          v,
          schema ? model.typeOf(schema)?.type : undefined,
          `${pointer}/${key}`,
        ),
      );
      continue;
    }
    const name = key.slice(0, -bindSuffix.length);
    const at = `${pointer}/${key}`;
    const navigation = holder ? model.navigations(holder).get(name) : undefined;
    if (!navigation)
      throw badRequest(
        `${at}: ${holder ? shortName(holder) : 'this object'} has no navigation property '${name}' to bind (its navigation properties: ${[...(holder ? model.navigations(holder).keys() : [])].join(', ') || 'none'})`,
      );
    if (v === null) {
      setKey(out, `${name}${refSuffix}`, null);
      continue;
    }
    if (navigation.collection || typeof v !== 'string')
      throw badRequest(
        `${at}: bind one ${shortName(navigation.type)} by its URL, e.g. "https://graph.microsoft.com/beta/…/<id>"`,
      );
    const path = pathOf(v);
    const located = path ? env.locate(path) : undefined;
    if (!located)
      throw badRequest(
        `${at}: '${v}' does not name an entity of this API (a URL such as …/external/industryData/<set>/<id>)`,
      );
    if (!model.isA(located.type, navigation.type) && !model.isA(navigation.type, located.type))
      throw badRequest(
        `${at}: '${v}' names a ${shortName(located.type)}; ${name} takes a ${shortName(navigation.type)}`,
      );
    const target = await tx.get(located.collection, located.id);
    if (!target)
      throw badRequest(
        `${at}: '${v}' names no entity: there is no ${shortName(located.type)} with the id '${located.id}'`,
      );
    if (!model.isA(model.typeOfEntity(target, located.type), navigation.type))
      throw badRequest(
        `${at}: '${v}' is a ${shortName(model.typeOfEntity(target, located.type))}; ${name} takes a ${shortName(navigation.type)}`,
      );
    const ref: StoredRef = { collection: located.collection, id: located.id };
    setKey(out, `${name}${refSuffix}`, ref);
  }
  return out;
}

/** The body's type for binds: what it names, else what the operation's set holds. */
function bodyType(context: RequestContext): string | undefined {
  return context.target?.type ?? context.operation.set?.type ?? context.operation.info.requestType;
}

export const odataBind: Behaviour = {
  id: 'odata-bind',
  docs: 'api-reference/beta/api/industrydata-inboundfileflow-post.md',
  summary:
    "name@odata.bind (top-level or nested) is resolved by its path whatever the host, in the /id and the ('id') forms; a bind to nothing, or to the wrong type, is a 400.",
  hook(operation) {
    if (!operation.info.requestType) return undefined;
    return async (context, next) => {
      if (context.body)
        context.body = (await resolveBinds(
          context.env,
          context.env.model,
          context.tx,
          context.body,
          bodyType(context),
          '',
        )) as Json;
      return next();
    };
  },
};
