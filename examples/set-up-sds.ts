/**
 * A whole School Data Sync set-up, as an admin scripts it: a source system, a CSV connector bound to it, an
 * upload session, the CSV files uploaded to it, the connector's validation (waited for), a year, an inbound
 * flow reading the connector, a run of it (waited for, with its statistics), then an outbound flow set with a
 * flow of each type, a reset of the classGroup flow, and every flow ready.
 *
 *   pnpm --filter @sds-toolkit/examples set-up-sds                      # against a simulator started here
 *   pnpm --filter @sds-toolkit/examples set-up-sds --base-url <url>     # a simulator already running
 *
 * Waiting is a function given in (`wait`): a real delay against a service, the simulator's own clock in tests.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  type AnyProvisioningFlow,
  createIndustryDataAdapter,
  createIndustryDataClient,
} from '@sds-toolkit/client';
import { createToken, startSimulator } from '@sds-toolkit/simulator';
import { reasonOf } from './reason.js';

/** The files an SDS CSV (v2.1) upload holds, small: two schools, five people, two classes. */
export const sampleFiles: Readonly<Record<string, string>> = {
  'orgs.csv': 'sourcedId,name,type\nschool-1,Contoso High,school\nschool-2,Fabrikam Middle,school\n',
  'users.csv':
    'sourcedId,username,givenName,familyName\nu-1,ada,Ada,Lovelace\nu-2,alan,Alan,Turing\nu-3,grace,Grace,Hopper\nu-4,edsger,Edsger,Dijkstra\nu-5,barbara,Barbara,Liskov\n',
  'roles.csv':
    'userSourcedId,orgSourcedId,role\nu-1,school-1,student\nu-2,school-1,student\nu-3,school-2,student\nu-4,school-1,teacher\nu-5,school-2,teacher\n',
  'classes.csv': 'sourcedId,orgSourcedId,title\nc-1,school-1,Algebra\nc-2,school-2,Biology\n',
  'enrollments.csv':
    'classSourcedId,userSourcedId,role\nc-1,u-1,student\nc-1,u-2,student\nc-1,u-4,teacher\nc-2,u-3,student\nc-2,u-5,teacher\n',
};

export interface SetUpOptions {
  readonly baseUrl: string;
  readonly accessToken: string;
  /** Waits `ms` between two polls (default: a real delay). */
  readonly wait?: (ms: number) => Promise<void>;
  /** How many polls before giving up on a wait. */
  readonly polls?: number;
  readonly log?: (line: string) => void;
  /** Uploads a file (default: fetch). */
  readonly fetch?: typeof fetch;
}

export interface SetUpResult {
  readonly connectorId: string;
  readonly validation: string;
  readonly inboundFlowId: string;
  readonly runStatus: string;
  readonly statistics: { organizations: number; people: number; groups: number; memberships: number };
  readonly flowSetId: string;
  readonly flows: readonly { type: string; readiness: string }[];
}

export async function setUpSds(options: SetUpOptions): Promise<SetUpResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const wait = options.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const polls = options.polls ?? 120;
  const client = createIndustryDataClient(
    createIndustryDataAdapter({ baseUrl: options.baseUrl, accessToken: options.accessToken }),
  );
  const api = client.external.industryData;
  const bind = (path: string) => `${options.baseUrl}/external/industryData/${path}`;
  const until = async <T>(what: string, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
    for (let i = 0; i < polls; i++) {
      const value = await read();
      if (done(value)) return value;
      // Said once, so that a minute's wait for a run does not look like a hang.
      if (i === 0) log(`waiting for ${what} (asking every 5 s, at most ${polls} times)`);
      await wait(5000);
    }
    throw new Error(`gave up waiting for ${what}`);
  };

  const source = await api.sourceSystems.post({
    displayName: 'Student information system',
    userMatchingSettings: [
      {
        matchTarget: { code: 'userPrincipalName' },
        sourceIdentifier: { code: 'username' },
        priorityOrder: 0,
        additionalData: { 'roleGroup@odata.bind': bind('roleGroups/staff') },
      },
      {
        matchTarget: { code: 'userPrincipalName' },
        sourceIdentifier: { code: 'username' },
        priorityOrder: 1,
        additionalData: { 'roleGroup@odata.bind': bind('roleGroups/students') },
      },
    ],
  });
  if (!source?.id) throw new Error('the source system came back without an id');
  log(`created source system ${source.id}`);

  const connector = await api.dataConnectors.post({
    odataType: '#microsoft.graph.industryData.azureDataLakeConnector',
    displayName: 'SIS CSV export',
    additionalData: { 'sourceSystem@odata.bind': bind(`sourceSystems/${source.id}`) },
  });
  if (!connector?.id) throw new Error('the connector came back without an id');
  log(`created connector ${connector.id}`);
  const connectorApi = api.dataConnectors.byIndustryDataConnectorId(connector.id);

  const session = await connectorApi.graphAzureDataLakeConnector.getUploadSession.get();
  if (!session?.sessionUrl) throw new Error('the upload session came back without a URL');
  const put = options.fetch ?? fetch;
  for (const [name, text] of Object.entries(sampleFiles)) {
    // The session URL names a container: each file goes below it, with the session's signature.
    const url = new URL(session.sessionUrl);
    url.pathname = `${url.pathname.replace(/\/$/, '')}/${name}`;
    const response = await put(url, {
      method: 'PUT',
      headers: { 'x-ms-blob-type': 'BlockBlob' },
      body: text,
    });
    if (response.status !== 201)
      throw new Error(`uploading ${name} answered ${response.status}: ${await response.text()}`);
  }
  log(`uploaded ${Object.keys(sampleFiles).length} files to container ${session.containerId}`);

  // validate answers 202 (the operation's URL in Location); the operation is also the newest in /operations.
  await connectorApi.validate.post();
  const operation = await until(
    'the validation',
    async () =>
      (await api.operations.get({ queryParameters: { orderby: ['createdDateTime desc'], top: 1 } }))
        ?.value?.[0],
    (op) => op?.status === 'succeeded' || op?.status === 'failed',
  );
  const validation = String(operation?.status);
  log(`validation ${validation}`);
  if (validation !== 'succeeded')
    throw new Error(`the files did not pass validation: ${JSON.stringify(operation)}`);

  const year = await api.years.post({
    displayName: 'School year 2025-26',
    startDate: '2025-09-01',
    endDate: '2026-07-15',
    year: { code: '2025' },
  });
  if (!year?.id) throw new Error('the year came back without an id');

  const flow = await api.inboundFlows.post({
    odataType: '#microsoft.graph.industryData.inboundFileFlow',
    dataDomain: 'educationRostering',
    displayName: 'Rostering from the SIS',
    effectiveDateTime: '2025-01-01T00:00:00Z',
    additionalData: {
      'dataConnector@odata.bind': bind(`dataConnectors/${connector.id}`),
      'year@odata.bind': bind(`years/${year.id}`),
    },
  });
  if (!flow?.id) throw new Error('the inbound flow came back without an id');
  log(`created inbound flow ${flow.id} (${flow.readinessStatus})`);

  // The service runs every active flow on its schedule: wait for a run that has finished.
  const run = await until(
    'a run',
    async () =>
      (await api.runs.get({ queryParameters: { orderby: ['startDateTime desc'], top: 1 } }))?.value?.[0],
    (r) => r !== undefined && r.status !== 'running',
  );
  if (!run?.id) throw new Error('no run');
  const statistics = await api.runs.byIndustryDataRunId(run.id).getStatistics.get();
  const totals = statistics?.inboundTotals;
  log(`run ${run.id} ${run.status}: ${totals?.organizations} organizations, ${totals?.people} people`);

  const set = await api.outboundProvisioningFlowSets.post({
    displayName: 'Both schools',
    filter: {
      odataType: '#microsoft.graph.industryData.basicFilter',
      attribute: 'orgExternalId',
      in: ['school-1', 'school-2'],
    },
  });
  if (!set?.id) throw new Error('the flow set came back without an id');
  const flows = api.outboundProvisioningFlowSets.byOutboundProvisioningFlowSetId(set.id).provisioningFlows;
  const bodies: AnyProvisioningFlow[] = [
    {
      odataType: '#microsoft.graph.industryData.userProvisioningFlow',
      createUnmatchedUsers: true,
      managementOptions: { additionalAttributes: ['userGradeLevel'] },
    },
    {
      odataType: '#microsoft.graph.industryData.classGroupProvisioningFlow',
      configuration: {
        additionalAttributes: ['courseTitle', 'courseCode'],
        additionalOptions: { createTeam: false },
      },
    },
    {
      odataType: '#microsoft.graph.industryData.securityGroupProvisioningFlow',
      creationOptions: { createBasedOnRoleGroup: true },
    },
    {
      odataType: '#microsoft.graph.industryData.administrativeUnitProvisioningFlow',
      creationOptions: { createBasedOnOrg: true },
    },
  ];
  const created: { id: string; type: string }[] = [];
  for (const body of bodies) {
    const made = await flows.post(body);
    if (!made?.id) throw new Error(`the ${body.odataType} came back without an id`);
    created.push({ id: made.id, type: body.odataType });
  }
  log(`created flow set ${set.id} with ${created.length} flows`);
  const classGroup = created.find((f) => f.type.endsWith('classGroupProvisioningFlow'));
  if (classGroup) {
    await flows.byProvisioningFlowId(classGroup.id).reset.post();
    log('reset the classGroup flow');
  }
  const listed = await until(
    'every flow ready',
    async () => (await flows.get())?.value ?? [],
    (all) => all.length === created.length && all.every((f) => f.readinessStatus === 'ready'),
  );
  log('every flow is ready');
  return {
    connectorId: connector.id,
    validation,
    inboundFlowId: flow.id,
    runStatus: String(run.status),
    statistics: {
      organizations: Number(totals?.organizations ?? 0),
      people: Number(totals?.people ?? 0),
      groups: Number(totals?.groups ?? 0),
      memberships: Number(totals?.memberships ?? 0),
    },
    flowSetId: set.id,
    flows: listed.map((f) => ({ type: String(f.odataType), readiness: String(f.readinessStatus) })),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'base-url': { type: 'string' } }, strict: true });
  const everything = [
    'IndustryData-SourceSystem.ReadWrite.All',
    'IndustryData-DataConnector.ReadWrite.All',
    'IndustryData-TimePeriod.ReadWrite.All',
    'IndustryData-InboundFlow.ReadWrite.All',
    'IndustryData-Run.Read.All',
    'IndustryData.ReadBasic.All',
    'IndustryData-OutboundFlow.ReadWrite.All',
  ];
  const accessToken = process.env.GRAPH_TOKEN ?? createToken({ scopes: everything });
  if (values['base-url']) {
    await setUpSds({ baseUrl: values['base-url'], accessToken });
    return;
  }
  // A simulator of its own, quick: runs every minute, validation and readiness in seconds.
  const simulator = await startSimulator({
    runIntervalMs: 60_000,
    runDurationMs: 5000,
    readinessDelayMs: 2000,
  });
  console.log(`running against the simulator at ${simulator.url}`);
  try {
    await setUpSds({ baseUrl: simulator.url, accessToken, polls: 60 });
  } finally {
    await simulator.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(`set-up-sds: ${reasonOf(error)}`);
    process.exitCode = 1;
  });
}
