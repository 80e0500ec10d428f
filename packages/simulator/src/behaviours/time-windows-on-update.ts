import type { Behaviour } from '../core/context.js';
import { invalid } from '../core/problem.js';
import type { Json } from '../json.js';

const ns = 'microsoft.graph.industryData.';
const windowed = [`${ns}inboundFlow`, `${ns}yearTimePeriodDefinition`];

/**
 * An update keeps an inbound flow's window and a year the right way round. The rules check a body that gives
 * both ends (`time-windows`); an update may give one, so here the body is checked merged with what is stored:
 * a start moved past the stored end, or an end moved before the stored start, is a 400 [time-windows].
 */
export const timeWindowsOnUpdate: Behaviour = {
  id: 'time-windows-on-update',
  docs: 'api-reference/beta/resources/industrydata-inboundflow.md',
  summary:
    "An update moving one end of an inbound flow's window or of a year past the stored other end is a 400 [time-windows].",
  hook(operation, model) {
    const set = operation.set;
    if (operation.kind !== 'update' || !set || !windowed.some((type) => model.isA(set.type, type)))
      return undefined;
    return async (context, next) => {
      const target = context.target;
      if (target && context.body) {
        const merged: Json = { ...target.entity, ...context.body };
        const diagnostics = context.env.validator
          .validate(operation.info, merged)
          .filter((d) => d.ruleId === 'time-windows');
        const refused = invalid(diagnostics);
        if (refused) throw refused;
      }
      return next();
    };
  },
};
