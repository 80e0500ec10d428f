import type { Behaviour } from '../core/context.js';
import type { Json } from '../json.js';
import { armReadiness, notReadyUntil, readyAtKey } from './provisioning-flow-readiness.js';

/**
 * `reset` reprovisions a flow from scratch: 202 Accepted with no body, the flow `notReady` until the service
 * has set it up again, then `ready`.
 */
export const provisioningFlowReset: Behaviour = {
  id: 'provisioning-flow-reset',
  docs: 'api-reference/beta/api/industrydata-provisioningflow-reset.md',
  summary: 'reset answers 202 Accepted; the flow goes notReady, then ready after the readiness delay.',
  hook(operation) {
    if (operation.kind !== 'action' || operation.name !== 'reset') return undefined;
    return async (context) => {
      const target = context.target;
      if (!target) throw new Error('reset without a flow');
      const flow: Json = {
        ...target.entity,
        ...notReadyUntil(context.env),
        lastModifiedDateTime: new Date(context.env.clock.now()).toISOString(),
      };
      context.tx.put(target.collection, flow);
      armReadiness(context.env, target.collection, target.id, flow[readyAtKey] as number);
      return { kind: 'empty', status: context.operation.successStatus };
    };
  },
};
