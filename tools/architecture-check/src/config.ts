import type { ICruiseOptions, IRegularForbiddenRuleType } from 'dependency-cruiser';
import { benchAllowance, clientPackage, type Row, table } from './allowed.js';
import type { WorkspacePackage } from './workspace.js';

/** Imports go through dependency-cruiser; reads (file-reads.ts) are judged by the same kind of rule. */
export type Use = 'import' | 'read';
/** The folder of a package a module is in: `test/` and `bench/` may have allowances of their own. */
export type Scope = 'test' | 'bench' | 'other';
const scopes: readonly Scope[] = ['other', 'test', 'bench'];

const escapeRegExp = (path: string) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const short = (name: string) => name.replace(/^@[^/]+\//, '');

/** What a package may reach from one scope: its folder, its allowed packages' folders and, for reads, data. */
export function allowedTargets(
  row: Row,
  packages: readonly WorkspacePackage[],
  use: Use,
  scope: Scope,
): string[] {
  const names = [
    row.package,
    ...row.imports,
    ...(scope === 'test' ? (row.testImports ?? []).map((t) => t.package) : []),
  ];
  const folders = names.flatMap((name) => {
    const dir = packages.find((p) => p.name === name)?.dir;
    return dir === undefined ? [] : [`${dir}/`];
  });
  return [
    ...folders,
    ...(use === 'read' ? row.reads.map((r) => r.path) : []),
    ...(scope === 'bench' ? [benchAllowance.path] : []),
  ];
}

function describe(row: Row, use: Use, scope: Scope): string {
  const imports = [
    ...row.imports,
    ...(scope === 'test' ? (row.testImports ?? []).map((t) => t.package) : []),
  ].map(short);
  const reads = use === 'read' ? row.reads.map((r) => r.path || 'the whole repository') : [];
  const extra = scope === 'bench' ? [benchAllowance.path] : [];
  const what = [...imports, ...reads, ...extra].join(', ') || 'nothing of ours';
  const where = scope === 'other' ? short(row.package) : `${short(row.package)}/${scope}`;
  return `${where} may ${use} only its own folder and: ${what}`;
}

/**
 * Per package and scope, everything outside the allowed targets is forbidden. Core modules and installed
 * packages are not ours to rule on here (the client's are, below); unresolved imports have a rule of their own.
 */
export function forbiddenRules(packages: readonly WorkspacePackage[], use: Use): IRegularForbiddenRuleType[] {
  const rules: IRegularForbiddenRuleType[] = [];
  for (const pkg of packages) {
    const row = table.find((r) => r.package === pkg.name);
    if (!row) continue; // reported by the manifest check: a package without a row
    const dir = escapeRegExp(pkg.dir);
    for (const scope of scopes) {
      rules.push({
        name: `${short(pkg.name)}${scope === 'other' ? '' : `-${scope}`}-${use}s-only-its-row`,
        severity: 'error',
        comment: `${describe(row, use, scope)} (README, Dependency direction)`,
        from:
          scope === 'other'
            ? { path: `^${dir}/`, pathNot: `^${dir}/(?:test|bench)/` }
            : { path: `^${dir}/${scope}/` },
        to: {
          ...(use === 'import' ? { dependencyTypesNot: ['core' as const], couldNotResolve: false } : {}),
          pathNot: [
            ...allowedTargets(row, packages, use, scope).map((path) => `^${escapeRegExp(path)}`),
            '^node_modules/',
          ],
        },
      });
    }
  }
  return rules;
}

/** Rules on imports only: the client's run-time dependencies, and imports the check cannot follow. */
function importOnlyRules(packages: readonly WorkspacePackage[]): IRegularForbiddenRuleType[] {
  const rules: IRegularForbiddenRuleType[] = [];
  const client = packages.find((p) => p.name === clientPackage);
  if (client)
    rules.push({
      name: 'client-runs-on-kiota-only',
      severity: 'error',
      comment: 'the published client may depend at run time on @microsoft/kiota-* only',
      from: { path: `^${escapeRegExp(client.dir)}/src/` },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg'],
        pathNot: '/node_modules/@microsoft/kiota-',
      },
    });
  rules.push({
    name: 'resolvable',
    severity: 'error',
    comment:
      'an import that does not resolve is one the check cannot judge (an undeclared workspace package?)',
    from: {},
    to: { couldNotResolve: true },
  });
  return rules;
}

/** The dependency-cruiser options: TypeScript sources resolved as vitest and tsx resolve them. */
export function cruiseOptions(root: string, packages: readonly WorkspacePackage[]): ICruiseOptions {
  return {
    baseDir: root,
    validate: true,
    ruleSet: { forbidden: [...forbiddenRules(packages, 'import'), ...importOnlyRules(packages)] },
    // `import type` counts: a type import is still a dependency on the other package's code.
    tsPreCompilationDeps: true,
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['(^|/)node_modules/', '(^|/)dist/', '(^|/)\\.turbo/'] },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      // The `development` condition points workspace packages at their src/, as vitest and tsx resolve them.
      conditionNames: ['development', 'import', 'require', 'node', 'default'],
    },
  };
}

/** Does a (from, to) pair break a rule? The subset of dependency-cruiser's matching that read rules use. */
export function breaks(rule: IRegularForbiddenRuleType, from: string, to: string): boolean {
  const test = (pattern: string | string[] | undefined, path: string) =>
    pattern === undefined ? undefined : [pattern].flat().some((p) => new RegExp(p).test(path));
  return (
    test(rule.from.path, from) !== false &&
    test(rule.from.pathNot, from) !== true &&
    test(rule.to.path, to) !== false &&
    test(rule.to.pathNot, to) !== true
  );
}
