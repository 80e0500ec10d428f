import { createToken, type Simulator, startRun } from '@sds-toolkit/simulator';
import { allScopes } from './spec.js';

const NS = '#microsoft.graph.industryData.';

/** Provider states: sentences with parameters, as the consumer tests name them. */
export const State = {
  fresh: 'a tenant with nothing but the seeded role groups and reference definitions',
  noFlowSets: 'no flow sets exist',
  flowSets: 'flow sets {ids} exist',
  flowSet: 'a flow set {setId} exists',
  flowSetWithFlow: 'a flow set {setId} with a {flowType} flow {flowId}',
  throttled: 'the service throttles the next request',
  sourceSystem: 'a source system {sourceId} exists',
  connector: 'an Azure Data Lake connector {connectorId} of source system {sourceId}',
  failedValidation:
    'connector {connectorId} was validated without its required files, as operation {operationId}',
  year: 'a year {yearId} exists',
  flowPrerequisites: 'an Azure Data Lake connector {connectorId} of a source system, and a year {yearId}',
  referenceDefinition:
    'a reference definition of type {referenceType} with code {code}, defined by the tenant',
  inboundFlow: 'an inbound file flow {flowId} reading connector {connectorId} in year {yearId}',
  completedRun: 'a completed run {runId} of inbound flow {flowId}',
} as const;

/** The files of a small SDS CSV upload that passes validation (two schools, three people, one class). */
export const passingFiles: Readonly<Record<string, string>> = {
  'orgs.csv': 'sourcedId,name,type\norg-1,Contoso High,school\norg-2,Fabrikam Middle,school\n',
  'users.csv': 'sourcedId,username\nu-1,ada\nu-2,alan\nu-3,grace\n',
  'roles.csv': 'userSourcedId,orgSourcedId,role\nu-1,org-1,student\nu-2,org-1,student\nu-3,org-2,teacher\n',
  'classes.csv': 'sourcedId,orgSourcedId,title\nc-1,org-1,Algebra\n',
};

export interface StateContext {
  readonly simulator: Simulator;
  /** Makes the next request answer 429 with Retry-After. */
  readonly throttleNext: () => void;
  /** The ids the next entities the simulator creates get, in order (random ones after). */
  readonly nextIds: (...ids: string[]) => void;
  /** Moves the simulator's clock: validations, runs and readiness finish on it. */
  readonly advance: (ms: number) => Promise<void>;
}

/**
 * Seeds through the simulator's own API (as a tenant admin would), so a state is built by the documented
 * behaviours rather than by writing the store's internal shape; fixed ids come from the simulator's id source.
 */
class Seeder {
  private readonly token = `Bearer ${createToken({ scopes: allScopes() })}`;
  constructor(private readonly context: StateContext) {}

  private async send(
    method: string,
    path: string,
    body?: unknown,
    raw?: string,
  ): Promise<Record<string, unknown>> {
    const answer = await this.context.simulator.handle({
      method,
      url: path.startsWith('/upload/') ? path : `/beta/external/industryData${path}`,
      headers: {
        authorization: this.token,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(raw !== undefined ? { 'x-ms-blob-type': 'BlockBlob' } : {}),
      },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    if (answer.status >= 300)
      throw new Error(
        `provider state: ${method} ${path} answered ${answer.status} ${JSON.stringify(answer.body)}`,
      );
    return (answer.body ?? {}) as Record<string, unknown>;
  }

  /** Creates an entity; with `id`, the simulator gives it that id. */
  async create(path: string, id: string | undefined, body: Record<string, unknown>): Promise<void> {
    if (id) this.context.nextIds(id);
    await this.send('POST', path, body);
  }

  flowSet = (id: string) =>
    this.create('/outboundProvisioningFlowSets', id, { displayName: `Flow set ${id}` });

  async flow(setId: string, flowType: string, id: string): Promise<void> {
    const body: Record<string, unknown> = { '@odata.type': `${NS}${flowType}ProvisioningFlow` };
    if (flowType === 'classGroup') body.configuration = { additionalAttributes: ['courseTitle'] };
    if (flowType === 'securityGroup') body.creationOptions = { createBasedOnRoleGroup: true };
    if (flowType === 'administrativeUnit') body.creationOptions = { createBasedOnOrg: true };
    if (flowType === 'user') body.createUnmatchedUsers = true;
    await this.create(`/outboundProvisioningFlowSets/${setId}/provisioningFlows`, id, body);
    await this.context.advance(60_000); // ready
  }

  sourceSystem = (id: string) =>
    this.create('/sourceSystems', id, { displayName: 'Student information system' });

  connector = (id: string, sourceId: string) =>
    this.create('/dataConnectors', id, {
      '@odata.type': `${NS}azureDataLakeConnector`,
      displayName: 'SIS CSV export',
      'sourceSystem@odata.bind': `https://graph.microsoft.com/beta/external/industryData/sourceSystems/${sourceId}`,
    });

  year = (id: string) =>
    this.create('/years', id, {
      displayName: 'School year 2024-25',
      startDate: '2024-09-01',
      endDate: '2025-07-15',
      year: { code: '2024' },
    });

  inboundFlow = (id: string, connectorId: string, yearId: string) =>
    this.create('/inboundFlows', id, {
      '@odata.type': `${NS}inboundFileFlow`,
      dataDomain: 'educationRostering',
      displayName: 'Rostering',
      effectiveDateTime: '2025-01-01T00:00:00Z',
      'dataConnector@odata.bind': `https://graph.microsoft.com/beta/external/industryData/dataConnectors/${connectorId}`,
      'year@odata.bind': `https://graph.microsoft.com/beta/external/industryData/years/${yearId}`,
    });

  /** Uploads files to the connector's session, validates them as operation `operationId` and waits for the end. */
  async validate(
    connectorId: string,
    files: Readonly<Record<string, string>>,
    operationId: string,
  ): Promise<void> {
    const session = await this.send(
      'GET',
      `/dataConnectors/${connectorId}/microsoft.graph.industryData.azureDataLakeConnector/getUploadSession`,
    );
    const url = new URL(String(session.sessionUrl));
    for (const [name, text] of Object.entries(files))
      await this.send('PUT', `${url.pathname.replace(/\/$/, '')}/${name}${url.search}`, undefined, text);
    this.context.nextIds(operationId);
    await this.send('POST', `/dataConnectors/${connectorId}/validate`);
    await this.context.advance(60_000);
  }

  /** A run of every active flow, as the schedule starts it, waited for until it ends. */
  async run(id: string): Promise<void> {
    this.context.nextIds(id);
    if (!(await startRun(this.context.simulator.env)))
      throw new Error('provider state: no active flow to run');
    await this.context.advance(10 * 60_000); // the run's duration, and then some
  }
}

const text = (params: Record<string, unknown>, name: string) => {
  const value = params[name];
  if (typeof value !== 'string' || !value)
    throw new Error(`provider state: the parameter ${name} is missing`);
  return value;
};

/** What each provider state does to the simulator before an interaction is replayed (each starts afresh). */
export function stateHandlers(
  context: StateContext,
): Record<string, (params: Record<string, unknown>) => Promise<void>> {
  const seed = new Seeder(context);
  const fresh = () => context.simulator.reset();
  return {
    [State.fresh]: fresh,
    [State.noFlowSets]: fresh,
    [State.flowSets]: async (params) => {
      await fresh();
      for (const id of text(params, 'ids').split(',').filter(Boolean)) await seed.flowSet(id);
    },
    [State.flowSet]: async (params) => {
      await fresh();
      await seed.flowSet(text(params, 'setId'));
    },
    [State.flowSetWithFlow]: async (params) => {
      await fresh();
      await seed.flowSet(text(params, 'setId'));
      await seed.flow(text(params, 'setId'), text(params, 'flowType'), text(params, 'flowId'));
    },
    [State.throttled]: async () => {
      await fresh();
      context.throttleNext();
    },
    [State.sourceSystem]: async (params) => {
      await fresh();
      await seed.sourceSystem(text(params, 'sourceId'));
    },
    [State.connector]: async (params) => {
      await fresh();
      await seed.sourceSystem(text(params, 'sourceId'));
      await seed.connector(text(params, 'connectorId'), text(params, 'sourceId'));
    },
    [State.failedValidation]: async (params) => {
      await fresh();
      await seed.sourceSystem('source-of-the-files');
      await seed.connector(text(params, 'connectorId'), 'source-of-the-files');
      await seed.validate(
        text(params, 'connectorId'),
        { 'orgs.csv': passingFiles['orgs.csv'] ?? '' },
        text(params, 'operationId'),
      );
    },
    [State.year]: async (params) => {
      await fresh();
      await seed.year(text(params, 'yearId'));
    },
    [State.flowPrerequisites]: async (params) => {
      await fresh();
      await seed.sourceSystem('source-of-the-flow');
      await seed.connector(text(params, 'connectorId'), 'source-of-the-flow');
      await seed.year(text(params, 'yearId'));
    },
    [State.referenceDefinition]: async (params) => {
      await fresh();
      // Its id is {referenceType}-{code}, made by the service (reference-definition-key).
      await seed.create('/referenceDefinitions', undefined, {
        referenceType: text(params, 'referenceType'),
        code: text(params, 'code'),
        isDisabled: false,
        sortIndex: 900,
        displayName: 'Defined by the tenant',
      });
    },
    [State.inboundFlow]: async (params) => {
      await fresh();
      await seed.sourceSystem('source-of-the-flow');
      await seed.connector(text(params, 'connectorId'), 'source-of-the-flow');
      await seed.year(text(params, 'yearId'));
      await seed.inboundFlow(text(params, 'flowId'), text(params, 'connectorId'), text(params, 'yearId'));
    },
    [State.completedRun]: async (params) => {
      await fresh();
      await seed.sourceSystem('source-of-the-run');
      await seed.connector('connector-of-the-run', 'source-of-the-run');
      await seed.validate('connector-of-the-run', passingFiles, 'validation-of-the-run');
      await seed.year('year-of-the-run');
      await seed.inboundFlow(text(params, 'flowId'), 'connector-of-the-run', 'year-of-the-run');
      await seed.run(text(params, 'runId'));
    },
  };
}
