import { childCollection, type Json, type Simulator } from '@sds-toolkit/simulator';

const NS = '#microsoft.graph.industryData.';

/** Provider states: sentences with parameters, as the consumer tests name them. */
export const State = {
  noFlowSets: 'no flow sets exist',
  flowSets: 'flow sets {ids} exist',
  flowSet: 'a flow set {setId} exists',
  flowSetWithFlow: 'a flow set {setId} with a {flowType} flow {flowId}',
  throttled: 'the service throttles the next request',
} as const;

const stamp = '2024-03-25T21:55:03.495336Z';

const sets = 'outboundProvisioningFlowSets';

async function seedSet(sim: Simulator, id: string, displayName = `Flow set ${id}`): Promise<void> {
  await sim.store.apply([
    {
      op: 'put',
      collection: sets,
      entity: {
        '@odata.type': `${NS}outboundProvisioningFlowSet`,
        id,
        displayName,
        createdDateTime: stamp,
        lastModifiedDateTime: stamp,
      },
    },
  ]);
}

async function seedFlow(sim: Simulator, setId: string, flowType: string, id: string): Promise<void> {
  const flow: Json = {
    '@odata.type': `${NS}${flowType}ProvisioningFlow`,
    id,
    createdDateTime: stamp,
    lastModifiedDateTime: stamp,
    readinessStatus: 'ready',
  };
  if (flowType === 'classGroup') flow.configuration = { additionalAttributes: ['courseTitle'] };
  await sim.store.apply([
    { op: 'put', collection: childCollection(sets, setId, 'provisioningFlows'), entity: flow },
  ]);
}

export interface StateContext {
  readonly simulator: Simulator;
  /** Makes the next request answer 429 with Retry-After. */
  readonly throttleNext: () => void;
}

/** What each provider state does to the simulator's store before an interaction is replayed. */
export function stateHandlers(
  context: StateContext,
): Record<string, (params: Record<string, unknown>) => Promise<void>> {
  const reset = () => context.simulator.reset();
  return {
    [State.noFlowSets]: async () => reset(),
    [State.flowSets]: async (params) => {
      await reset();
      for (const id of String(params.ids ?? '')
        .split(',')
        .filter(Boolean))
        await seedSet(context.simulator, id);
    },
    [State.flowSet]: async (params) => {
      await reset();
      await seedSet(context.simulator, String(params.setId));
    },
    [State.flowSetWithFlow]: async (params) => {
      await reset();
      await seedSet(context.simulator, String(params.setId));
      await seedFlow(context.simulator, String(params.setId), String(params.flowType), String(params.flowId));
    },
    [State.throttled]: async () => {
      await reset();
      context.throttleNext();
    },
  };
}
