import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  applySetUp,
  connect,
  defaultToolkit,
  loadFile,
  planSetUp,
  schemaPath,
  tenantApi,
} from '@sds-toolkit/config';
import { createToken, startSimulator } from '@sds-toolkit/simulator';
import { describe, expect, it } from 'vitest';

/** The example set-up file the README shows: two schools, every kind. */
const file = fileURLToPath(new URL('../sds.yaml', import.meta.url));
const text = readFileSync(file, 'utf8');

describe('examples/sds.yaml', () => {
  it('is valid (YAML, the JSON Schema, references, the documented rules), without a warning', () => {
    const loaded = loadFile(defaultToolkit(), text, 'examples/sds.yaml');
    expect(loaded.warnings).toEqual([]);
    expect(loaded.objects.map((o) => `${o.kind.name} ${o.name}`)).toEqual([
      'sourceSystems Contoso Student Information System',
      'dataConnectors oneroster-main',
      'dataConnectors csv-drop',
      'years School year 2025-26',
      'inboundFlows Roster from OneRoster',
      'outboundProvisioningFlowSets Contoso High and Fabrikam Middle',
      'provisioningFlows userProvisioningFlow',
      'provisioningFlows classGroupProvisioningFlow',
      'provisioningFlows securityGroupProvisioningFlow',
      'provisioningFlows administrativeUnitProvisioningFlow',
    ]);
  });

  it("names the toolkit's JSON Schema for editors on its first line", () => {
    const modeline = /^# yaml-language-server: \$schema=(.+)\n/.exec(text);
    expect(resolve(dirname(file), modeline?.[1] ?? '')).toBe(schemaPath);
  });

  it('applies to an empty tenant, and a plan right after shows no change', { timeout: 60_000 }, async () => {
    const simulator = await startSimulator({});
    try {
      const toolkit = defaultToolkit();
      const scopes = ['SourceSystem', 'DataConnector', 'TimePeriod', 'InboundFlow', 'OutboundFlow'].map(
        (s) => `IndustryData-${s}.ReadWrite.All`,
      );
      const target = await connect({
        baseUrl: simulator.url,
        token: createToken({ scopes: [...scopes, 'IndustryData.ReadBasic.All'] }),
        env: {},
      });
      const api = tenantApi(target.adapter);
      const loaded = loadFile(toolkit, text, 'examples/sds.yaml');
      const planned = await planSetUp(toolkit, loaded, api, { prune: false });
      const report = await applySetUp(toolkit, planned, api, {
        ONEROSTER_CLIENT_SECRET: 'example-secret',
        NEW_STUDENT_PASSWORD: 'example-password',
      });
      expect(report.failed).toBeUndefined();
      expect(report.done).toHaveLength(10);
      const after = await planSetUp(toolkit, loaded, api, { prune: true });
      expect(after.plan.actions).toEqual([]);
    } finally {
      await simulator.close();
    }
  });
});
