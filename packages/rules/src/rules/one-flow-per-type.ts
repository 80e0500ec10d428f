import type { Rule } from '../types.js';
import { namedType } from '../walk.js';

/** A flow set holds at most one flow of each type. */
export const oneFlowPerType: Rule = {
  id: 'one-flow-per-type',
  severity: 'error',
  docs: 'api-reference/beta/resources/industrydata-outboundprovisioningflowset.md',
  description:
    'A flow set holds at most one provisioning flow of each type (user, classGroup, securityGroup, administrativeUnit).',
  check({ operation, payload, flowSet, catalogue }) {
    if (
      operation.kind !== 'create' ||
      !flowSet?.provisioningFlows ||
      !operation.bodyTypes.some((t) => t.endsWith('ProvisioningFlow'))
    )
      return [];
    const type = namedType(catalogue, (payload as { '@odata.type'?: unknown } | null)?.['@odata.type']);
    if (!type) return [];
    const existing = flowSet.provisioningFlows.find((f) => namedType(catalogue, f['@odata.type']) === type);
    if (!existing) return [];
    const short = type.split('.').pop();
    return [
      {
        ruleId: this.id,
        severity: this.severity,
        path: '/@odata.type',
        message:
          `flow set ${flowSet.id ?? ''} already has a ${short} (${existing.id ?? 'id unknown'}); a set holds one flow of each type: update that flow, or create this one in another flow set`.replace(
            'set  already',
            'set already',
          ),
        docs: this.docs,
      },
    ];
  },
};
