import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FaultRule, type RunningSimulator, startSimulator } from '@sds-toolkit/simulator';

export type { RunningSimulator };

/** A folder for a test's files, removed by `remove`. */
export function workFolder(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    write(name: string, text: string): string {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A simulator on an OS-picked port (the commands make their development token for it). */
export const simulator = (faults: FaultRule[] = []): Promise<RunningSimulator> => startSimulator({ faults });

const readBody = (request: IncomingMessage) =>
  new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => resolve(Buffer.concat(chunks)));
  });

/**
 * An HTTP proxy in front of the simulator standing for another admin: the first time a classGroup flow is
 * created through it, it creates one itself a moment before (with Teams), so the command's create is a 409.
 */
export async function racingAdmin(
  target: RunningSimulator,
): Promise<{ url: string; close(): Promise<void> }> {
  let raced = false;
  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    const url = `${target.origin}${request.url ?? ''}`;
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(request.headers))
      if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
    const text = body.toString('utf8');
    const send = (payload?: string) =>
      fetch(url, {
        method: request.method ?? 'GET',
        headers,
        ...(payload !== undefined ? { body: payload } : {}),
      });
    if (
      !raced &&
      request.method === 'POST' &&
      url.endsWith('/provisioningFlows') &&
      text.includes('classGroupProvisioningFlow')
    ) {
      raced = true;
      await send(text.replace('"createTeam":false', '"createTeam":true'));
    }
    const answer = await send(request.method === 'GET' || request.method === 'DELETE' ? undefined : text);
    const out: Record<string, string> = {};
    answer.headers.forEach((v, k) => {
      if (k !== 'content-length' && k !== 'transfer-encoding' && k !== 'connection') out[k] = v;
    });
    response.writeHead(answer.status, out);
    response.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/beta`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A small whole set-up: a source system, both connector kinds, a year, an inbound flow, a flow set with two flows. */
export const setUp = `sourceSystems:
  - displayName: SIS
    vendor: Contoso
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

export const secrets = { ONEROSTER_SECRET: 's3cret' };
