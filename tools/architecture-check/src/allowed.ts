/**
 * Who may import whom, and what each package may read from disk outside its own folder. Arrows point toward
 * the model; only the CLI wires stages together. This table is the source of the dependency-cruiser rules
 * (config.ts) and of the table in the root README (readme.ts writes it; the check fails when they differ).
 */

/** Data a package reads by path (a spec, another package's files), with the reason it may. */
export interface DataAllowance {
  /** Repository-relative path; a folder ends with `/`; `''` is the whole repository. */
  readonly path: string;
  readonly why: string;
}

export interface Row {
  readonly package: string;
  /** Workspace packages it may import (and read files of), besides itself. */
  readonly imports: readonly string[];
  /** Packages only its `test/` may import, each with the reason. */
  readonly testImports?: readonly { readonly package: string; readonly why: string }[];
  /** Paths it may read outside its folder and the folders of the packages it may import. */
  readonly reads: readonly DataAllowance[];
  /** Said after the imports in the README. */
  readonly note?: string;
}

export const ourScope = '@sds-toolkit/';
const p = (name: string) => `${ourScope}${name}`;
const spec: DataAllowance = { path: 'specs/', why: 'the committed spec' };

export const table: readonly Row[] = [
  { package: p('openapi-model'), imports: [], reads: [] },
  {
    package: p('docs-to-openapi'),
    imports: [p('openapi-model')],
    reads: [{ path: 'specs/', why: 'its tests compare the committed spec with a fresh extraction' }],
  },
  { package: p('spec-diff'), imports: [p('openapi-model')], reads: [] },
  {
    package: p('generator'),
    imports: [p('openapi-model')],
    reads: [{ path: 'specs/', why: 'its benchmark generates from the committed spec' }],
  },
  {
    package: p('client'),
    imports: [],
    note: 'at run time `@microsoft/kiota-*` only',
    reads: [
      { path: 'specs/', why: "its tests round-trip the spec's examples" },
      { path: 'README.md', why: "its doc tests compile the repository README's client snippets" },
    ],
  },
  {
    package: p('rules'),
    imports: [p('openapi-model')],
    testImports: [{ package: p('client'), why: 'the ValidationMiddleware is tested inside a client' }],
    reads: [
      {
        path: 'packages/client/src/generated/schemas.json',
        why: "the client's emitted JSON Schemas: data, never its code",
      },
      spec,
    ],
  },
  {
    package: p('simulator'),
    imports: [p('openapi-model'), p('rules')],
    reads: [{ path: 'specs/', why: 'its benchmark serves the committed spec' }],
  },
  {
    package: p('contract-tests'),
    imports: [p('client'), p('rules'), p('simulator')],
    reads: [
      {
        path: 'packages/rules/test/rules/',
        why: "a `rule:` behaviour takes its outcome from the rule's table test, run through vitest",
      },
      spec,
    ],
  },
  {
    package: p('config'),
    imports: [p('openapi-model'), p('client'), p('rules')],
    testImports: [{ package: p('simulator'), why: 'plan, apply and export are tested against it' }],
    reads: [],
  },
  {
    package: p('cli'),
    imports: [
      p('openapi-model'),
      p('docs-to-openapi'),
      p('spec-diff'),
      p('generator'),
      p('client'),
      p('rules'),
      p('simulator'),
      p('contract-tests'),
      p('config'),
    ],
    reads: [spec],
  },
  // Scripts users copy: they use the published client, and the simulator to run without a tenant; the
  // example set-up file is checked and applied through the config package.
  { package: p('examples'), imports: [p('client'), p('simulator'), p('config')], reads: [] },
  {
    package: p('architecture-check'),
    imports: [],
    reads: [
      {
        path: '',
        why: 'it checks every package, and copies the repository to test that turbo sees each edit',
      },
    ],
  },
];

/** Every package's `bench/` may import this (and nothing else outside its row). */
export const benchAllowance: DataAllowance = {
  path: 'scripts/bench-result.ts',
  why: 'benchmarks record their figures for BENCHMARKS.md through it',
};

/** Run-time dependencies the published client may have: the Kiota runtime and nothing else. */
export const clientRuntimeDependency = /^@microsoft\/kiota-/;
export const clientPackage = p('client');

export function rowOf(name: string): Row | undefined {
  return table.find((row) => row.package === name);
}
