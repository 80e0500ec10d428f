import type { Behaviour } from '../core/context.js';
import { invalid } from '../core/problem.js';
import { type Json, setKey } from '../json.js';
import { childCollection } from '../store/store.js';
import { resolveBinds } from './odata-bind.js';
import { flowSetState, refuseSecondOfType } from './one-flow-per-type.js';
import { armReadiness, notReadyUntil, readyAtKey } from './provisioning-flow-readiness.js';

/**
 * A flow set may be created with its flows in one request (`provisioningFlows` in the body): each flow is
 * checked as its own create would be (one of each type included), and stored in the new set. It runs before
 * odata-bind, on the body as sent, and resolves the binds of the flows itself.
 */
export const flowSetDeepInsert: Behaviour = {
  id: 'flow-set-deep-insert',
  docs: 'api-reference/beta/resources/industrydata-outboundprovisioningflowset.md',
  summary:
    'Creating a flow set with provisioningFlows creates each flow in it, checked as its own create (400/409).',
  hook(operation, model) {
    if (operation.kind !== 'create' || !operation.set || operation.set.parent) return undefined;
    const flows = model.sets.find((s) => s.parent === operation.set && s.name === 'provisioningFlows');
    const createFlow = flows && model.operations.find((o) => o.kind === 'create' && o.set === flows);
    if (!flows || !createFlow) return undefined;
    return async (context, next) => {
      const nested = context.body?.provisioningFlows;
      if (!Array.isArray(nested)) return next();
      const { env } = context;
      const seen: Json[] = [];
      for (const [i, flow] of nested.entries()) {
        const diagnostics = env.validator
          .validate(createFlow.info, flow, { flowSet: flowSetState('new', seen) })
          .map((d) => ({ ...d, path: `/provisioningFlows/${i}${d.path}` }));
        refuseSecondOfType(diagnostics);
        const refused = invalid(diagnostics);
        if (refused) throw refused;
        seen.push({ id: `provisioningFlows/${i}`, '@odata.type': (flow as Json)['@odata.type'] });
      }
      const body: Json = {};
      for (const key of Object.keys(context.body ?? {}))
        if (key !== 'provisioningFlows') setKey(body, key, context.body?.[key]);
      context.body = body;
      const outcome = await next();
      if (outcome.kind !== 'entity') return outcome;
      const now = new Date(env.clock.now()).toISOString();
      const collection = childCollection(outcome.collection, String(outcome.entity.id), flows.name);
      const created: Json[] = [];
      for (const [i, raw] of (nested as Json[]).entries()) {
        const flow = (await resolveBinds(
          env,
          env.model,
          context.tx,
          raw,
          flows.type,
          `/provisioningFlows/${i}`,
        )) as Json;
        const entity: Json = { '@odata.type': flow['@odata.type'], id: env.newId() };
        for (const key of Object.keys(flow)) if (key !== '@odata.type') setKey(entity, key, flow[key]);
        Object.assign(entity, { createdDateTime: now, lastModifiedDateTime: now }, notReadyUntil(env));
        context.tx.put(collection, entity);
        armReadiness(env, collection, String(entity.id), entity[readyAtKey] as number);
        created.push(entity);
      }
      // The answer holds the flows as created (they are not stored on the set: they live in its collection).
      return { ...outcome, entity: { ...outcome.entity, provisioningFlows: created } };
    };
  },
};
