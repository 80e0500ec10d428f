import type { Behaviour, Env } from '../core/context.js';
import type { Transaction } from '../core/transaction.js';
import type { Json } from '../json.js';

const expiresAtKey = '@sim.expiresAt';
export const inboundFlowsCollection = 'inboundFlows';

/** What readiness a flow has now: `expired` past its window, `ready` before. */
function readiness(env: Env, flow: Json): Json {
  const to = Date.parse(String(flow.expirationDateTime ?? ''));
  if (!Number.isFinite(to)) return { readinessStatus: 'ready', [expiresAtKey]: null };
  return { readinessStatus: to <= env.clock.now() ? 'expired' : 'ready', [expiresAtKey]: to };
}

function armExpiry(env: Env, id: string, at: number): void {
  env.later(at, async (tx: Transaction) => {
    const flow = await tx.get(inboundFlowsCollection, id);
    if (!flow || flow[expiresAtKey] !== at || flow.readinessStatus === 'expired') return;
    tx.put(inboundFlowsCollection, { ...flow, readinessStatus: 'expired' });
  });
}

/** An inbound flow can run inside its window: active flows are `ready` and start then (`effectiveDateTime`). */
export function isActive(env: Env, flow: Json): boolean {
  const from = Date.parse(String(flow.effectiveDateTime ?? ''));
  return flow.readinessStatus === 'ready' && (!Number.isFinite(from) || from <= env.clock.now());
}

/**
 * An inbound flow is `ready` once created (the docs' create example answers `ready`), and `expired` once its
 * `expirationDateTime` has passed: a timer marks it then, and an update of the window is taken into account.
 */
export const inboundFlowReadiness: Behaviour = {
  id: 'inbound-flow-readiness',
  docs: 'api-reference/beta/resources/industrydata-inboundflow.md',
  summary: 'An inbound flow is ready when created and expired after its expirationDateTime.',
  hook(operation, model) {
    if (!operation.set || !model.isA(operation.set.type, 'microsoft.graph.industryData.inboundFlow'))
      return undefined;
    if (operation.kind !== 'create' && operation.kind !== 'update') return undefined;
    return async (context, next) => {
      const merged: Json = { ...(context.target?.entity ?? {}), ...(context.body ?? {}) };
      const state = readiness(context.env, merged);
      Object.assign(context.serverSet, state);
      const outcome = await next();
      const id = outcome.kind === 'entity' ? String(outcome.entity.id) : context.target?.id;
      const at = state[expiresAtKey];
      if (id && typeof at === 'number' && state.readinessStatus === 'ready') armExpiry(context.env, id, at);
      return outcome;
    };
  },
  async start(env) {
    for (const flow of await env.store.list(inboundFlowsCollection))
      if (flow.readinessStatus === 'ready' && typeof flow[expiresAtKey] === 'number')
        armExpiry(env, String(flow.id), flow[expiresAtKey]);
  },
};
