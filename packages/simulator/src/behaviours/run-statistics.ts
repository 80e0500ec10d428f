import type { Behaviour } from '../core/context.js';
import { notFound } from '../core/problem.js';
import type { Json } from '../json.js';
import { activitiesOf, statisticsKey } from './runs.js';

/**
 * `getStatistics` answers a run's industryDataRunStatistics: one inboundActivityResults per inbound flow
 * (counts of organizations, people, groups and memberships read, errors, warnings, people by role) and their
 * totals; while the run is running, its activities in progress and no totals yet.
 */
export const runStatistics: Behaviour = {
  id: 'run-statistics',
  docs: 'api-reference/beta/api/industrydata-industrydatarun-getstatistics.md',
  summary:
    "getStatistics answers the run's status, per-activity inbound results and totals (none while running).",
  hook(operation) {
    if (operation.kind !== 'function' || operation.name !== 'getStatistics') return undefined;
    return async (context) => {
      const run = context.target;
      if (!run) throw notFound('no run');
      const kept = run.entity[statisticsKey] as Json | undefined;
      const activities = kept
        ? []
        : (await context.tx.list(activitiesOf(run.id)))
            .filter((a) => String(a['@odata.type']).endsWith('inboundFlowActivity'))
            .map((a) => ({
              '@odata.type': '#microsoft.graph.industryData.inboundActivityResults',
              activityId: a.id,
              displayName: a.displayName,
              status: a.status,
            }));
      return {
        kind: 'value',
        status: 200,
        type: 'microsoft.graph.industryData.industryDataRunStatistics',
        body: {
          '@odata.type': '#microsoft.graph.industryData.industryDataRunStatistics',
          runId: run.id,
          status: run.entity.status,
          activityStatistics: kept?.activityStatistics ?? activities,
          inboundTotals: kept?.inboundTotals ?? null,
        },
      };
    };
  },
};
