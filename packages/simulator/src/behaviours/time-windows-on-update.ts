import { citeFinding, documentedRules } from '@sds-toolkit/rules';
import type { Behaviour } from '../core/context.js';
import { invalid } from '../core/problem.js';
import type { Json } from '../json.js';

const ns = 'microsoft.graph.industryData.';
const windowed = [`${ns}inboundFlow`, `${ns}yearTimePeriodDefinition`];
const timeWindows = documentedRules.find((rule) => rule.id === 'time-windows');

/**
 * An update keeps an inbound flow's window the right way round. The rules check a body giving both ends
 * (`time-windows`); the flow's update page marks only the start Required, so an update may move the start past
 * the stored end: the body is checked merged with what is stored, a 400 [time-windows] as a create gets. (A
 * year's update page marks both of its days Required, so there a body always gives both; it is hooked alike,
 * should the page ever mark one optional.)
 */
export const timeWindowsOnUpdate: Behaviour = {
  id: 'time-windows-on-update',
  docs: 'api-reference/beta/resources/industrydata-inboundflow.md',
  summary:
    "An update moving an inbound flow's window start past its stored end (the other end kept) is a 400 [time-windows].",
  hook(operation, model) {
    const set = operation.set;
    if (!timeWindows || operation.kind !== 'update' || !set || !windowed.some((t) => model.isA(set.type, t)))
      return undefined;
    return async (context, next) => {
      const target = context.target;
      if (target && context.body) {
        const merged: Json = { ...target.entity, ...context.body };
        // The rule alone, on the merged entity: the rest of the stored entity is not the request's to answer for.
        const findings = timeWindows.check({
          operation: operation.info,
          payload: merged,
          flowSet: undefined,
          target: undefined,
          catalogue: model.catalogue,
          objects: [{ value: merged, type: target.type, path: '' }],
        });
        const refused = invalid(findings.map(citeFinding));
        if (refused) throw refused;
      }
      return next();
    };
  },
};
