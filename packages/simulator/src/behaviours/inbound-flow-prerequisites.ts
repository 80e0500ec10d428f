import { shortName, withArticle } from '@sds-toolkit/openapi-model';
import type { Behaviour, RequestContext } from '../core/context.js';
import { badRequest } from '../core/problem.js';
import { refSuffix, type StoredRef } from '../core/render.js';
import type { Json } from '../json.js';

const ns = 'microsoft.graph.industryData.';

/** The kind of connector each kind of inbound flow reads from. */
const connectorFor: Readonly<Record<string, string>> = {
  [`${ns}inboundFileFlow`]: `${ns}fileDataConnector`,
  [`${ns}inboundApiFlow`]: `${ns}apiDataConnector`,
};

async function check(context: RequestContext, flow: Json, type: string): Promise<void> {
  const { env, tx } = context;
  const connectorRef = flow[`dataConnector${refSuffix}`] as StoredRef | null | undefined;
  const yearRef = flow[`year${refSuffix}`] as StoredRef | null | undefined;
  if (!connectorRef)
    throw badRequest(
      `an ${shortName(type)} needs its data connector: add "dataConnector@odata.bind": "https://graph.microsoft.com/beta/external/industryData/dataConnectors/<id>"`,
    );
  if (!yearRef)
    throw badRequest(
      `an ${shortName(type)} needs the year its data is for: add "year@odata.bind": "https://graph.microsoft.com/beta/external/industryData/years/<id>"`,
    );
  const connector = await tx.get(connectorRef.collection, connectorRef.id);
  if (!connector) throw badRequest(`the data connector '${connectorRef.id}' does not exist`);
  const connectorType = env.model.typeOfEntity(connector, '');
  const wanted = connectorFor[type];
  if (wanted && !env.model.isA(connectorType, wanted))
    throw badRequest(
      `${withArticle(shortName(type))} reads from ${withArticle(shortName(wanted))}; the connector '${connectorRef.id}' is ${withArticle(shortName(connectorType))}`,
    );
  if (!connector[`sourceSystem${refSuffix}`])
    throw badRequest(
      `the connector '${connectorRef.id}' has no source system: bind one to it ("sourceSystem@odata.bind") before creating a flow that reads from it`,
    );
}

/**
 * An inbound flow needs what it is made of: a data connector of its kind (files for an inboundFileFlow, an
 * API for an inboundApiFlow) that is bound to a source system, and a year. Missing or mismatched, the create
 * (or update) is a 400 saying which. Its window is the rules' (`time-windows`) and time-windows-on-update's.
 */
export const inboundFlowPrerequisites: Behaviour = {
  id: 'inbound-flow-prerequisites',
  docs: 'api-reference/beta/api/industrydata-inboundfileflow-post.md',
  summary:
    'An inbound flow needs a data connector of its kind with a source system, and a year (400 otherwise).',
  hook(operation, model) {
    if (!operation.set || !model.isA(operation.set.type, `${ns}inboundFlow`)) return undefined;
    if (operation.kind === 'create')
      return async (context, next) => {
        const body = context.body ?? {};
        const type = model.typeOfEntity(body, operation.set?.type ?? '');
        await check(context, body, type);
        return next();
      };
    if (operation.kind === 'update')
      return async (context, next) => {
        const target = context.target;
        if (target) {
          const merged: Json = { ...target.entity, ...(context.body ?? {}) };
          await check(context, merged, target.type);
        }
        return next();
      };
    return undefined;
  },
};
