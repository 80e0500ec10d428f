import { shortName, withArticle } from '@sds-toolkit/openapi-model';
import type { Rule, RuleFinding } from '../types.js';
import { namedType } from '../walk.js';

/**
 * A flow set holds at most one flow of each type: a flow created in a set that has one of its type, or a set
 * created with two flows of a type in its `provisioningFlows` (a deep insert).
 */
export const oneFlowPerType: Rule = {
  id: 'one-flow-per-type',
  severity: 'error',
  docs: 'api-reference/beta/resources/industrydata-outboundprovisioningflowset.md',
  description:
    'A flow set holds at most one provisioning flow of each type (user, classGroup, securityGroup, administrativeUnit).',
  check({ operation, payload, flowSet, catalogue }) {
    if (operation.kind !== 'create') return [];
    const nested = (payload as { provisioningFlows?: unknown } | null)?.provisioningFlows;
    if (operation.bodyTypes.some((t) => t.endsWith('ProvisioningFlowSet')) && Array.isArray(nested)) {
      const findings: RuleFinding[] = [];
      const first = new Map<string, number>();
      for (const [i, flow] of nested.entries()) {
        const type = namedType(catalogue, (flow as { '@odata.type'?: unknown } | null)?.['@odata.type']);
        if (!type) continue;
        const earlier = first.get(type);
        if (earlier === undefined) {
          first.set(type, i);
          continue;
        }
        findings.push({
          ruleId: this.id,
          severity: this.severity,
          path: `/provisioningFlows/${i}/@odata.type`,
          message: `provisioningFlows/${earlier} is already ${withArticle(shortName(type))}; a set holds one flow of each type: send one flow of this type (put the settings of both in it), or create the other in another flow set`,
          docs: this.docs,
        });
      }
      return findings;
    }
    if (!flowSet?.provisioningFlows || !operation.bodyTypes.some((t) => t.endsWith('ProvisioningFlow')))
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
          `flow set ${flowSet.id ?? ''} already has ${withArticle(short ?? type)} (${existing.id ?? 'id unknown'}); a set holds one flow of each type: update that flow, or create this one in another flow set`.replace(
            'set  already',
            'set already',
          ),
        docs: this.docs,
      },
    ];
  },
};
