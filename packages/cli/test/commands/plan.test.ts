import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines, sds } from '../run.js';
import { type RunningSimulator, secrets, setUp, simulator, workFolder } from './set-up-fixtures.js';

const slow = { timeout: 90_000 };
const work = workFolder('sds-plan-');
afterAll(() => work.remove());

describe('sds plan: the file is checked before any request', () => {
  // Nothing listens on port 1: a request would fail with "cannot reach", not with the file's problems.
  const nowhere = 'http://127.0.0.1:1/beta';
  const invalid = () =>
    work.write(
      'invalid.yaml',
      setUp.replace('vendor: Contoso', 'vendr: Contoso').replace('startDate: 2025-09-01', 'startDate: soon'),
    );

  it(
    'an invalid file: each problem at file:line on stderr, then one line; exit 1; nothing sent',
    slow,
    async () => {
      const file = invalid();
      const run = await sds(['plan', '--config', file, '--base-url', nowhere]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(lines(run.stderr)).toEqual([
        `${file}:3:5: error source system 'SIS': unknown property 'vendr'; did you mean 'vendor'? (this takes displayName, type, userMatchingSettings, vendor)`,
        `${file}:24:16: error year '2025-26' startDate: 'soon' is not a date (e.g. 2025-09-01)`,
        `sds plan: ${file} is invalid: 2 problems, listed above; nothing was sent`,
      ]);
    },
  );

  it(
    '--json: the error object lists the problems with their lines; --detailed-exitcode keeps 1 for errors',
    slow,
    async () => {
      const file = invalid();
      const run = await sds([
        'plan',
        '--config',
        file,
        '--base-url',
        nowhere,
        '--json',
        '--detailed-exitcode',
      ]);
      expect(run.code).toBe(1);
      const printed = JSON.parse(run.stdout);
      // #20 (user trial): the JSON message said "listed above" of findings that are in the object itself.
      expect(printed.error).toMatchObject({
        code: 'failed',
        exitCode: 1,
        message: `${file} is invalid: 2 problems, listed in findings; nothing was sent`,
      });
      expect(printed.error.findings.map((f: any) => [f.file, f.line, f.column, f.severity])).toEqual([
        [file, 3, 5, 'error'],
        [file, 24, 16, 'error'],
      ]);
    },
  );

  it('a usage error under --detailed-exitcode exits 1 (2 means changes)', slow, async () => {
    const run = await sds(['plan', '--detailed-exitcode']);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual(['sds plan: give the set-up file: sds plan --config sds.yaml']);
  });

  it('an unreachable target: one line, exit 1', slow, async () => {
    const run = await sds(['plan', '--config', work.write('ok.yaml', setUp), '--base-url', nowhere]);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([
      expect.stringMatching(/^sds plan: cannot reach the API: .* \(check --base-url and the network\)$/),
    ]);
  });

  it('a remote target over plain http is refused before anything is sent (exit 2)', slow, async () => {
    const run = await sds([
      'plan',
      '--config',
      work.write('ok.yaml', setUp),
      '--base-url',
      'http://graph.example/beta',
      '--token',
      't',
    ]);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      "sds plan: --base-url 'http://graph.example/beta' would send the token in clear: use https (plain http only to this machine) (see 'sds help plan')",
    ]);
  });
});

describe('sds plan against the simulator', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await simulator();
  });
  afterAll(() => sim.close());

  it(
    'an empty tenant: everything to create, in dependency order; exit 2 with --detailed-exitcode; then 0 after apply',
    slow,
    async () => {
      const file = work.write('sds.yaml', setUp);
      const before = await sds(['plan', '--config', file, '--base-url', sim.url, '--detailed-exitcode']);
      expect(before.stderr).toBe('');
      expect(before.code).toBe(2);
      expect(lines(before.stdout)).toEqual([
        `${file} against ${sim.url}:`,
        "  + source system 'SIS'",
        "  + data connector 'csv' (azureDataLakeConnector)",
        "  + data connector 'oneroster' (oneRosterApiDataConnector)",
        "  + year '2025-26'",
        "  + inbound flow 'Roster' (inboundFileFlow)",
        "  + flow set 'Two schools'",
        "  + classGroupProvisioningFlow of flow set 'Two schools'",
        "  + securityGroupProvisioningFlow of flow set 'Two schools'",
        'Plan: 8 to create, 0 to update, 0 to replace, 0 to delete (8 requests); 0 unchanged.',
      ]);
      const applied = await sds(['apply', '--config', file, '--base-url', sim.url], { env: secrets });
      expect(applied.code).toBe(0);
      const after = await sds(['plan', '--config', file, '--base-url', sim.url, '--detailed-exitcode']);
      expect(after.code).toBe(0);
      expect(after.stdout).toBe(`No changes: ${sim.url} has the set-up of ${file} (8 objects).\n`);

      // One property changed: exactly that update, property by property.
      const changed = work.write('changed.yaml', setUp.replace('endDate: 2026-07-15', 'endDate: 2026-07-31'));
      const update = await sds(['plan', '--config', changed, '--base-url', sim.url, '--detailed-exitcode']);
      expect(update.code).toBe(2);
      expect(lines(update.stdout)).toEqual([
        `${changed} against ${sim.url}:`,
        expect.stringMatching(/^ {2}~ year '2025-26' \(id [0-9a-f-]{36}\)$/),
        '      endDate: "2026-07-15" → "2026-07-31"',
        'Plan: 0 to create, 1 to update, 0 to replace, 0 to delete (1 request); 7 unchanged.',
      ]);
      const json = JSON.parse(
        (await sds(['plan', '--config', changed, '--base-url', sim.url, '--json'])).stdout,
      );
      expect(json).toMatchObject({
        changes: true,
        summary: { create: 0, update: 1, replace: 0, delete: 0, unchanged: 7 },
        actions: [
          {
            action: 'update',
            kind: 'years',
            name: '2025-26',
            changes: [{ property: 'endDate', path: 'endDate', from: '2026-07-15', to: '2026-07-31' }],
          },
        ],
        requests: 1,
        unmanaged: [],
      });

      // An object removed from the file: kept without --prune, deleted with it.
      const removed = work.write(
        'removed.yaml',
        setUp.replace(/ {6}- type: securityGroupProvisioningFlow\n.*\n/, ''),
      );
      const kept = await sds(['plan', '--config', removed, '--base-url', sim.url, '--detailed-exitcode']);
      expect(kept.code).toBe(0);
      expect(lines(kept.stdout)).toEqual([
        `No changes: ${sim.url} has the set-up of ${removed} (7 objects).`,
        `1 object of the tenant is not in ${removed} and kept (--prune deletes them): securityGroupProvisioningFlow of flow set 'Two schools'.`,
      ]);
      const pruned = await sds([
        'plan',
        '--config',
        removed,
        '--base-url',
        sim.url,
        '--prune',
        '--detailed-exitcode',
      ]);
      expect(pruned.code).toBe(2);
      expect(pruned.stdout).toMatch(
        /\n {2}- securityGroupProvisioningFlow of flow set 'Two schools' \(id [0-9a-f-]{36}\)\nPlan: 0 to create, 0 to update, 0 to replace, 1 to delete \(1 request\); 7 unchanged\.\n$/,
      );
    },
  );

  it('a token without the scopes: the refusal in one line with its request-id, exit 1', slow, async () => {
    const { createToken } = await import('@sds-toolkit/simulator');
    const run = await sds(['plan', '--config', work.write('ok.yaml', setUp), '--base-url', sim.url], {
      env: { GRAPH_TOKEN: createToken({ scopes: ['IndustryData-OutboundFlow.Read.All'] }) },
    });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([
      expect.stringMatching(
        /^sds plan: the service refused: .*\(403 Authorization_RequestDenied\) \(request-id [0-9a-f-]{36}\)$/,
      ),
    ]);
  });
});
