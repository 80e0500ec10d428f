import { withArticle } from '@sds-toolkit/openapi-model';
import type { Rule } from '../types.js';
import { pointer } from '../types.js';
import { bodyType, pageFor, shortName } from './body-type.js';
import { serverSetProperties } from './read-only-properties.js';

/** Only the properties the operation's request-body table lists are sent. */
export const acceptedProperties: Rule = {
  id: 'accepted-properties',
  severity: 'error',
  docs: 'api-reference/beta/api/industrydata-outboundprovisioningflowset-update.md',
  description: "An update body carries only the properties its page's request-body table lists.",
  check(context) {
    const { operation, payload, catalogue } = context;
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return [];
    const type = bodyType(context);
    const table = type ? operation.accepted[type] : undefined;
    if (!table) return [];
    const known = catalogue.properties(type ?? '');
    return Object.keys(payload)
      .filter(
        (name) =>
          !name.startsWith('@') &&
          !(name in table) &&
          known.has(name) &&
          !(serverSetProperties as readonly string[]).includes(name),
      )
      .map((name) => ({
        ruleId: this.id,
        severity: this.severity,
        path: pointer(name),
        message: `${operation.alias ?? operation.id} does not accept '${name}' for ${withArticle(shortName(type))} (it accepts ${Object.keys(table).join(', ')}): remove it`,
        docs: pageFor(operation, type, this.docs),
      }));
  },
};
