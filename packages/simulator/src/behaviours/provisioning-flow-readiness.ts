import type { Behaviour, Env } from '../core/context.js';
import type { Transaction } from '../core/transaction.js';
import type { Json } from '../json.js';

/** When a flow that is `notReady` becomes `ready` (ms since the epoch), kept on the flow so a restart re-arms it. */
export const readyAtKey = '@sim.readyAt';

const flowsCollection = /(^|\/)provisioningFlows$/;

/** Arms the timer that makes a `notReady` flow `ready` at its time (unless it changed meanwhile). */
export function armReadiness(env: Env, collection: string, id: string, at: number): void {
  env.later(at, async (tx: Transaction) => {
    const flow = await tx.get(collection, id);
    if (flow?.readinessStatus !== 'notReady' || flow[readyAtKey] !== at) return;
    const ready: Json = {
      ...flow,
      readinessStatus: 'ready',
      lastModifiedDateTime: new Date(env.clock.now()).toISOString(),
    };
    delete ready[readyAtKey];
    tx.put(collection, ready);
  });
}

/** What a flow gets when it starts (again) from `notReady`. */
export function notReadyUntil(env: Env): Json {
  return { readinessStatus: 'notReady', [readyAtKey]: env.clock.now() + env.settings.readinessDelayMs };
}

/** Provisioning flows are created `notReady`, and become `ready` once the service has set them up. */
export const provisioningFlowReadiness: Behaviour = {
  id: 'provisioning-flow-readiness',
  docs: 'api-reference/beta/resources/industrydata-provisioningflow.md',
  summary: 'A created provisioning flow is notReady, then ready after the readiness delay.',
  hook(operation, model) {
    if (
      operation.kind !== 'create' ||
      !operation.set ||
      !model.isA(operation.set.type, 'microsoft.graph.industryData.provisioningFlow')
    )
      return undefined;
    return async (context, next) => {
      Object.assign(context.serverSet, notReadyUntil(context.env));
      const outcome = await next();
      if (outcome.kind === 'entity')
        armReadiness(
          context.env,
          outcome.collection,
          String(outcome.entity.id),
          outcome.entity[readyAtKey] as number,
        );
      return outcome;
    };
  },
  async start(env) {
    for (const collection of await env.store.collections()) {
      if (!flowsCollection.test(collection)) continue;
      for (const flow of await env.store.list(collection))
        if (flow.readinessStatus === 'notReady' && typeof flow[readyAtKey] === 'number')
          armReadiness(env, collection, String(flow.id), flow[readyAtKey]);
    }
  },
};
