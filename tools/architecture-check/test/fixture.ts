import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { table } from '../src/allowed.js';
import { renderTable } from '../src/readme.js';

/** Where each package of the table lives, as in this repository. */
export const folders: Readonly<Record<string, string>> = {
  '@sds-toolkit/openapi-model': 'packages/openapi-model',
  '@sds-toolkit/docs-to-openapi': 'tools/docs-to-openapi',
  '@sds-toolkit/spec-diff': 'tools/spec-diff',
  '@sds-toolkit/generator': 'packages/generator',
  '@sds-toolkit/client': 'packages/client',
  '@sds-toolkit/rules': 'packages/rules',
  '@sds-toolkit/simulator': 'packages/simulator',
  '@sds-toolkit/contract-tests': 'packages/contract-tests',
  '@sds-toolkit/config': 'packages/config',
  '@sds-toolkit/cli': 'packages/cli',
  '@sds-toolkit/examples': 'examples',
  '@sds-toolkit/architecture-check': 'tools/architecture-check',
};

export interface FixtureOptions {
  /** Repository-relative path → text, written after the packages. */
  readonly files?: Readonly<Record<string, string>>;
  /** Package name → package.json fields to merge (dependencies replace the row's). */
  readonly manifests?: Readonly<Record<string, Record<string, unknown>>>;
  /** Packages left out of the workspace. */
  readonly without?: readonly string[];
}

/**
 * A small workspace laid out like this repository: every package of the table, declaring the packages its row
 * allows, with a src/index.ts; workspace packages linked under node_modules as pnpm links them; and the
 * README's generated table.
 */
export function fixture(options: FixtureOptions = {}): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'architecture-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('pnpm-workspace.yaml', 'packages:\n  - packages/*\n  - tools/*\n  - examples\n');
  write('README.md', `# fixture\n\n${renderTable()}\n`);
  for (const row of table) {
    if (options.without?.includes(row.package)) continue;
    const dir = folders[row.package] ?? '';
    const manifest = {
      name: row.package,
      type: 'module',
      exports: { '.': { development: './src/index.ts', default: './dist/index.js' } },
      dependencies: Object.fromEntries(row.imports.map((name) => [name, 'workspace:*'])),
      ...options.manifests?.[row.package],
    };
    write(`${dir}/package.json`, `${JSON.stringify(manifest, null, 2)}\n`);
    write(`${dir}/src/index.ts`, 'export const here = 1;\n');
    const link = join(root, 'node_modules', row.package);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(relative(dirname(link), join(root, dir)), link);
  }
  for (const [path, text] of Object.entries(options.files ?? {})) write(path, text);
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
