import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkArchitecture } from '../src/check.js';
import { writeReadme } from '../src/readme.js';
import { type FixtureOptions, fixture } from './fixture.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function violationsOf(options: FixtureOptions): Promise<string> {
  const { root, cleanup } = fixture(options);
  cleanups.push(cleanup);
  return (await checkArchitecture(root)).map((v) => `${v.where}: ${v.message}`).join('\n');
}

const url = (path: string) => `import { readFileSync } from 'node:fs';
export const text = readFileSync(new URL('${path}', import.meta.url), 'utf8');
`;

describe('checkArchitecture', () => {
  it('passes a workspace that follows its rows', async () => {
    expect(await violationsOf({})).toBe('');
  });

  it.each<[string, FixtureOptions, RegExp]>([
    [
      'a test file importing a package its row does not allow',
      {
        files: {
          'packages/simulator/test/a.test.ts': "import { main } from '@sds-toolkit/cli';\nexport { main };\n",
        },
      },
      /^packages\/simulator\/test\/a\.test\.ts: imports packages\/cli\/src\/index\.ts \(@sds-toolkit\/cli\): simulator\/test may import only its own folder and: openapi-model, rules .*\[simulator-test-imports-only-its-row\]$/m,
    ],
    [
      'a bench importing a package its row does not allow',
      { files: { 'packages/rules/bench/a.bench.ts': "import '@sds-toolkit/simulator';\n" } },
      /^packages\/rules\/bench\/a\.bench\.ts: imports packages\/simulator\/src\/index\.ts .*\[rules-bench-imports-only-its-row\]$/m,
    ],
    [
      'a source file importing another package by a relative path',
      { files: { 'packages/generator/src/a.ts': "export * from '../../rules/src/index.js';\n" } },
      /^packages\/generator\/src\/a\.ts: imports packages\/rules\/src\/index\.ts .*generator may import only its own folder and: openapi-model/m,
    ],
    [
      'a type-only import',
      {
        files: {
          'packages/openapi-model/src/a.ts':
            "import type { here } from '@sds-toolkit/rules';\nexport type A = typeof here;\n",
        },
      },
      /^packages\/openapi-model\/src\/a\.ts: imports packages\/rules\/src\/index\.ts .*openapi-model may import only its own folder and: nothing of ours/m,
    ],
    [
      'a test-only allowance used from src/',
      { files: { 'packages/rules/src/a.ts': "export * from '@sds-toolkit/client';\n" } },
      /^packages\/rules\/src\/a\.ts: imports packages\/client\/src\/index\.ts .*\[rules-imports-only-its-row\]$/m,
    ],
    [
      'the bench allowance used from src/',
      {
        files: {
          'scripts/bench-result.ts': 'export const x = 1;\n',
          'packages/rules/src/a.ts': "export * from '../../../scripts/bench-result.js';\n",
        },
      },
      /^packages\/rules\/src\/a\.ts: imports scripts\/bench-result\.ts/m,
    ],
    [
      'an import that does not resolve',
      { files: { 'packages/rules/src/a.ts': "export * from '@sds-toolkit/nowhere';\n" } },
      /^packages\/rules\/src\/a\.ts: imports @sds-toolkit\/nowhere: an import that does not resolve .*\[resolvable\]$/m,
    ],
    [
      'a file read of the spec by a package whose row does not read it',
      { files: { 'packages/openapi-model/src/a.ts': url('../../../specs/industrydata/openapi.yaml') } },
      /^packages\/openapi-model\/src\/a\.ts:2: reads specs\/industrydata\/openapi\.yaml: openapi-model may read only its own folder and: nothing of ours .*\[openapi-model-reads-only-its-row\]$/m,
    ],
    [
      "a read of another package's folder through a helper wrapping new URL",
      {
        files: {
          'packages/simulator/test/a.test.ts': `import { fileURLToPath } from 'node:url';
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
export const folder = here('../../cli/src/');
`,
        },
      },
      /^packages\/simulator\/test\/a\.test\.ts:3: reads packages\/cli\/src\/: simulator\/test may read only its own folder and: openapi-model, rules, specs\//m,
    ],
    [
      'a read through a base found from import.meta.url',
      {
        files: {
          'tools/spec-diff/test/a.test.ts': `import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const root = fileURLToPath(new URL('../../../', import.meta.url));
export const text = readFileSync(\`\${root}packages/generator/package.json\`, 'utf8');
`,
        },
      },
      /^tools\/spec-diff\/test\/a\.test\.ts:4: reads packages\/generator\/package\.json: spec-diff\/test may read only/m,
    ],
    [
      "a package's data required by specifier",
      {
        files: {
          'packages/simulator/src/a.ts': `import { createRequire } from 'node:module';
export const schemas = createRequire(import.meta.url)('@sds-toolkit/client/schemas.json');
`,
        },
        manifests: {
          '@sds-toolkit/client': {
            exports: {
              '.': './src/index.ts',
              './schemas.json': { development: './src/generated/schemas.json' },
            },
          },
        },
      },
      /^packages\/simulator\/src\/a\.ts:2: reads packages\/client\/src\/generated\/schemas\.json: simulator may read only/m,
    ],
    [
      'a read of an allowed folder of a package it does not depend on',
      {
        files: { 'packages/contract-tests/src/a.ts': url('../../rules/test/rules/') },
        manifests: {
          '@sds-toolkit/contract-tests': { dependencies: { '@sds-toolkit/client': 'workspace:*' } },
        },
      },
      /^packages\/contract-tests\/src\/a\.ts:2: reads packages\/rules\/test\/rules\/ of @sds-toolkit\/rules, which @sds-toolkit\/contract-tests does not depend on: declare it/m,
    ],
    [
      'a declared dependency its row does not allow',
      {
        manifests: {
          '@sds-toolkit/openapi-model': { dependencies: { '@sds-toolkit/rules': 'workspace:*' } },
        },
      },
      /^packages\/openapi-model\/package\.json: @sds-toolkit\/openapi-model may not depend on @sds-toolkit\/rules/m,
    ],
    [
      "a package only a row's test/ may import, declared as a run-time dependency",
      {
        manifests: {
          '@sds-toolkit/config': {
            dependencies: {
              '@sds-toolkit/openapi-model': 'workspace:*',
              '@sds-toolkit/client': 'workspace:*',
              '@sds-toolkit/rules': 'workspace:*',
              '@sds-toolkit/simulator': 'workspace:*',
            },
          },
        },
      },
      /^packages\/config\/package\.json: @sds-toolkit\/config may not depend on @sds-toolkit\/simulator/m,
    ],
    [
      'a client run-time dependency other than Kiota',
      {
        manifests: {
          '@sds-toolkit/client': {
            dependencies: { lodash: '4.17.21', '@microsoft/kiota-abstractions': '1.0.0-preview.109' },
          },
        },
      },
      /^packages\/client\/package\.json: the client may depend at run time on @microsoft\/kiota-\* only, not lodash$/m,
    ],
    [
      'a package without a row',
      { files: { 'tools/mystery/package.json': '{ "name": "@sds-toolkit/mystery" }\n' } },
      /^tools\/mystery\/package\.json: @sds-toolkit\/mystery has no row in the dependency table/m,
    ],
    [
      'a row without a package',
      { without: ['@sds-toolkit/spec-diff'] },
      /the row for @sds-toolkit\/spec-diff names no workspace package/,
    ],
    [
      "a README whose table is not the table's",
      { files: { 'README.md': '# fixture\n' } },
      /^README\.md: no generated dependency table/m,
    ],
  ])('fails on %s', async (_name, options, want) => {
    expect(await violationsOf(options)).toMatch(want);
  });

  it.each<[string, FixtureOptions]>([
    [
      'allowed reads (a folder named without its trailing slash too), the bench allowance, test-only imports and reads outside the repository',
      {
        files: {
          'scripts/bench-result.ts': 'export const x = 1;\n',
          'packages/rules/bench/a.bench.ts': "export * from '../../../scripts/bench-result.js';\n",
          'packages/rules/test/b.test.ts': "export * from '@sds-toolkit/client';\n",
          'packages/rules/src/a.ts': url('../../../specs/industrydata/openapi.yaml'),
          'packages/contract-tests/src/a.ts': url('../../rules/test/rules/'),
          'packages/cli/test/a.test.ts': url('../../../../shared/graph-docs/'),
          'specs/industrydata/openapi.yaml': 'openapi: 3.0.4\n',
          'packages/rules/test/a.test.ts': `import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
const root = fileURLToPath(new URL('../../../', import.meta.url));
export const specs = join(root, 'specs');
`,
        },
        manifests: { '@sds-toolkit/rules': { dependencies: { '@sds-toolkit/client': 'workspace:*' } } },
      },
    ],
    [
      "a package only a row's test/ may import, declared as a development dependency",
      {
        files: { 'packages/config/test/a.test.ts': "export * from '@sds-toolkit/simulator';\n" },
        manifests: {
          '@sds-toolkit/config': { devDependencies: { '@sds-toolkit/simulator': 'workspace:*' } },
        },
      },
    ],
  ])('passes %s', async (_name, options) => {
    expect(await violationsOf(options)).toBe('');
  });

  it('writeReadme rewrites a drifted table, and the check passes again', async () => {
    const { root, cleanup } = fixture();
    cleanups.push(cleanup);
    const readme = join(root, 'README.md');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      readme,
      readFileSync(readme, 'utf8').replace('| `spec-diff` | `openapi-model` |', '| `spec-diff` | `cli` |'),
    );
    expect((await checkArchitecture(root)).map((v) => v.message)).toEqual([
      expect.stringMatching(/the dependency table differs from tools\/architecture-check\/src\/allowed\.ts/),
    ]);
    expect(writeReadme(root)).toBe(true);
    expect(await checkArchitecture(root)).toEqual([]);
    expect(writeReadme(root)).toBe(false);
  });
});
