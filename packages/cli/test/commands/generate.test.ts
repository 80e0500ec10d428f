import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/index.js';
import { captureIO } from '../capture.js';

const out = mkdtempSync(join(tmpdir(), 'sds-generate-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('sds generate', () => {
  it('writes the client into a folder, then --check finds it up to date', async () => {
    const io = captureIO();
    expect(await main(['generate', '--out', out], io)).toBe(0);
    expect(io.out).toMatch(/^(\d+) files in .*: \1 added, 0 changed, 0 removed\n$/);
    expect(readFileSync(join(out, 'models/industryData/index.ts'), 'utf8')).toMatch(/^\/\/ GENERATED FILE/);
    const check = captureIO();
    expect(await main(['generate', '--out', out, '--check'], check)).toBe(0);
    expect(check.out).toContain('up to date');
  });

  it('--check fails on a hand edit, a stray file and a missing file, naming each', async () => {
    writeFileSync(join(out, 'runtime.ts'), '// edited by hand\n');
    writeFileSync(join(out, 'stray.ts'), '');
    rmSync(join(out, 'index.ts'));
    const io = captureIO();
    expect(await main(['generate', '--out', out, '--check'], io)).toBe(1);
    expect(io.err).toMatch(/changed {2}runtime\.ts/);
    expect(io.err).toMatch(/extra {4}stray\.ts/);
    expect(io.err).toMatch(/missing {2}index\.ts/);
    // #20 (user trial): it advised `pnpm sds generate`, which writes the committed client, not this folder.
    expect(io.err).toContain(`run \`pnpm sds generate --out ${out}\``);
    expect(await main(['generate', '--out', out], captureIO())).toBe(0);
    expect(await main(['generate', '--out', out, '--check'], captureIO())).toBe(0);
  });

  it('--dump-ir writes the model graph and resource tree', async () => {
    const ir = join(out, '..', `ir-${Date.now()}.json`);
    expect(await main(['generate', '--out', out, '--dump-ir', ir], captureIO())).toBe(0);
    const dumped = JSON.parse(readFileSync(ir, 'utf8'));
    expect(dumped.root.children[0].segment).toBe('external');
    rmSync(ir);
  });

  it('a spec that is not OpenAPI is wrong input (exit 2, as in diff) with a message naming the file', async () => {
    const bad = join(out, '..', `bad-${Date.now()}.yaml`);
    writeFileSync(bad, 'hello: world\n');
    const io = captureIO();
    expect(await main(['generate', '--spec', bad, '--out', join(out, 'x')], io)).toBe(2);
    expect(io.err).toMatch(/is not an OpenAPI 3 document/);
    rmSync(bad);
  });

  it('the kiota engine says it is unavailable when no kiota binary is on PATH', async () => {
    const io = captureIO({ PATH: '/nonexistent' });
    expect(await main(['generate', '--engine', 'kiota', '--out', out], io)).toBe(1);
    expect(io.err).toMatch(/kiota engine is unavailable: no `kiota` binary on PATH/);
  });

  it.each([
    [
      'an unknown engine',
      ['generate', '--engine', 'kiot'],
      /--engine takes 'builtin' or 'kiota', not 'kiot'; did you mean 'kiota'\?/,
    ],
    ['a missing spec', ['generate', '--spec', '/no/such/spec.yaml'], /does not exist/],
  ])('%s is bad usage (exit 2)', async (_name, argv, want) => {
    const io = captureIO();
    expect(await main(argv, io)).toBe(2);
    expect(io.err).toMatch(want);
  });
});
