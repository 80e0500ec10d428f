import type { Rule } from '../types.js';
import { pointer } from '../types.js';
import { namedType } from '../walk.js';

/** Properties the request-body table marks Required are present. */
export const requiredProperties: Rule = {
  id: 'required-properties',
  severity: 'error',
  docs: 'api-reference/beta/api/industrydata-classgroupprovisioningflow-update.md',
  description: "Properties an operation's request-body table marks Required are present and not null.",
  check({ operation, payload, catalogue }) {
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return [];
    const type =
      namedType(catalogue, (payload as { '@odata.type'?: unknown })['@odata.type']) ?? operation.requestType;
    const table = type ? operation.accepted[type] : undefined;
    if (!table) return [];
    return Object.entries(table)
      .filter(
        ([name, { required }]) =>
          required &&
          ((payload as Record<string, unknown>)[name] === undefined ||
            (payload as Record<string, unknown>)[name] === null),
      )
      .map(([name]) => ({
        ruleId: this.id,
        severity: this.severity,
        path: pointer(name),
        message: `'${name}' is required by ${operation.alias ?? operation.id} for a ${type?.split('.').pop()}: add it`,
        docs:
          operation.docs.find((d) => d.includes((type?.split('.').pop() ?? '').toLowerCase())) ??
          operation.docs[0] ??
          this.docs,
      }));
  },
};
