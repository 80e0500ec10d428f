import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/index.js';
import { captureIO } from '../capture.js';

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
    expect(io.out).toMatch(
      /see api-reference\/beta\/api\/industrydata-classgroupprovisioningflow-update\.md/,
    );
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
      /cannot read the payload .*ENOENT/,
    ],
  ])('%s is bad usage (exit 2)', async (_name, argv, want) => {
    const io = captureIO();
    expect(await main(argv, io)).toBe(2);
    expect(io.err).toMatch(want);
  });
});
