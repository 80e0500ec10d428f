import type { Behaviour } from '../core/context.js';
import { invalid } from '../core/problem.js';

/**
 * An update names the type of what it updates where several are possible, and it must be the type the entity
 * was created as: a flow's type never changes (a classGroup flow cannot be PATCHed into a securityGroup one).
 */
export const updateKeepsType: Behaviour = {
  id: 'update-keeps-type',
  docs: 'api-reference/beta/api/industrydata-classgroupprovisioningflow-update.md',
  summary: "An update's @odata.type must be the type the entity was created as (400 [odata-type] otherwise).",
  hook(operation) {
    if (operation.kind !== 'update' || operation.info.bodyTypes.length < 2) return undefined;
    return async (context, next) => {
      const target = context.target;
      if (target) {
        const diagnostics = context.env.validator
          .validate(operation.info, context.body, {
            target: { id: target.id, '@odata.type': String(target.entity['@odata.type'] ?? '') },
          })
          .filter((d) => d.ruleId === 'odata-type');
        const refused = invalid(diagnostics);
        if (refused) throw refused;
      }
      return next();
    };
  },
};
