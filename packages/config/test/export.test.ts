import { afterEach, describe, expect, it } from 'vitest';
import { defaultToolkit, loadFile, secretVariable } from '../src/index.js';
import { setUp, testTenant } from './tenant.js';

const slow = { timeout: 60_000 };
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('export', () => {
  it(
    'writes the set-up as a file that plans no change, references by name and secrets as variables',
    slow,
    async () => {
      const tenant = await testTenant();
      close = tenant.close;
      await tenant.apply(setUp);
      const { text } = await tenant.export();
      expect(text).toMatch(
        /^# The School Data Sync set-up of http:\/\/127\.0\.0\.1:\d+\/beta, written by `sds export`\.\n/,
      );
      expect(text).toContain(
        '# Secrets are read from the environment when applied: set SDS_ONEROSTER_CLIENT_SECRET.\n',
      );
      expect(text).toContain('    sourceSystem: SIS\n');
      expect(text).toContain('    dataConnector: csv\n    year: 2025-26\n');
      expect(text).toContain('      clientSecret:\n        env: SDS_ONEROSTER_CLIENT_SECRET\n');
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(text).not.toContain('s3cret');
      const planned = await tenant.plan(text);
      expect(planned.plan.actions).toEqual([]);
      expect(planned.plan.unchanged).toBe(8);
    },
  );

  it('an empty tenant exports as an empty set-up, which is a valid file', slow, async () => {
    const tenant = await testTenant();
    close = tenant.close;
    const { text } = await tenant.export();
    expect(text).toMatch(/\n\{\}\n$/);
    expect(() => loadFile(defaultToolkit(), text, 'empty.yaml')).not.toThrow();
  });

  it('with a schema, the file starts with the line that gives editors its JSON Schema', slow, async () => {
    const tenant = await testTenant();
    close = tenant.close;
    const { exportTenant } = await import('../src/index.js');
    const { text } = await exportTenant(defaultToolkit(), tenant.api, {
      schema: '../schema/sds.schema.json',
    });
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/sds.schema.json');
  });
});

describe('export of a tenant with a name twice', () => {
  it('writes the file and warns that it cannot be planned until one is renamed', slow, async () => {
    const tenant = await testTenant();
    close = tenant.close;
    const year = {
      displayName: '2025-26',
      startDate: '2025-09-01',
      endDate: '2026-07-15',
      year: { code: '2025' },
    };
    const years = { name: 'years', label: 'year' } as any;
    const first = await tenant.api.create(years, year);
    const second = await tenant.api.create(years, year);
    const { text, warnings } = await tenant.export();
    expect(text.match(/displayName: 2025-26/g)).toHaveLength(2);
    expect(warnings).toEqual([
      `the tenant has 2 of year '2025-26' (ids ${first.id}, ${second.id}): rename or delete all but one before planning the file, since objects are matched by name`,
    ]);
  });
});

describe('secretVariable', () => {
  it.each([
    [['oneroster-main', 'clientSecret'], 'SDS_ONEROSTER_MAIN_CLIENT_SECRET'],
    [['Two schools', 'userProvisioningFlow', 'password'], 'SDS_TWO_SCHOOLS_USER_PROVISIONING_FLOW_PASSWORD'],
    [['école 1', 'clientSecret'], 'SDS_ECOLE_1_CLIENT_SECRET'],
  ])('%j → %s', (parts, name) => {
    expect(secretVariable(parts)).toBe(name);
  });
});
