import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { hasScript, lines, sds, sdsOnTerminal } from '../run.js';
import {
  type RunningSimulator,
  racingAdmin,
  secrets,
  setUp,
  simulator,
  workFolder,
} from './set-up-fixtures.js';

const slow = { timeout: 120_000 };
const work = workFolder('sds-apply-');
afterAll(() => work.remove());
let close: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of close) await c();
  close = [];
});

async function tenant(faults: Parameters<typeof simulator>[0] = []): Promise<RunningSimulator> {
  const sim = await simulator(faults);
  close.push(() => sim.close());
  return sim;
}

const withoutIds = (text: string) => text.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '{id}');

describe('sds apply against the simulator', () => {
  it(
    'creates everything on an empty tenant, printing the plan and each request done; a second apply does nothing',
    slow,
    async () => {
      const sim = await tenant();
      const file = work.write('sds.yaml', setUp);
      const first = await sds(['apply', '--config', file, '--base-url', sim.url], { env: secrets });
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      const printed = lines(withoutIds(first.stdout));
      expect(printed.slice(10)).toEqual([
        "created source system 'SIS' (id {id})",
        "created data connector 'csv' (id {id})",
        "created data connector 'oneroster' (id {id})",
        "created year '2025-26' (id {id})",
        "created inbound flow 'Roster' (id {id})",
        "created flow set 'Two schools' (id {id})",
        "created classGroupProvisioningFlow of flow set 'Two schools' (id {id})",
        "created securityGroupProvisioningFlow of flow set 'Two schools' (id {id})",
        'Apply complete: 8 created, 0 updated, 0 deleted.',
      ]);
      expect(printed[9]).toBe(
        'Plan: 8 to create, 0 to update, 0 to replace, 0 to delete (8 requests); 0 unchanged.',
      );
      const second = await sds(['apply', '--config', file, '--base-url', sim.url, '--json'], {
        env: secrets,
      });
      expect(second.code).toBe(0);
      expect(JSON.parse(second.stdout)).toEqual({
        file,
        target: sim.url,
        complete: true,
        done: [],
        failed: null,
        notDone: [],
        waits: [],
      });
    },
  );

  it('a secret the environment lacks: one line naming the variable, exit 1, nothing sent', slow, async () => {
    const sim = await tenant();
    const file = work.write('sds.yaml', setUp);
    const run = await sds(['apply', '--config', file, '--base-url', sim.url]);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([
      "sds apply: set ONEROSTER_SECRET in the environment: data connector 'oneroster' needs the secret it names (a file never holds secrets); nothing was sent",
    ]);
    const plan = await sds(['plan', '--config', file, '--base-url', sim.url, '--json']);
    expect(JSON.parse(plan.stdout).summary.create).toBe(8);
  });

  it(
    'throttled (429) past what it waits: a clear report, exit 1; a second apply finishes the job',
    slow,
    async () => {
      const sim = await tenant([{ status: 429, retryAfter: 0, count: 5, method: 'POST', path: '/years' }]);
      const file = work.write('sds.yaml', setUp);
      const first = await sds(['apply', '--config', file, '--base-url', sim.url], { env: secrets });
      expect(first.code).toBe(1);
      expect(lines(withoutIds(first.stderr))).toEqual([
        'waiting creating a year: the service answered 429; waiting 0 s as it asks (try 2)',
        'waiting creating a year: the service answered 429; waiting 0 s as it asks (try 3)',
        'waiting creating a year: the service answered 429; waiting 0 s as it asks (try 4)',
        'waiting creating a year: the service answered 429; waiting 0 s as it asks (try 5)',
        "Stopped at request 4 of 8: create year '2025-26' failed: creating a year: the service still answered 429 after 5 tries (waiting as Retry-After asked): run again later (request-id {id})",
        "Done (3): create source system 'SIS', create data connector 'csv', create data connector 'oneroster'.",
        "Not sent (4): create inbound flow 'Roster', create flow set 'Two schools', create classGroupProvisioningFlow of flow set 'Two schools', create securityGroupProvisioningFlow of flow set 'Two schools'.",
        'Fix the cause and run sds apply again: it plans from the tenant as it is now, so what is done is not redone.',
      ]);
      const second = await sds(['apply', '--config', file, '--base-url', sim.url], { env: secrets });
      expect(second.code).toBe(0);
      expect(second.stdout).toContain(
        'Plan: 5 to create, 0 to update, 0 to replace, 0 to delete (5 requests); 3 unchanged.',
      );
      expect(second.stdout).toMatch(/Apply complete: 5 created, 0 updated, 0 deleted\.\n$/);
      const plan = await sds(['plan', '--config', file, '--base-url', sim.url, '--detailed-exitcode']);
      expect(plan.code).toBe(0);
    },
  );

  it(
    'a 409 mid-apply (another admin made the flow meanwhile): a clear report, exit 1; a second apply finishes the job',
    slow,
    async () => {
      const sim = await tenant();
      const proxy = await racingAdmin(sim);
      close.push(() => proxy.close());
      const file = work.write('sds.yaml', setUp);
      const first = await sds(['apply', '--config', file, '--base-url', proxy.url, '--json'], {
        env: secrets,
      });
      expect(first.code).toBe(1);
      const report = JSON.parse(first.stdout);
      expect(report).toMatchObject({
        complete: false,
        failed: {
          op: 'create',
          kind: 'provisioningFlows',
          name: 'classGroupProvisioningFlow',
          status: 409,
          code: 'conflict',
        },
        notDone: [
          { op: 'create', name: 'classGroupProvisioningFlow' },
          { op: 'create', name: 'securityGroupProvisioningFlow' },
        ],
        error: { code: 'failed', exitCode: 1 },
      });
      expect(report.done).toHaveLength(6);
      expect(report.failed.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(report.error.message).toMatch(/^stopped: .*one-flow-per-type/);
      expect(lines(first.stderr)).toEqual([]);
      const second = await sds(['apply', '--config', file, '--base-url', sim.url], { env: secrets });
      expect(second.code).toBe(0);
      expect(lines(withoutIds(second.stdout))).toEqual([
        `${file} against ${sim.url}:`,
        "  ~ classGroupProvisioningFlow of flow set 'Two schools' (id {id})",
        '      configuration.additionalOptions.createTeam: true → false',
        "  + securityGroupProvisioningFlow of flow set 'Two schools'",
        'Plan: 1 to create, 1 to update, 0 to replace, 0 to delete (2 requests); 6 unchanged.',
        "updated classGroupProvisioningFlow of flow set 'Two schools' (id {id})",
        "created securityGroupProvisioningFlow of flow set 'Two schools' (id {id})",
        'Apply complete: 1 created, 1 updated, 0 deleted.',
      ]);
    },
  );
});

describe.skipIf(!hasScript)('sds apply on a terminal', () => {
  const csi = '\x1b[';
  it(
    'shows each request as progress and the plan in colour; NO_COLOR turns colour off, not progress',
    slow,
    async () => {
      const sim = await tenant();
      const file = work.write('sds.yaml', setUp);
      const { code, screen } = await sdsOnTerminal(['apply', '--config', file, '--base-url', sim.url], {
        env: secrets,
      });
      expect(code).toBe(0);
      // The spinner's frame goes on from step to step: any frame, then the step.
      const cleared = screen.replaceAll(`\r${csi}K`, '<cleared>');
      expect(cleared).toMatch(/<cleared>\S apply: \[1\/8\] create source system 'SIS'/);
      expect(cleared).toMatch(
        /<cleared>\S apply: \[8\/8\] create securityGroupProvisioningFlow of flow set 'Two schools'/,
      );
      expect(screen).toContain(`${csi}32m+${csi}39m source system 'SIS'`);
      expect(screen).toContain(`${csi}32mcreated${csi}39m source system 'SIS'`);
      const plain = await sdsOnTerminal(['plan', '--config', file, '--base-url', sim.url], {
        env: { NO_COLOR: '1' },
      });
      expect(plain.code).toBe(0);
      expect(plain.screen.replaceAll(`\r${csi}K`, '')).not.toContain(csi);
    },
  );
});
