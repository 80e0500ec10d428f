import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { generate } from '../src/index.js';

const specs = fileURLToPath(new URL('./specs/', import.meta.url));
const golden = fileURLToPath(new URL('./golden/', import.meta.url));
const cases = readdirSync(specs)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort();

describe('golden: every emitted file of every fixture spec', () => {
  it.each(cases)('%s', async (name) => {
    const { files } = generate(readFileSync(`${specs}${name}.yaml`, 'utf8'), `test/specs/${name}.yaml`);
    for (const [path, content] of files)
      await expect(content).toMatchFileSnapshot(`./golden/${name}/${path}`);
    expect(readdirSync(`${golden}${name}`, { recursive: true }).length).toBeGreaterThan(0);
  });

  it.each(cases)('%s is byte-identical across runs', (name) => {
    const text = readFileSync(`${specs}${name}.yaml`, 'utf8');
    expect([...generate(text, 'x').files]).toEqual([...generate(text, 'x').files]);
  });

  it('the goldens compile (tsc --noEmit, strict)', () => {
    const roots = cases.flatMap((name) =>
      (readdirSync(`${golden}${name}`, { recursive: true }) as string[])
        .filter((f) => f.endsWith('.ts'))
        .map((f) => `${golden}${name}/${f}`),
    );
    expect(roots.length).toBeGreaterThan(0);
    const program = ts.createProgram(roots, {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      skipLibCheck: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: false,
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  }, 60_000);
});
