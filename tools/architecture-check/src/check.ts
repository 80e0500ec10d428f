import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { clientPackage, clientRuntimeDependency, ourScope, rowOf, table } from './allowed.js';
import { breaks, cruiseOptions, forbiddenRules } from './config.js';
import { findFileReads } from './file-reads.js';
import { checkReadme } from './readme.js';
import { readWorkspace, resolveWorkspaceSpecifier, type WorkspacePackage } from './workspace.js';

export interface Violation {
  /** `file:line`, or a file. */
  readonly where: string;
  readonly message: string;
}

const sourceFile = /\.(?:ts|mts|cts|js|mjs|cjs)$/;
const skippedFolders = new Set(['node_modules', 'dist', '.turbo', 'coverage']);

/** Every source file of a package (src/, test/, bench/, scripts and configs), repository-relative. */
function sourceFiles(root: string, dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(join(root, current)).sort()) {
      const path = `${current}/${entry}`;
      if (statSync(join(root, path)).isDirectory()) {
        if (!skippedFolders.has(entry)) walk(path);
      } else if (sourceFile.test(entry) && !entry.endsWith('.d.ts')) found.push(path);
    }
  };
  walk(dir);
  return found;
}

const toPosix = (path: string) => path.split(sep).join('/');

/** Repository-relative, keeping a folder's trailing `/`; the root itself is `''`. */
function repoPath(root: string, absolute: string): string {
  const path = toPosix(relative(root, absolute));
  const folder = absolute.endsWith('/') || (existsSync(absolute) && statSync(absolute).isDirectory());
  return path !== '' && folder ? `${path}/` : path;
}

/** Declared workspace dependencies, followed transitively: what turbo's `^` tasks hash. */
function dependencyClosure(packages: readonly WorkspacePackage[], name: string): Set<string> {
  const seen = new Set<string>();
  const visit = (current: string) => {
    const pkg = packages.find((p) => p.name === current);
    for (const dep of Object.keys({ ...pkg?.dependencies, ...pkg?.devDependencies })) {
      if (dep.startsWith(ourScope) && !seen.has(dep)) {
        seen.add(dep);
        visit(dep);
      }
    }
  };
  visit(name);
  return seen;
}

/** Rows, declared dependencies and the client's run-time dependencies. */
export function checkManifests(packages: readonly WorkspacePackage[]): Violation[] {
  const violations: Violation[] = [];
  for (const pkg of packages) {
    const where = `${pkg.dir}/package.json`;
    const row = rowOf(pkg.name);
    if (!row) {
      violations.push({
        where,
        message: `${pkg.name} has no row in the dependency table: add it to tools/architecture-check/src/allowed.ts (then \`pnpm architecture --write\` updates the README)`,
      });
      continue;
    }
    const dataOwners = new Set(
      row.reads.flatMap((r) => packages.filter((p) => r.path.startsWith(`${p.dir}/`)).map((p) => p.name)),
    );
    // A package only the row's `test/` may import is a development dependency (its tests read its sources).
    const testOnly = new Set((row.testImports ?? []).map((t) => t.package));
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })) {
      const forTests = testOnly.has(dep) && dep in pkg.devDependencies && !(dep in pkg.dependencies);
      if (dep.startsWith(ourScope) && !row.imports.includes(dep) && !dataOwners.has(dep) && !forTests)
        violations.push({
          where,
          message: `${pkg.name} may not depend on ${dep} (its row allows: ${row.imports.join(', ') || 'nothing of ours'})`,
        });
    }
    if (pkg.name === clientPackage)
      for (const dep of Object.keys(pkg.dependencies))
        if (!clientRuntimeDependency.test(dep))
          violations.push({
            where,
            message: `the client may depend at run time on @microsoft/kiota-* only, not ${dep}`,
          });
  }
  for (const row of table)
    if (!packages.some((p) => p.name === row.package))
      violations.push({
        where: 'tools/architecture-check/src/allowed.ts',
        message: `the row for ${row.package} names no workspace package: remove it`,
      });
  return violations;
}

/** Imports, through dependency-cruiser and the rules generated from the table. */
export async function checkImports(
  root: string,
  packages: readonly WorkspacePackage[],
  files: readonly string[],
): Promise<Violation[]> {
  const { output } = await cruise([...files], cruiseOptions(root, packages));
  const result = (typeof output === 'string' ? JSON.parse(output) : output) as ICruiseResult;
  const comments = new Map(
    (result.summary.ruleSetUsed?.forbidden ?? []).map((rule) => [rule.name, rule.comment ?? '']),
  );
  return result.summary.violations.map((v) => ({
    where: v.from,
    message: `imports ${v.to}${v.unresolvedTo && v.unresolvedTo !== v.to ? ` (${v.unresolvedTo})` : ''}: ${comments.get(v.rule.name) ?? v.rule.name} [${v.rule.name}]`,
  }));
}

/**
 * File reads dependency-cruiser cannot see (`new URL('../../specs/…', import.meta.url)` and the like), judged by
 * the same kind of rule; and a read of another package's folder needs that package among the declared
 * dependencies, so that turbo hashes what the read depends on.
 */
export function checkReads(
  root: string,
  packages: readonly WorkspacePackage[],
  files: readonly string[],
): Violation[] {
  const rules = forbiddenRules(packages, 'read');
  const violations: Violation[] = [];
  for (const file of files) {
    const owner = packages.find((p) => file.startsWith(`${p.dir}/`));
    if (!owner) continue;
    const { reads, required } = findFileReads(join(root, file), readFileSync(join(root, file), 'utf8'));
    const targets = [
      ...reads.map((r) => ({ line: r.line, path: repoPath(root, r.target) })),
      ...required.flatMap((r) => {
        const path = resolveWorkspaceSpecifier(packages, r.specifier);
        return path === undefined ? [] : [{ line: r.line, path: toPosix(path) }];
      }),
    ];
    for (const { line, path: to } of targets) {
      // Outside the repository (the docs corpus beside it): not a package's, so not ruled here.
      if (to.startsWith('../')) continue;
      const where = `${file}:${line}`;
      for (const rule of rules.filter((r) => breaks(r, file, to)))
        violations.push({
          where,
          message: `reads ${to || 'the repository root'}: ${rule.comment} [${rule.name}]`,
        });
      const readOwner = packages.find((p) => to.startsWith(`${p.dir}/`) && p !== owner);
      if (readOwner && !dependencyClosure(packages, owner.name).has(readOwner.name))
        violations.push({
          where,
          message: `reads ${to} of ${readOwner.name}, which ${owner.name} does not depend on: declare it in package.json so that turbo's hashes include those files`,
        });
    }
  }
  return violations;
}

/** The whole check of the repository at `root`. */
export async function checkArchitecture(root: string): Promise<Violation[]> {
  const packages = readWorkspace(root);
  const files = packages.flatMap((p) => sourceFiles(root, p.dir));
  return [
    ...checkManifests(packages),
    ...(await checkImports(root, packages, files)),
    ...checkReads(root, packages, files),
    ...checkReadme(root),
  ];
}
