import type { Rule } from '../types.js';
import { pointer } from '../types.js';
import { namedType } from '../walk.js';
import { pageFor } from './body-type.js';

/** Set by the service on every flow and flow set; the update pages accept none of them. */
export const serverSetProperties = [
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'readinessStatus',
] as const;

/** Create and update bodies carry no property the service sets. */
export const readOnlyProperties: Rule = {
  id: 'read-only-properties',
  severity: 'error',
  docs: 'api-reference/beta/api/industrydata-classgroupprovisioningflow-update.md',
  description:
    'Create and update bodies must not carry id, createdDateTime, lastModifiedDateTime or readinessStatus: the service sets them.',
  check({ operation, payload, catalogue }) {
    if (
      operation.kind === 'other' ||
      typeof payload !== 'object' ||
      payload === null ||
      Array.isArray(payload)
    )
      return [];
    const present = serverSetProperties.filter((name) => Object.hasOwn(payload, name));
    // Most bodies are clean: the page to cite is only worked out when there is something to report.
    if (present.length === 0) return [];
    const type = namedType(catalogue, (payload as { '@odata.type'?: unknown })['@odata.type']);
    const page = pageFor(operation, type, this.docs);
    return present.map((name) => ({
      ruleId: this.id,
      severity: this.severity,
      path: pointer(name),
      message: `'${name}' is set by the service and cannot be ${operation.kind === 'create' ? 'given on create' : 'updated'}: remove it from the body`,
      docs: page,
    }));
  },
};
