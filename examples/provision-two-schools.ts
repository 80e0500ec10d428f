/**
 * What an SDS admin scripts: a flow set for two schools with a classGroup flow (no Teams, course title and code
 * as extra attributes) and a securityGroup flow; reset the classGroup flow and wait until it is ready; list;
 * clean up.
 *
 *   pnpm --filter @sds-toolkit/examples provision                          # a simulator started here
 *   pnpm --filter @sds-toolkit/examples provision --base-url <url>         # a simulator already running
 *   GRAPH_TOKEN=<token> pnpm --filter @sds-toolkit/examples provision      # Microsoft Graph
 *
 * The token needs IndustryData-OutboundFlow.ReadWrite.All. --base-url (or GRAPH_BASE_URL) is the API's base URL,
 * e.g. what `pnpm sds simulate` prints; against a simulator on this machine a development token is made here
 * when GRAPH_TOKEN is not set.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  type ClassGroupProvisioningFlow,
  createIndustryDataAdapter,
  createIndustryDataClient,
  IndustryDataError,
  type SecurityGroupProvisioningFlow,
} from '@sds-toolkit/client';
import { createToken, startSimulator } from '@sds-toolkit/simulator';
import { reasonOf } from './reason.js';

const NS = '#microsoft.graph.industryData';

export interface RunOptions {
  readonly baseUrl: string;
  readonly accessToken: string;
  readonly schools?: readonly string[];
  /** How long to wait for the reset flow to be ready. */
  readonly readyTimeoutMs?: number;
  readonly log?: (line: string) => void;
}

export interface RunResult {
  readonly flowSetId: string;
  readonly flowTypes: readonly string[];
  readonly readinessAfterReset: string;
  readonly listed: number;
}

export async function provisionTwoSchools(options: RunOptions): Promise<RunResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const client = createIndustryDataClient(
    createIndustryDataAdapter({ baseUrl: options.baseUrl, accessToken: options.accessToken }),
  );
  const sets = client.external.industryData.outboundProvisioningFlowSets;

  const set = await sets.post({
    displayName: 'Two schools (example)',
    filter: {
      odataType: `${NS}.basicFilter`,
      attribute: 'orgExternalId',
      in: [...(options.schools ?? ['school-1', 'school-2'])],
    },
  });
  if (!set?.id) throw new Error('the flow set came back without an id');
  log(`created flow set ${set.id}`);
  const flows = sets.byOutboundProvisioningFlowSetId(set.id).provisioningFlows;
  try {
    const classGroup: ClassGroupProvisioningFlow = {
      odataType: `${NS}.classGroupProvisioningFlow`,
      configuration: {
        additionalAttributes: ['courseTitle', 'courseCode'],
        additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: false },
        enrollmentMappings: {
          memberEnrollmentMappings: [{ odataType: `${NS}.sectionRoleReferenceValue`, code: 'student' }],
          ownerEnrollmentMappings: [{ odataType: `${NS}.sectionRoleReferenceValue`, code: 'teacher' }],
        },
      },
    };
    const securityGroup: SecurityGroupProvisioningFlow = {
      odataType: `${NS}.securityGroupProvisioningFlow`,
      creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
    };
    const classFlow = await flows.post(classGroup);
    const securityFlow = await flows.post(securityGroup);
    if (!classFlow?.id || !securityFlow?.id) throw new Error('a flow came back without an id');
    log(`created classGroup flow ${classFlow.id} and securityGroup flow ${securityFlow.id}`);

    await flows.byProvisioningFlowId(classFlow.id).reset.post();
    log(`reset the classGroup flow; waiting until it is ready`);
    const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
    let readiness = 'unknown';
    while (Date.now() < deadline) {
      readiness = String(
        (await flows.byProvisioningFlowId(classFlow.id).get())?.readinessStatus ?? 'unknown',
      );
      if (readiness !== 'notReady') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    log(`classGroup flow is ${readiness}`);

    const listed = await flows.get();
    for (const f of listed?.value ?? []) log(`  ${f.odataType} ${f.id} ${f.readinessStatus}`);
    return {
      flowSetId: set.id,
      flowTypes: (listed?.value ?? []).map((f) => String(f.odataType)).sort(),
      readinessAfterReset: readiness,
      listed: listed?.value?.length ?? 0,
    };
  } finally {
    await sets.byOutboundProvisioningFlowSetId(set.id).delete();
    log(`deleted flow set ${set.id}`);
  }
}

const graph = 'https://graph.microsoft.com/beta';
const usage = 'usage: provision-two-schools [--base-url <url>]  (GRAPH_TOKEN: the access token)';

/** A mistake on the command line: said in one line, exit 2. */
class UsageError extends Error {}

/** Where to run and with which token, from the command line and the environment. */
export function target(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): { baseUrl: string; accessToken: string } | undefined {
  let values: { 'base-url'?: string | undefined };
  try {
    ({ values } = parseArgs({ args: [...args], options: { 'base-url': { type: 'string' } }, strict: true }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}; ${usage}`);
  }
  const baseUrl = values['base-url'] ?? env.GRAPH_BASE_URL;
  const token = env.GRAPH_TOKEN;
  if (baseUrl === undefined) return token ? { baseUrl: graph, accessToken: token } : undefined;
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new UsageError(`--base-url '${baseUrl}' is not a URL, e.g. http://127.0.0.1:4010/beta`);
  }
  if (token) return { baseUrl, accessToken: token };
  // A development token is only good for a simulator on this machine; anything else needs a real one.
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
    throw new UsageError(
      `${baseUrl} is not a simulator on this machine: set GRAPH_TOKEN to an access token for it`,
    );
  return { baseUrl, accessToken: createToken({ scopes: ['IndustryData-OutboundFlow.ReadWrite.All'] }) };
}

async function main(): Promise<void> {
  const chosen = target(process.argv.slice(2), process.env);
  if (chosen) {
    console.log(`running against ${chosen.baseUrl}`);
    await provisionTwoSchools(chosen);
    return;
  }
  const simulator = await startSimulator({ readinessDelayMs: 1000 });
  console.log(`no GRAPH_TOKEN: running against the simulator at ${simulator.url}`);
  try {
    await provisionTwoSchools({
      baseUrl: simulator.url,
      accessToken: createToken({ scopes: ['IndustryData-OutboundFlow.ReadWrite.All'] }),
    });
  } finally {
    await simulator.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    // An IndustryDataError's message already ends with its status and code: only the request-id is added.
    if (error instanceof UsageError) {
      console.error(`provision-two-schools: ${error.message}`);
      process.exitCode = 2;
      return;
    }
    console.error(
      error instanceof IndustryDataError
        ? `provision-two-schools: ${error.message}${error.requestId ? ` (request-id ${error.requestId})` : ''}`
        : `provision-two-schools: ${reasonOf(error)}`,
    );
    process.exitCode = 1;
  });
}
