import { withArticle } from '@sds-toolkit/openapi-model';
import type { Rule } from '../types.js';
import { pointer } from '../types.js';
import { bodyType, pageFor, shortName } from './body-type.js';

/** Properties the request-body table marks Required are present. */
export const requiredProperties: Rule = {
  id: 'required-properties',
  severity: 'error',
  docs: 'api-reference/beta/api/industrydata-classgroupprovisioningflow-update.md',
  description: "Properties an operation's request-body table marks Required are present and not null.",
  check(context) {
    const { operation, payload } = context;
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return [];
    const type = bodyType(context);
    const table = type ? operation.accepted[type] : undefined;
    if (!table) return [];
    const missing: { name: string; isNull: boolean }[] = [];
    for (const name in table) {
      if (!table[name]?.required) continue;
      const value = (payload as Record<string, unknown>)[name];
      if (value === undefined || value === null) missing.push({ name, isNull: value === null });
    }
    if (missing.length === 0) return [];
    const short = shortName(type);
    const docs = pageFor(operation, type, this.docs);
    return missing.map(({ name, isNull }) => ({
      ruleId: this.id,
      severity: this.severity,
      path: pointer(name),
      // A null is there but is no value: "add it" would send the reader looking for a property already written.
      message: `'${name}' is required by ${operation.alias ?? operation.id} for ${withArticle(short)}: ${isNull ? 'give it a value, not null' : 'add it'}`,
      docs,
    }));
  },
};
