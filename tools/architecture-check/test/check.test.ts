import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkArchitecture, readWorkspace, type WorkspacePackage } from '../src/check.js';

function pkg(name: string, over: Partial<WorkspacePackage> = {}): WorkspacePackage {
  return {
    name,
    dir: `packages/${name.split('/')[1]}`,
    dependencies: {},
    devDependencies: {},
    sources: new Map(),
    ...over,
  };
}

describe('checkArchitecture', () => {
  it.each<[string, WorkspacePackage, RegExp | undefined]>([
    ['the model importing nothing is fine', pkg('@sds-toolkit/openapi-model'), undefined],
    [
      'the generator depending on the model is fine',
      pkg('@sds-toolkit/generator', {
        dependencies: { '@sds-toolkit/openapi-model': 'workspace:*' },
        sources: new Map([
          ['packages/generator/src/a.ts', "import { x } from '@sds-toolkit/openapi-model';"],
        ]),
      }),
      undefined,
    ],
    [
      'the model depending on the rules is refused',
      pkg('@sds-toolkit/openapi-model', { dependencies: { '@sds-toolkit/rules': 'workspace:*' } }),
      /openapi-model may not depend on @sds-toolkit\/rules/,
    ],
    [
      'the simulator importing the client is refused, with file and line',
      pkg('@sds-toolkit/simulator', {
        sources: new Map([
          ['packages/simulator/src/a.ts', "\nimport type { X } from '@sds-toolkit/client/models';"],
        ]),
      }),
      /simulator may not import @sds-toolkit\/client/,
    ],
    [
      'an import of an allowed but undeclared package is refused',
      pkg('@sds-toolkit/rules', {
        sources: new Map([
          ['packages/rules/src/a.ts', "const m = await import('@sds-toolkit/openapi-model');"],
        ]),
      }),
      /without declaring it/,
    ],
    [
      'the client depending on something other than Kiota is refused',
      pkg('@sds-toolkit/client', {
        dependencies: { lodash: '4.17.21', '@microsoft/kiota-abstractions': '1' },
      }),
      /@microsoft\/kiota-\* only, not lodash/,
    ],
    ['an unknown package is refused', pkg('@sds-toolkit/mystery'), /not in the dependency table/],
  ])('%s', (_name, given, want) => {
    const violations = checkArchitecture([given]);
    if (want === undefined) expect(violations).toEqual([]);
    else expect(violations.map((v) => `${v.where}: ${v.message}`).join('\n')).toMatch(want);
  });

  it('reports the file and line of a forbidden import', () => {
    const [violation] = checkArchitecture([
      pkg('@sds-toolkit/client', {
        sources: new Map([['packages/client/src/a.ts', "// x\n// y\nimport '@sds-toolkit/rules';"]]),
      }),
    ]);
    expect(violation?.where).toBe('packages/client/src/a.ts:3');
  });
});

describe('this repository', () => {
  it('obeys the dependency direction written in the README', () => {
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    const workspace = readWorkspace(root);
    expect(workspace.map((p) => p.name)).toEqual(
      expect.arrayContaining(['@sds-toolkit/cli', '@sds-toolkit/examples']),
    );
    expect([...(workspace.find((p) => p.name === '@sds-toolkit/examples')?.sources.keys() ?? [])]).toContain(
      'examples/provision-two-schools.ts',
    );
    expect(checkArchitecture(workspace)).toEqual([]);
  });
});
