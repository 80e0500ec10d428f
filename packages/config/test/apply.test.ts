import { afterEach, describe, expect, it } from 'vitest';
import {
  applySetUp,
  defaultToolkit,
  loadFile,
  MissingSecretsError,
  planSetUp,
  reportText,
} from '../src/index.js';
import { setUp, testTenant } from './tenant.js';

const slow = { timeout: 60_000 };
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function fresh(options: Parameters<typeof testTenant>[0] = {}) {
  const tenant = await testTenant(options);
  close = tenant.close;
  return tenant;
}

const steps = (list: readonly { op: string; action: any }[]) =>
  list.map((s) => `${s.op} ${(s.action.action === 'delete' ? s.action.current : s.action.object).name}`);

describe('apply: throttling, failures, resuming', () => {
  it('a 429 is waited out as long as Retry-After asks, and the apply goes on', slow, async () => {
    const tenant = await fresh({
      faults: [{ status: 429, retryAfter: 3, count: 1, method: 'POST', path: '/years' }],
    });
    const report = await tenant.apply(setUp);
    expect(report.failed).toBeUndefined();
    expect(tenant.slept).toEqual([3000]);
    expect(tenant.waits).toEqual([{ what: 'creating a year', status: 429, seconds: 3, attempt: 1 }]);
    expect(tenant.writes().filter((w) => w.endsWith('/years'))).toHaveLength(2);
  });

  it(
    'a 429 that does not stop ends in a report of what was done and not; a second apply finishes the job',
    slow,
    async () => {
      const tenant = await fresh({
        faults: [{ status: 429, retryAfter: 1, count: 5, method: 'POST', path: '/years' }],
      });
      const first = await tenant.apply(setUp);
      expect(first.failed?.status).toBe(429);
      expect(first.failed?.message).toBe(
        'creating a year: the service still answered 429 after 5 tries (waiting as Retry-After asked): run again later',
      );
      expect(tenant.slept).toEqual([1000, 1000, 1000, 1000]);
      expect(steps(first.done.map((d) => d.step))).toEqual(['create SIS', 'create csv', 'create oneroster']);
      expect(steps(first.notDone)).toEqual([
        'create 2025-26',
        'create Roster',
        'create Two schools',
        'create classGroupProvisioningFlow',
        'create securityGroupProvisioningFlow',
      ]);
      expect(reportText(first).replace(/request-id [0-9a-f-]{36}/, 'request-id {id}')).toBe(
        [
          "Stopped at request 4 of 8: create year '2025-26' failed: creating a year: the service still answered 429 after 5 tries (waiting as Retry-After asked): run again later (request-id {id})",
          "Done (3): create source system 'SIS', create data connector 'csv', create data connector 'oneroster'.",
          "Not sent (4): create inbound flow 'Roster', create flow set 'Two schools', create classGroupProvisioningFlow of flow set 'Two schools', create securityGroupProvisioningFlow of flow set 'Two schools'.",
          'Fix the cause and run sds apply again: it plans from the tenant as it is now, so what is done is not redone.',
          '',
        ].join('\n'),
      );
      const second = await tenant.apply(setUp);
      expect(second.failed).toBeUndefined();
      expect(steps(second.done.map((d) => d.step))).toEqual(steps(first.notDone));
      expect((await tenant.plan(setUp)).plan.actions).toEqual([]);
    },
  );

  it('a Retry-After longer than the run waits stops it at once, saying when to run again', slow, async () => {
    const tenant = await fresh({
      faults: [{ status: 429, retryAfter: 3600, count: 1, method: 'POST', path: '/years' }],
    });
    const report = await tenant.apply(setUp);
    expect(report.failed?.message).toMatch(
      /^creating a year: the service answered 429 and asks to wait 3600 s \(more than 120 s\): run again after \d{4}-\d\d-\d\dT/,
    );
    expect(tenant.slept).toEqual([]);
  });

  it(
    'a 409 mid-apply (another admin made the flow meanwhile) ends in a clear report; a second apply finishes the job',
    slow,
    async () => {
      let raced = false;
      const tenant = await fresh({
        around: (send) => async (url, init) => {
          const body =
            init.body instanceof ArrayBuffer ? new TextDecoder().decode(init.body) : String(init.body ?? '');
          if (
            !raced &&
            init.method === 'POST' &&
            url.endsWith('/provisioningFlows') &&
            body.includes('classGroupProvisioningFlow')
          ) {
            raced = true;
            // Another admin, a moment earlier: the same flow, with Teams.
            const theirs = body.replace('"createTeam":false', '"createTeam":true');
            if (theirs === body) throw new Error('the flow body has no createTeam to change');
            await send(url, { ...init, body: theirs });
          }
          return send(url, init);
        },
      });
      const first = await tenant.apply(setUp);
      expect(first.failed).toMatchObject({ status: 409, code: 'conflict' });
      expect(first.failed?.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(first.failed?.message).toMatch(/one-flow-per-type/);
      expect(steps(first.notDone)).toEqual([
        'create classGroupProvisioningFlow',
        'create securityGroupProvisioningFlow',
      ]);
      const resumed = await tenant.plan(setUp);
      expect(
        resumed.plan.actions.map((a: any) => [a.action, a.object.name, a.changes?.map((c: any) => c.path)]),
      ).toEqual([
        ['update', 'classGroupProvisioningFlow', ['configuration.additionalOptions.createTeam']],
        ['create', 'securityGroupProvisioningFlow', undefined],
      ]);
      const second = await tenant.apply(setUp);
      expect(second.failed).toBeUndefined();
      expect((await tenant.plan(setUp)).plan.actions).toEqual([]);
    },
  );

  it(
    'a 503 to a create is not sent again (it may have been carried out): the run stops, a second apply resumes',
    slow,
    async () => {
      const tenant = await fresh({
        faults: [{ status: 503, count: 1, method: 'POST', path: '/dataConnectors' }],
      });
      const first = await tenant.apply(setUp);
      expect(first.failed?.status).toBe(503);
      expect(tenant.writes().filter((w) => w.endsWith('/dataConnectors'))).toHaveLength(1);
      const second = await tenant.apply(setUp);
      expect(second.failed).toBeUndefined();
      expect((await tenant.api.list({ name: 'dataConnectors', label: 'data connector' } as any)).length).toBe(
        2,
      );
    },
  );

  it(
    'a 503 to a read is tried again (waiting 1 s, then 2 s… when the service says nothing)',
    slow,
    async () => {
      const tenant = await fresh({ faults: [{ status: 503, count: 2, method: 'GET', path: '/years' }] });
      const planned = await tenant.plan(setUp);
      expect(planned.plan.actions).toHaveLength(8);
      expect(tenant.waits).toEqual([
        { what: 'listing the years', status: 503, seconds: 1, attempt: 1 },
        { what: 'listing the years', status: 503, seconds: 2, attempt: 2 },
      ]);
    },
  );

  it('a secret the environment lacks stops the apply before anything is sent', slow, async () => {
    const tenant = await fresh();
    await expect(tenant.apply(setUp, false, {})).rejects.toThrow(MissingSecretsError);
    await expect(tenant.apply(setUp, false, {})).rejects.toThrow(
      "set ONEROSTER_SECRET in the environment: data connector 'oneroster' needs the secret it names (a file never holds secrets); nothing was sent",
    );
    expect(tenant.writes()).toEqual([]);
  });

  it('the secret is sent from the environment and never read back into a plan', slow, async () => {
    const tenant = await fresh();
    await tenant.apply(setUp, false, { ONEROSTER_SECRET: 'first' });
    // Another value is no change that plan can see: Graph never answers a secret.
    expect((await tenant.plan(setUp)).plan.actions).toEqual([]);
  });

  it('a delete of something already gone counts as done', slow, async () => {
    const tenant = await fresh();
    await tenant.apply(setUp);
    const toolkit = defaultToolkit();
    const only = 'sourceSystems:\n  - displayName: SIS\n    vendor: Contoso\n';
    const planned = await planSetUp(toolkit, loadFile(toolkit, only, 'sds.yaml'), tenant.api, {
      prune: true,
    });
    const set = planned.tenant.objects.find((o) => o.name === 'Two schools');
    await tenant.api.delete(set?.kind as any, set?.id ?? '');
    const report = await applySetUp(toolkit, planned, tenant.api, {});
    expect(report.failed).toBeUndefined();
    expect(report.done).toHaveLength(5);
  });
});
