import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { allowedImports, clientRuntimeDependency, ourScope } from './allowed.js';

export interface WorkspacePackage {
  readonly name: string;
  /** Folder relative to the repository root, e.g. `packages/rules`. */
  readonly dir: string;
  readonly dependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
  /** Source files (path relative to the repository root → text). */
  readonly sources: ReadonlyMap<string, string>;
}

export interface Violation {
  readonly packageName: string;
  readonly where: string;
  readonly message: string;
}

const importSpecifier = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;

function packageOf(specifier: string): string | undefined {
  if (!specifier.startsWith(ourScope)) return undefined;
  return specifier.split('/').slice(0, 2).join('/');
}

/** Checks declared dependencies and source imports of each package against the allowed table. */
export function checkArchitecture(packages: readonly WorkspacePackage[]): Violation[] {
  const violations: Violation[] = [];
  for (const pkg of packages) {
    const allowed = allowedImports[pkg.name];
    if (!allowed) {
      violations.push({
        packageName: pkg.name,
        where: `${pkg.dir}/package.json`,
        message: `package ${pkg.name} is not in the dependency table; add it to tools/architecture-check/src/allowed.ts and to the root README`,
      });
      continue;
    }
    const declared = { ...pkg.dependencies, ...pkg.devDependencies };
    for (const dep of Object.keys(declared)) {
      const ours = packageOf(dep);
      if (ours && !allowed.includes(ours)) {
        violations.push({
          packageName: pkg.name,
          where: `${pkg.dir}/package.json`,
          message: `${pkg.name} may not depend on ${ours} (allowed: ${allowed.join(', ') || 'nothing of ours'})`,
        });
      }
    }
    if (pkg.name === `${ourScope}client`) {
      for (const dep of Object.keys(pkg.dependencies)) {
        if (!clientRuntimeDependency.test(dep)) {
          violations.push({
            packageName: pkg.name,
            where: `${pkg.dir}/package.json`,
            message: `the client may depend at run time on @microsoft/kiota-* only, not ${dep}`,
          });
        }
      }
    }
    for (const [file, text] of pkg.sources) {
      for (const match of text.matchAll(importSpecifier)) {
        const ours = packageOf(match[1] ?? '');
        if (!ours || ours === pkg.name) continue;
        const line = text.slice(0, match.index).split('\n').length;
        if (!allowed.includes(ours)) {
          violations.push({
            packageName: pkg.name,
            where: `${file}:${line}`,
            message: `${pkg.name} may not import ${ours} (allowed: ${allowed.join(', ') || 'nothing of ours'})`,
          });
        } else if (!(ours in declared)) {
          violations.push({
            packageName: pkg.name,
            where: `${file}:${line}`,
            message: `${pkg.name} imports ${ours} without declaring it in package.json`,
          });
        }
      }
    }
  }
  return violations;
}

function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current)) {
      if (entry === 'node_modules' || entry === 'dist') continue;
      const path = join(current, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(?:ts|mts|js|mjs)$/.test(entry)) found.push(path);
    }
  };
  walk(dir);
  return found.sort();
}

/** Reads every workspace package under `packages/` and `tools/` of a repository. */
export function readWorkspace(root: string): WorkspacePackage[] {
  const packages: WorkspacePackage[] = [];
  const dirs = [
    ...['packages', 'tools'].flatMap((group) =>
      readdirSync(join(root, group))
        .sort()
        .map((entry) => join(root, group, entry)),
    ),
    join(root, 'examples'),
  ];
  for (const dir of dirs) {
    let manifest: {
      name: string;
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    try {
      manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    } catch {
      continue; // a folder without package.json is not a workspace package
    }
    const sources = new Map<string, string>();
    const src = join(dir, 'src');
    try {
      // The examples are scripts at the package root; packages keep their code in src/.
      const files =
        dir === join(root, 'examples')
          ? readdirSync(dir)
              .filter((f) => f.endsWith('.ts'))
              .map((f) => join(dir, f))
          : sourceFiles(src);
      for (const file of files) sources.set(relative(root, file), readFileSync(file, 'utf8'));
    } catch {
      // a placeholder package has no src/ yet
    }
    packages.push({
      name: manifest.name,
      dir: relative(root, dir),
      dependencies: manifest.dependencies ?? {},
      devDependencies: manifest.devDependencies ?? {},
      sources,
    });
  }
  return packages;
}
