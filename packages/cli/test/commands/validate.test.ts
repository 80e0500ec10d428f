import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/index.js';
import { captureIO } from '../capture.js';
import { lines, sds } from '../run.js';

const dir = mkdtempSync(join(tmpdir(), 'sds-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const NS = '#microsoft.graph.industryData.';
const valid = file('valid.json', {
  '@odata.type': `${NS}classGroupProvisioningFlow`,
  configuration: { additionalAttributes: ['courseTitle'] },
});

describe('sds validate', () => {
  it('a valid body exits 0', async () => {
    const io = captureIO();
    expect(await main(['validate', valid, '--operation', 'updateFlow'], io)).toBe(0);
    expect(io.out).toMatch(/valid for updateFlow \(0 errors, 0 warnings\)/);
  });

  it('an invalid body exits 1 and says what to change, with the page', async () => {
    const io = captureIO();
    const bad = file('bad.json', {
      '@odata.type': `${NS}classGroupProvisioningFlow`,
      readinessStatus: 'ready',
    });
    expect(
      await main(
        [
          'validate',
          bad,
          '--operation',
          'external.industryData.outboundProvisioningFlowSets.UpdateProvisioningFlows',
        ],
        io,
      ),
    ).toBe(1);
    expect(io.out).toMatch(/error \/readinessStatus \[read-only-properties\] .*remove it from the body/);
    expect(io.out).toContain(
      'see https://learn.microsoft.com/graph/api/industrydata-classgroupprovisioningflow-update?view=graph-rest-beta (api-reference/beta/api/industrydata-classgroupprovisioningflow-update.md)',
    );
    expect(io.out).toMatch(/invalid for .* \(2 errors, 0 warnings\)\n$/);
  });

  it('--json prints the diagnostics array', async () => {
    const io = captureIO();
    const bad = file('bad2.json', { configuration: {} });
    expect(await main(['validate', bad, '--operation', 'updateFlow', '--json'], io)).toBe(1);
    expect(JSON.parse(io.out)).toEqual([
      expect.objectContaining({ ruleId: 'odata-type', severity: 'error', path: '/@odata.type' }),
    ]);
  });

  it('--state checks one flow per type', async () => {
    const state = file('state.json', {
      id: 'set-1',
      provisioningFlows: [{ id: 'f7', '@odata.type': `${NS}classGroupProvisioningFlow` }],
    });
    const io = captureIO();
    expect(await main(['validate', valid, '--operation', 'createFlow', '--state', state], io)).toBe(1);
    expect(io.out).toMatch(
      /\[one-flow-per-type\] flow set set-1 already has a classGroupProvisioningFlow \(f7\)/,
    );
    expect(io.out).toMatch(/: invalid for createFlow \(1 error, 0 warnings\)\n$/);
  });

  it('a payload that is not JSON is a diagnostic (exit 1)', async () => {
    const io = captureIO();
    expect(await main(['validate', file('broken.json', '{ nope'), '--operation', 'createFlowSet'], io)).toBe(
      1,
    );
    expect(io.out).toMatch(/\[input\] the payload is not JSON/);
  });

  it('--help lists the operations and their aliases', async () => {
    const io = captureIO();
    expect(await main(['validate', '--help'], io)).toBe(0);
    expect(io.out).toMatch(
      /createFlow +external\.industryData\.outboundProvisioningFlowSets\.CreateProvisioningFlows/,
    );
  });

  it.each([
    ['no payload', ['validate', '--operation', 'createFlow'], /give the payload file/],
    ['no operation', ['validate', valid], /give the operation with --operation/],
    [
      'an unknown operation',
      ['validate', valid, '--operation', 'createWidget'],
      /unknown operation 'createWidget'/,
    ],
    [
      'a missing file',
      ['validate', join(dir, 'none.json'), '--operation', 'createFlow'],
      /the payload .*none\.json does not exist: check the path/,
    ],
  ])('%s is bad usage (exit 2)', async (_name, argv, want) => {
    const io = captureIO();
    expect(await main(argv, io)).toBe(2);
    expect(io.err).toMatch(want);
    expect(io.err.split('\n')).toHaveLength(2);
  });
});

describe.concurrent('sds validate, through the binary: unreadable inputs are one line (exit 2)', () => {
  const folder = mkdtempSync(join(dir, 'a-folder-'));
  const notUtf8 = join(dir, 'not-utf8.json');
  writeFileSync(
    notUtf8,
    Buffer.concat([Buffer.from('{"displayName":"'), Buffer.from([0xff]), Buffer.from('"}')]),
  );
  it.each([
    [
      'a missing payload',
      [join(dir, 'none.json')],
      /^sds validate: the payload .*none\.json does not exist: check the path/,
    ],
    ['a folder as the payload', [folder], /^sds validate: the payload .* is a folder: give a file/],
    // #20 regression (payload trial): a byte that is not UTF-8 became U+FFFD and the body was called valid.
    [
      'a payload that is not UTF-8',
      [notUtf8],
      /^sds validate: the payload .*not-utf8\.json is not UTF-8 text \(a byte that is not UTF-8 at offset 16\): save it as UTF-8/,
    ],
    [
      'a folder as the state file',
      [valid, '--state', folder, '--operation', 'createFlow'],
      /^sds validate: the state file .* is a folder: give a file/,
    ],
    [
      'a target file that is not JSON',
      [valid, '--target', file('target.json', '{ nope')],
      /^sds validate: the target file .*target\.json: the payload is not JSON/,
    ],
    // #20 (user trial): --target with a create was read and meant nothing, without a word.
    [
      '--target with an operation that is no update',
      [valid, '--target', file('target2.json', '{}'), '--operation', 'createFlow'],
      /^sds validate: --target is the entity a PATCH updates; createFlow is not an update \(POST .*\): leave --target out/,
    ],
    [
      '--state with an operation that is no create',
      [valid, '--state', file('state2.json', '{}')],
      /^sds validate: --state is the flow set a create adds a flow to; updateFlow is not a create \(PATCH .*\): leave --state out/,
    ],
  ])('%s', { timeout: 30_000 }, async (_name, args, want) => {
    const run = await sds([
      'validate',
      ...args,
      ...(args.includes('--operation') ? [] : ['--operation', 'updateFlow']),
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toEqual([expect.stringMatching(want)]);
  });

  it('--json on a missing payload prints an error object', { timeout: 30_000 }, async () => {
    const run = await sds(['validate', join(dir, 'none.json'), '--operation', 'createFlow', '--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).error).toMatchObject({ code: 'usage', exitCode: 2 });
  });

  it('--json on an invalid payload prints the findings, each with its page', {
    timeout: 30_000,
  }, async () => {
    const bad = file('bad3.json', {
      '@odata.type': `${NS}classGroupProvisioningFlow`,
      readinessStatus: 'ready',
    });
    const run = await sds(['validate', bad, '--operation', 'updateFlow', '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toContainEqual(
      expect.objectContaining({
        ruleId: 'read-only-properties',
        path: '/readinessStatus',
        docs: 'api-reference/beta/api/industrydata-classgroupprovisioningflow-update.md',
        url: 'https://learn.microsoft.com/graph/api/industrydata-classgroupprovisioningflow-update?view=graph-rest-beta',
      }),
    );
  });

  it('a schema finding: the JSON path once, and the page and line of the type that defines it', {
    timeout: 30_000,
  }, async () => {
    const bad = file('bad4.json', {
      '@odata.type': `${NS}classGroupProvisioningFlow`,
      configuration: { additionalOptions: { createTeam: 'yes' } },
    });
    const run = await sds(['validate', bad, '--operation', 'updateFlow']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^error \/configuration\/additionalOptions\/createTeam \[schema\] must be boolean\n {4}see https:\/\/learn\.microsoft\.com\/graph\/api\/resources\/industrydata-additionalclassgroupoptions\?view=graph-rest-beta \(api-reference\/beta\/resources\/industrydata-additionalclassgroupoptions\.md:\d+\)$/m,
    );
    expect(run.stdout).toMatch(/\(1 error, 0 warnings\)\n$/);
  });
});
