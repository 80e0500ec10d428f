import { afterEach, describe, expect, it } from 'vitest';
import { planText } from '../src/index.js';
import { edited, setUp, testTenant } from './tenant.js';

const slow = { timeout: 60_000 };
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function fresh() {
  const tenant = await testTenant();
  close = tenant.close;
  return tenant;
}

const summary = (p: { plan: { actions: readonly { action: string }[] } }) =>
  p.plan.actions.map((a: any) => `${a.action} ${a.action === 'delete' ? a.current.name : a.object.name}`);

describe('plan and apply against the simulator', () => {
  it(
    'applying to an empty tenant creates everything, in dependency order; a plan right after shows no change',
    slow,
    async () => {
      const tenant = await fresh();
      const first = await tenant.plan(setUp);
      expect(summary(first)).toEqual([
        'create SIS',
        'create csv',
        'create oneroster',
        'create 2025-26',
        'create Roster',
        'create Two schools',
        'create classGroupProvisioningFlow',
        'create securityGroupProvisioningFlow',
      ]);
      const report = await tenant.apply(setUp);
      expect(report.failed).toBeUndefined();
      expect(report.done.map((d) => d.step.op)).toEqual(Array(8).fill('create'));
      expect(tenant.writes().map((w) => w.replace(/[0-9a-f-]{36}/g, '{id}'))).toEqual([
        'POST /beta/external/industryData/sourceSystems',
        'POST /beta/external/industryData/dataConnectors',
        'POST /beta/external/industryData/dataConnectors',
        'POST /beta/external/industryData/years',
        'POST /beta/external/industryData/inboundFlows',
        'POST /beta/external/industryData/outboundProvisioningFlowSets',
        'POST /beta/external/industryData/outboundProvisioningFlowSets/{id}/provisioningFlows',
        'POST /beta/external/industryData/outboundProvisioningFlowSets/{id}/provisioningFlows',
      ]);
      const again = await tenant.plan(setUp);
      expect(again.plan.actions).toEqual([]);
      expect(again.plan.unchanged).toBe(8);
      expect(planText(again.plan, { file: 'sds.yaml', target: 'T' })).toBe(
        'No changes: T has the set-up of sds.yaml (8 objects).\n',
      );
      const second = await tenant.apply(setUp);
      expect(second.done).toEqual([]);
    },
  );

  it.each([
    ['a vendor', 'vendor: Contoso', 'vendor: Fabrikam', 'SIS', 'vendor', 'Contoso', 'Fabrikam'],
    [
      'an end date',
      'endDate: 2026-07-15',
      'endDate: 2026-07-31',
      '2025-26',
      'endDate',
      '2026-07-15',
      '2026-07-31',
    ],
    [
      'a nested flag',
      'createTeam: false',
      'createTeam: true',
      'classGroupProvisioningFlow',
      'configuration.additionalOptions.createTeam',
      false,
      true,
    ],
    [
      'a list of values',
      'in: [school-1, school-2]',
      'in: [school-1, school-2, school-3]',
      'Two schools',
      'filter.in',
      ['school-1', 'school-2'],
      ['school-1', 'school-2', 'school-3'],
    ],
  ])(
    'changing %s in the file plans exactly that update; applying it leaves no change',
    slow,
    async (_name, from, to, object, path, was, becomes) => {
      const tenant = await fresh();
      await tenant.apply(setUp);
      const changed = edited(setUp, from, to);
      const planned = await tenant.plan(changed);
      expect(planned.plan.actions).toHaveLength(1);
      const [action] = planned.plan.actions as any[];
      expect(action.action).toBe('update');
      expect(action.object.name).toBe(object);
      expect(action.changes).toEqual([{ property: path.split('.')[0], path, from: was, to: becomes }]);
      const before = tenant.writes().length;
      const report = await tenant.apply(changed);
      expect(report.failed).toBeUndefined();
      expect(tenant.writes().slice(before)).toHaveLength(1);
      expect(tenant.writes().at(-1)).toMatch(/^PATCH /);
      expect((await tenant.plan(changed)).plan.actions).toEqual([]);
    },
  );

  it('the same list in another order is no change (Graph keeps no order of plain values)', slow, async () => {
    const tenant = await fresh();
    await tenant.apply(setUp);
    const planned = await tenant.plan(edited(setUp, 'in: [school-1, school-2]', 'in: [school-2, school-1]'));
    expect(planned.plan.actions).toEqual([]);
  });

  it(
    'removing an object plans nothing without --prune (it is listed as kept) and a delete with it',
    slow,
    async () => {
      const tenant = await fresh();
      await tenant.apply(setUp);
      const without = edited(
        setUp,
        `      - type: securityGroupProvisioningFlow
        creationOptions: { createBasedOnRoleGroup: true }
`,
        '',
      );
      const kept = await tenant.plan(without);
      expect(kept.plan.actions).toEqual([]);
      expect(kept.plan.unmanaged.map((o) => o.name)).toEqual(['securityGroupProvisioningFlow']);
      expect(planText(kept.plan, { file: 'sds.yaml', target: 'T' })).toContain(
        "1 object of the tenant is not in sds.yaml and kept (--prune deletes them): securityGroupProvisioningFlow of flow set 'Two schools'.",
      );
      const pruned = await tenant.plan(without, true);
      expect(summary(pruned)).toEqual(['delete securityGroupProvisioningFlow']);
      const report = await tenant.apply(without, true);
      expect(report.failed).toBeUndefined();
      expect(tenant.writes().at(-1)).toMatch(/^DELETE .*\/provisioningFlows\/[0-9a-f-]{36}$/);
      expect((await tenant.plan(without, true)).plan.actions).toEqual([]);
    },
  );

  it(
    '--prune deletes dependents before what they use, and a flow set with its flows in one request',
    slow,
    async () => {
      const tenant = await fresh();
      await tenant.apply(setUp);
      const only = 'sourceSystems:\n  - displayName: SIS\n    vendor: Contoso\n';
      const pruned = await tenant.plan(only, true);
      expect(pruned.plan.steps.map((s: any) => `${s.op} ${s.action.current.name}`)).toEqual([
        'delete Two schools',
        'delete Roster',
        'delete 2025-26',
        'delete csv',
        'delete oneroster',
      ]);
    },
  );

  it(
    'a property an update does not take replaces the object, and what refers to it is replaced too',
    slow,
    async () => {
      const tenant = await fresh();
      await tenant.apply(setUp);
      const changed = edited(setUp, 'year: { code: "2025" }', 'year: { code: "2026" }');
      const planned = await tenant.plan(changed);
      expect(planned.plan.actions.map((a: any) => `${a.action} ${a.object.name}: ${a.reason}`)).toEqual([
        'replace 2025-26: year cannot be updated in place',
        "replace Roster: its year '2025-26' is replaced",
      ]);
      expect(planned.plan.steps.map((s: any) => `${s.op} ${s.action.object.name}`)).toEqual([
        'delete Roster',
        'delete 2025-26',
        'create 2025-26',
        'create Roster',
      ]);
      const report = await tenant.apply(changed);
      expect(report.failed).toBeUndefined();
      expect((await tenant.plan(changed)).plan.actions).toEqual([]);
    },
  );

  it('another type is a replace (delete, then create), dependents first', slow, async () => {
    const tenant = await fresh();
    await tenant.apply(setUp);
    const retyped = edited(
      edited(
        setUp,
        '  - type: azureDataLakeConnector\n    displayName: csv\n    sourceSystem: SIS\n',
        `  - type: oneRosterApiDataConnector
    displayName: csv
    sourceSystem: SIS
    apiFormat: oneRoster
    baseUrl: https://csv.example/v1p1
    apiVersion: "1.1"
    isContactsEnabled: false
    isDemographicsEnabled: false
    isFlagsEnabled: false
    credential: { type: oAuth2ClientCredential, clientId: c, clientSecret: { env: ONEROSTER_SECRET } }
`,
      ),
      'type: inboundFileFlow',
      'type: inboundApiFlow',
    );
    const planned = await tenant.plan(retyped);
    expect(planned.plan.actions.map((a: any) => `${a.action} ${a.object.name}: ${a.reason}`)).toEqual([
      'replace csv: its type cannot be changed in place',
      'replace Roster: its type cannot be changed in place',
    ]);
    expect(planned.plan.steps.map((s: any) => `${s.op} ${s.action.object.name}`)).toEqual([
      'delete Roster',
      'delete csv',
      'create csv',
      'create Roster',
    ]);
    expect((await tenant.apply(retyped)).failed).toBeUndefined();
    expect((await tenant.plan(retyped)).plan.actions).toEqual([]);
  });

  it('renaming an object creates the new one (and with --prune deletes the old one)', slow, async () => {
    const tenant = await fresh();
    await tenant.apply(setUp);
    const renamed = edited(setUp, 'displayName: Two schools', 'displayName: Both schools');
    const planned = await tenant.plan(renamed, true);
    expect(summary(planned)).toEqual([
      'create Both schools',
      'create classGroupProvisioningFlow',
      'create securityGroupProvisioningFlow',
      'delete Two schools',
    ]);
  });

  it('a name the tenant has twice is an error naming both ids, at the line of the file', slow, async () => {
    const tenant = await fresh();
    for (let i = 0; i < 2; i++)
      await tenant.api
        .create({ name: 'years', label: 'year' } as any, {
          displayName: '2025-26',
          startDate: '2025-09-01',
          endDate: '2026-07-15',
          year: { code: '2025' },
        })
        .catch(() => undefined);
    const twice = (await tenant.api.list({ name: 'years', label: 'year' } as any)).length;
    expect(twice).toBe(2);
    await expect(tenant.plan(setUp)).rejects.toThrow(
      /^sds\.yaml cannot be planned against the tenant: sds\.yaml:28:5: the tenant has 2 years named '2025-26' \(ids [0-9a-f-]{36}, [0-9a-f-]{36}\): objects are matched by display name, so rename or delete all but one$/,
    );
  });

  it('a role group the tenant does not have is an error at its line', slow, async () => {
    const tenant = await fresh();
    await expect(tenant.plan(edited(setUp, 'roleGroup: staff', 'roleGroup: staf'))).rejects.toThrow(
      "sds.yaml:5:20: roleGroup 'staf' is not a role group of the tenant; did you mean 'staff'? (it has staff, students)",
    );
  });

  it('a role group is matched by its display name as well as its id', slow, async () => {
    const tenant = await fresh();
    const groups = await tenant.api.listRoleGroups();
    const staff = groups.find((g) => g.id === 'staff');
    await tenant.apply(setUp);
    const byName = edited(setUp, 'roleGroup: staff', `roleGroup: ${String(staff?.displayName)}`);
    expect((await tenant.plan(byName)).plan.actions).toEqual([]);
  });
});
