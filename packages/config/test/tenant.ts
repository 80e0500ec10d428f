import { createToken, type FaultRule, startSimulator } from '@sds-toolkit/simulator';
import {
  applySetUp,
  connect,
  defaultToolkit,
  exportTenant,
  loadFile,
  planSetUp,
  type TenantApi,
  tenantApi,
  type WaitEvent,
} from '../src/index.js';

/** Every scope a set-up needs. */
export const scopes = [
  'IndustryData-SourceSystem.ReadWrite.All',
  'IndustryData-DataConnector.ReadWrite.All',
  'IndustryData-TimePeriod.ReadWrite.All',
  'IndustryData-InboundFlow.ReadWrite.All',
  'IndustryData-OutboundFlow.ReadWrite.All',
  'IndustryData.ReadBasic.All',
];

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * A simulator on an OS-picked port and the config package's API to it, through a fetch that records each
 * request (`GET /beta/…`) and may be wrapped (a concurrent admin); waits asked by the service are recorded,
 * never slept.
 */
export async function testTenant(options: { faults?: FaultRule[]; around?: (send: Fetch) => Fetch } = {}) {
  const simulator = await startSimulator({ faults: options.faults ?? [] });
  const requests: string[] = [];
  const send: Fetch = (url, init) => globalThis.fetch(url, init);
  const wrapped = options.around ? options.around(send) : send;
  const fetch: Fetch = (url, init) => {
    requests.push(`${init.method ?? 'GET'} ${new URL(url).pathname}`);
    return wrapped(url, init);
  };
  const target = await connect({ baseUrl: simulator.url, token: createToken({ scopes }), env: {}, fetch });
  const waits: WaitEvent[] = [];
  const slept: number[] = [];
  const api: TenantApi = tenantApi(target.adapter, {
    sleep: async (ms) => {
      slept.push(ms);
    },
    onWait: (w) => waits.push(w),
  });
  const toolkit = defaultToolkit();
  const env = { CSV_SECRET: 'unused', ONEROSTER_SECRET: 's3cret' };
  return {
    simulator,
    api,
    requests,
    waits,
    slept,
    writes: () => requests.filter((r) => !r.startsWith('GET ')),
    load: (text: string, file = 'sds.yaml') => loadFile(toolkit, text, file),
    plan: (text: string, prune = false) =>
      planSetUp(toolkit, loadFile(toolkit, text, 'sds.yaml'), api, { prune }),
    async apply(text: string, prune = false, environment: Record<string, string> = env) {
      const planned = await planSetUp(toolkit, loadFile(toolkit, text, 'sds.yaml'), api, { prune });
      return applySetUp(toolkit, planned, api, environment);
    },
    export: () => exportTenant(toolkit, api),
    close: () => simulator.close(),
  };
}

/** A small whole set-up: every kind, both connector kinds, a flow set with two flows. */
export const setUp = `sourceSystems:
  - displayName: SIS
    vendor: Contoso
    userMatchingSettings:
      - roleGroup: staff
        matchTarget: { code: userPrincipalName }
        sourceIdentifier: { code: username }
        priorityOrder: 0
dataConnectors:
  - type: azureDataLakeConnector
    displayName: csv
    sourceSystem: SIS
  - type: oneRosterApiDataConnector
    displayName: oneroster
    sourceSystem: SIS
    apiFormat: oneRoster
    baseUrl: https://oneroster.example/v1p1
    apiVersion: "1.1"
    isContactsEnabled: false
    isDemographicsEnabled: false
    isFlagsEnabled: false
    credential:
      type: oAuth2ClientCredential
      clientId: client-1
      clientSecret: { env: ONEROSTER_SECRET }
      tokenUrl: https://oneroster.example/token
years:
  - displayName: 2025-26
    startDate: 2025-09-01
    endDate: 2026-07-15
    year: { code: "2025" }
inboundFlows:
  - type: inboundFileFlow
    displayName: Roster
    dataDomain: educationRostering
    effectiveDateTime: 2025-08-01T00:00:00Z
    dataConnector: csv
    year: 2025-26
outboundProvisioningFlowSets:
  - displayName: Two schools
    filter: { type: basicFilter, attribute: orgExternalId, in: [school-1, school-2] }
    provisioningFlows:
      - type: classGroupProvisioningFlow
        configuration:
          additionalAttributes: [courseTitle]
          additionalOptions: { createTeam: false }
      - type: securityGroupProvisioningFlow
        creationOptions: { createBasedOnRoleGroup: true }
`;

/** The set-up with `from` replaced by `to` (one change, for a test). */
export function edited(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`the set-up has no '${from}'`);
  return text.replace(from, to);
}
