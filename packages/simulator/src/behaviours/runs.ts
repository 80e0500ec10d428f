import type { Behaviour, Env } from '../core/context.js';
import { refSuffix, type StoredRef } from '../core/render.js';
import type { Transaction } from '../core/transaction.js';
import type { Json } from '../json.js';
import { childCollection } from '../store/store.js';
import { validatedFilesOf } from './connector-validate.js';
import { inboundFlowsCollection, isActive } from './inbound-flow-readiness.js';
import { type Counts, countRows } from './sds-files.js';

export const runsCollection = 'runs';
export const activitiesOf = (runId: string) => childCollection(runsCollection, runId, 'activities');
/** A run's statistics, kept on it once it has finished (getStatistics answers them). */
export const statisticsKey = '@sim.statistics';
const endsAtKey = '@sim.endsAt';
/** On a run the schedule started (not `startRun`): simulators that share the state start one run per interval. */
const scheduledKey = '@sim.scheduled';
const ns = '#microsoft.graph.industryData.';
const iso = (ms: number) => new Date(ms).toISOString();

const metric = (count: number) => ({ active: count, inactive: 0, total: count });

interface ActivityResult {
  readonly status: string;
  readonly blockingError?: Json;
  readonly counts?: Counts;
}

/** What one inbound flow's activity did with the files its connector validated. */
async function runInbound(env: Env, tx: Transaction, activity: Json): Promise<ActivityResult> {
  const flowRef = activity[`activity${refSuffix}`] as StoredRef | undefined;
  const flow = flowRef ? await tx.get(flowRef.collection, flowRef.id) : undefined;
  if (!flow)
    return {
      status: 'failed',
      blockingError: { code: 'FlowNotFound', message: 'the inbound flow was deleted during the run' },
    };
  const connectorRef = flow[`dataConnector${refSuffix}`] as StoredRef | undefined;
  const connector = connectorRef ? await tx.get(connectorRef.collection, connectorRef.id) : undefined;
  if (!connector || !connectorRef)
    return {
      status: 'failed',
      blockingError: { code: 'ConnectorNotFound', message: "the flow's data connector was deleted" },
    };
  if (!env.model.isA(env.model.typeOfEntity(connector, ''), 'microsoft.graph.industryData.fileDataConnector'))
    return {
      status: 'skipped',
      blockingError: {
        code: 'NotSimulated',
        message: 'the simulator does not call OneRoster APIs: API flows are skipped',
      },
    };
  const files = new Map<string, string>();
  for (const f of await tx.list(validatedFilesOf(connectorRef.collection, connectorRef.id)))
    files.set(String(f.id), String(f.content));
  if (files.size === 0)
    return {
      status: 'failed',
      blockingError: {
        code: 'NoValidatedData',
        message:
          "the connector has no validated files: upload them to an upload session and call the connector's validate",
      },
    };
  const counts = countRows(files);
  return {
    status:
      counts.errors > 0 ? 'completedWithErrors' : counts.warnings > 0 ? 'completedWithWarnings' : 'completed',
    counts,
  };
}

function inboundResults(activity: Json, result: ActivityResult): Json {
  const c = result.counts;
  const byRole = c?.peopleByRole.map((r) => ({ role: r.role, count: r.count })) ?? [];
  return {
    '@odata.type': `${ns}inboundActivityResults`,
    activityId: activity.id,
    displayName: activity.displayName,
    status: result.status,
    errors: c?.errors ?? 0,
    warnings: c?.warnings ?? 0,
    organizations: metric(c?.organizations ?? 0),
    people: metric(c?.people ?? 0),
    groups: metric(c?.groups ?? 0),
    memberships: metric(c?.memberships ?? 0),
    matchedPeopleByRole: byRole,
    unmatchedPeopleByRole: [],
  };
}

async function finishRun(env: Env, tx: Transaction, id: string, endsAt: number): Promise<void> {
  const run = await tx.get(runsCollection, id);
  if (run?.status !== 'running' || run[endsAtKey] !== endsAt) return;
  const activities = await tx.list(activitiesOf(id));
  const statistics: Json[] = [];
  const totals = { errors: 0, warnings: 0, organizations: 0, people: 0, groups: 0, memberships: 0 };
  const matched = new Map<string, number>();
  let inboundFailed = false;
  for (const activity of activities.filter((a) => a['@odata.type'] === `${ns}inboundFlowActivity`)) {
    const result = await runInbound(env, tx, activity);
    if (result.status === 'failed') inboundFailed = true;
    tx.put(activitiesOf(id), {
      ...activity,
      status: result.status,
      ...(result.blockingError ? { blockingError: result.blockingError } : {}),
    });
    statistics.push(inboundResults(activity, result));
    const c = result.counts;
    if (c) {
      totals.errors += c.errors;
      totals.warnings += c.warnings;
      totals.organizations += c.organizations;
      totals.people += c.people;
      totals.groups += c.groups;
      totals.memberships += c.memberships;
      for (const r of c.peopleByRole) matched.set(r.role, (matched.get(r.role) ?? 0) + r.count);
    }
  }
  // Outbound flows provision what the inbound ones brought in: with nothing brought in, they have nothing to do.
  for (const activity of activities.filter((a) => a['@odata.type'] === `${ns}outboundFlowActivity`))
    tx.put(activitiesOf(id), { ...activity, status: inboundFailed ? 'skipped' : 'completed' });
  const states = [...statistics.map((s) => s.status), ...(inboundFailed ? ['skipped'] : [])];
  const allFailed = statistics.length > 0 && statistics.every((s) => s.status === 'failed');
  const status = allFailed
    ? 'failed'
    : states.includes('failed') || totals.errors > 0
      ? 'completedWithErrors'
      : totals.warnings > 0
        ? 'completedWithWarnings'
        : 'completed';
  const done: Json = {
    ...run,
    status,
    endDateTime: iso(env.clock.now()),
    ...(allFailed
      ? { blockingError: { code: 'NoDataImported', message: 'every inbound flow of the run failed' } }
      : {}),
    [statisticsKey]: {
      activityStatistics: statistics,
      inboundTotals: {
        '@odata.type': `${ns}aggregatedInboundStatistics`,
        ...totals,
        matchedPeopleByRole: [...matched].map(([role, count]) => ({ role, count })),
        unmatchedPeopleByRole: [],
      },
    },
  };
  delete done[endsAtKey];
  tx.put(runsCollection, done);
}

/**
 * Starts a run of every active flow, as the service does every 12 hours: inbound flows that are `ready` and
 * in their window, provisioning flows that are `ready`. Answers its id, or undefined when no flow is active.
 */
export async function beginRun(env: Env, tx: Transaction, scheduled = false): Promise<string | undefined> {
  const now = env.clock.now();
  const inbound = (await tx.list(inboundFlowsCollection)).filter((f) => isActive(env, f));
  const outbound: Json[] = [];
  for (const set of await tx.list('outboundProvisioningFlowSets'))
    for (const flow of await tx.list(
      childCollection('outboundProvisioningFlowSets', String(set.id), 'provisioningFlows'),
    ))
      if (flow.readinessStatus === 'ready') outbound.push({ ...flow, setName: set.displayName });
  if (inbound.length + outbound.length === 0) return undefined;
  const id = env.newId();
  const endsAt = now + env.settings.runDurationMs;
  const name = iso(now).slice(0, 16).replace('T', ' ');
  tx.put(runsCollection, {
    '@odata.type': `${ns}industryDataRun`,
    id,
    displayName: `Run ${name} UTC`,
    startDateTime: iso(now),
    endDateTime: null,
    status: 'running',
    [endsAtKey]: endsAt,
    ...(scheduled ? { [scheduledKey]: true } : {}),
  });
  for (const flow of inbound)
    tx.put(activitiesOf(id), {
      '@odata.type': `${ns}inboundFlowActivity`,
      id: env.newId(),
      displayName: flow.displayName,
      status: 'inProgress',
      [`activity${refSuffix}`]: {
        collection: inboundFlowsCollection,
        id: String(flow.id),
      } satisfies StoredRef,
    });
  for (const flow of outbound)
    tx.put(activitiesOf(id), {
      '@odata.type': `${ns}outboundFlowActivity`,
      id: env.newId(),
      displayName: `${String(flow['@odata.type']).split('.').pop()} of ${String(flow.setName ?? 'a flow set')}`,
      status: 'inProgress',
    });
  env.later(endsAt, (later) => finishRun(env, later, id, endsAt));
  return id;
}

/** Starts a run now (what the 12-hourly schedule does), for scripts and tests that cannot wait. */
export const startRun = (env: Env): Promise<string | undefined> => env.write((tx) => beginRun(env, tx));

/**
 * The 12-hourly run. Several simulators may serve one state (a database), each with this timer: the first whose
 * timer fires starts the run, and one that finds a scheduled run started less than half an interval ago leaves
 * it at that. The next timer is armed once per firing, however often a database has the write run again.
 */
function schedule(env: Env): void {
  let armed = false;
  env.later(env.clock.now() + env.settings.runIntervalMs, async (tx) => {
    if (!armed) {
      armed = true;
      schedule(env);
    }
    const since = env.clock.now() - env.settings.runIntervalMs / 2;
    const recent = (await tx.list(runsCollection)).some(
      (run) => run[scheduledKey] === true && Date.parse(String(run.startDateTime)) > since,
    );
    if (!recent) await beginRun(env, tx, true);
  });
}

/**
 * Runs: every run interval (12 hours, as the docs say) the service starts a run of every active flow, each
 * an activity (`inboundFlowActivity`, `outboundFlowActivity`), `running` for the run duration, then
 * `completed`, `completedWithWarnings`, `completedWithErrors` or `failed` from what the inbound flows read in
 * their connectors' validated files.
 */
export const runs: Behaviour = {
  id: 'runs',
  docs: 'api-reference/beta/resources/industrydata-industrydatarun.md',
  summary:
    'Every run interval (12 h) a run of every active flow starts, with one activity per flow; it finishes after the run duration with statuses and statistics read from the validated files.',
  async start(env) {
    schedule(env);
    for (const run of await env.store.list(runsCollection))
      if (run.status === 'running' && typeof run[endsAtKey] === 'number') {
        const endsAt = run[endsAtKey];
        env.later(endsAt, (tx) => finishRun(env, tx, String(run.id), endsAt));
      }
  },
};
