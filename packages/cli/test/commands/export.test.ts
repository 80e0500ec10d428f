import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, sds } from '../run.js';
import { secrets, setUp, simulator, workFolder } from './set-up-fixtures.js';

const slow = { timeout: 120_000 };
const work = workFolder('sds-export-');
afterAll(() => work.remove());

describe('sds export', () => {
  it(
    "writes the tenant's set-up as a file that plans no change, with its schema line for editors",
    slow,
    async () => {
      const sim = await simulator();
      try {
        const applied = await sds(
          ['apply', '--config', work.write('sds.yaml', setUp), '--base-url', sim.url],
          {
            env: secrets,
          },
        );
        expect(applied.code).toBe(0);
        const out = `${work.dir}/exported.yaml`;
        const run = await sds(['export', '--out', out, '--base-url', sim.url]);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(run.stdout).toBe(
          `wrote ${out}: 8 object(s) of ${sim.url}; set SDS_ONEROSTER_CLIENT_SECRET before sds apply\n`,
        );
        const text = readFileSync(out, 'utf8');
        const modeline = /^# yaml-language-server: \$schema=(.+)\n/.exec(text);
        expect(modeline).not.toBeNull();
        expect(existsSync(resolve(dirname(out), modeline?.[1] ?? ''))).toBe(true);
        expect(text).toContain('clientSecret:\n        env: SDS_ONEROSTER_CLIENT_SECRET\n');
        const plan = await sds(['plan', '--config', out, '--base-url', sim.url, '--detailed-exitcode']);
        expect(plan.stdout).toBe(`No changes: ${sim.url} has the set-up of ${out} (8 objects).\n`);
        expect(plan.code).toBe(0);

        const toStdout = await sds(['export', '--out', '-', '--base-url', sim.url]);
        expect(toStdout.code).toBe(0);
        expect(toStdout.stdout.split('\n').slice(1).join('\n')).toBe(text.split('\n').slice(1).join('\n'));

        const json = await sds(['export', '--out', out, '--base-url', sim.url, '--json']);
        expect(JSON.parse(json.stdout)).toEqual({
          out,
          objects: 8,
          secrets: ['SDS_ONEROSTER_CLIENT_SECRET'],
        });
      } finally {
        await sim.close();
      }
    },
  );

  it.each([
    [[], 'give the file to write: sds export --out sds.yaml (or --out - for stdout)'],
    [
      ['--out', '/no/such/folder/sds.yaml'],
      '--out /no/such/folder/sds.yaml is in a folder that does not exist: create /no/such/folder first',
    ],
  ])('%j: one line, exit 2', slow, async (args, message) => {
    const run = await sds(['export', ...args]);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([`sds export: ${message} (see 'sds help export')`]);
  });
});
