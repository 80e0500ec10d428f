import { shortName, withArticle } from '@sds-toolkit/openapi-model';
import type { Rule, RuleFinding } from '../types.js';
import { namedType } from '../walk.js';

/** Where the endpoint takes several types, `@odata.type` says which: present, known, and matching the target. */
export const odataType: Rule = {
  id: 'odata-type',
  severity: 'error',
  docs: 'api-reference/beta/api/industrydata-outboundprovisioningflowset-post-provisioningflows.md',
  description:
    "A body sent where several types are accepted carries a known @odata.type, and an update's matches the flow it updates.",
  check({ operation, payload, catalogue, target }) {
    if (
      operation.bodyTypes.length < 2 ||
      typeof payload !== 'object' ||
      payload === null ||
      Array.isArray(payload)
    )
      return [];
    const diagnostic = (message: string): RuleFinding[] => [
      {
        ruleId: this.id,
        severity: this.severity,
        path: '/@odata.type',
        message,
        docs: operation.docs[0] ?? this.docs,
      },
    ];
    const written = (payload as { '@odata.type'?: unknown })['@odata.type'];
    const choices = () => operation.bodyTypes.map((t) => `#${t}`).join(', ');
    if (written === undefined)
      return diagnostic(
        `add "@odata.type": ${operation.alias ?? operation.id} takes several types, one of ${choices()}`,
      );
    const type = namedType(catalogue, written);
    if (!type || !operation.bodyTypes.includes(type)) {
      const plain = typeof written === 'string' ? written.replace(/^#/, '').toLowerCase() : '';
      const near = operation.bodyTypes.find((t) => t.toLowerCase() === plain);
      const fix = near
        ? `type names are case-sensitive: write "#${near}"`
        : type && catalogue.concreteTypes(type).some((t) => t !== type && operation.bodyTypes.includes(t))
          ? `${type.split('.').pop()} is their base type: write the concrete type, one of them`
          : 'write one of them';
      return diagnostic(`"@odata.type" ${JSON.stringify(written)} is not one of ${choices()}: ${fix}`);
    }
    const targetType = namedType(catalogue, target?.['@odata.type']);
    if (targetType && targetType !== type) {
      // Flows and connectors alike: what the target is, in the words its type ends with.
      const kind = /Flow$/.test(targetType) ? 'flow' : /Connector$/.test(targetType) ? 'connector' : 'entity';
      const named = target?.id ? `the ${kind} ${target.id}` : `the ${kind}`;
      return diagnostic(
        `${named} is ${withArticle(shortName(targetType))}, the body ${withArticle(shortName(type))}: ${withArticle(kind)}'s type cannot change; send "@odata.type": "#${targetType}"`,
      );
    }
    return [];
  },
};
