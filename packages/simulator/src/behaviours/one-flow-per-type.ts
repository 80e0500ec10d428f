import type { RuleDiagnostic } from '@sds-toolkit/rules';
import type { Behaviour } from '../core/context.js';
import { conflict } from '../core/problem.js';
import type { Json } from '../json.js';

/** A flow set's flows as the rules read them. */
export const flowSetState = (id: string, flows: readonly Json[]) => ({
  id,
  provisioningFlows: flows.map((f) => ({ id: String(f.id), '@odata.type': String(f['@odata.type'] ?? '') })),
});

/** 409 with the rule's words when the rules find a second flow of a type. */
export function refuseSecondOfType(diagnostics: readonly RuleDiagnostic[]): void {
  const found = diagnostics.filter((d) => d.ruleId === 'one-flow-per-type' && d.severity === 'error');
  const [first] = found;
  if (first) throw conflict(`[one-flow-per-type] ${first.message}`, found);
}

/** A flow set holds at most one provisioning flow of each type: a second is a 409 Conflict naming the first. */
export const oneFlowPerType: Behaviour = {
  id: 'one-flow-per-type',
  docs: 'api-reference/beta/resources/industrydata-outboundprovisioningflowset.md',
  summary:
    'A second provisioning flow of a type in a flow set is refused with 409 Conflict naming the rule and the flow it would duplicate.',
  hook(operation, model) {
    if (
      operation.kind !== 'create' ||
      !operation.set?.parent ||
      !model.isA(operation.set.type, 'microsoft.graph.industryData.provisioningFlow')
    )
      return undefined;
    return async (context, next) => {
      const parent = context.path.at(-1);
      const flows = await context.tx.list(context.collection ?? '');
      refuseSecondOfType(
        context.env.validator.validate(operation.info, context.body, {
          flowSet: flowSetState(parent?.id ?? '', flows),
        }),
      );
      return next();
    };
  },
};
