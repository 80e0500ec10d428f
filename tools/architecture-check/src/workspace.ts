import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface WorkspacePackage {
  readonly name: string;
  /** Folder relative to the repository root, e.g. `packages/rules`. */
  readonly dir: string;
  readonly dependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
  /** The `exports` map of its package.json, to resolve `createRequire(…)('@sds-toolkit/x/data.json')`. */
  readonly exports: unknown;
}

/** The `packages:` globs of pnpm-workspace.yaml (`packages/*`, `examples`): a list of plain entries. */
function workspaceGlobs(root: string): string[] {
  const text = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const globs: string[] = [];
  let inPackages = false;
  for (const line of text.split('\n')) {
    if (/^packages:\s*$/.test(line)) inPackages = true;
    else if (/^\S/.test(line)) inPackages = false;
    else if (inPackages) {
      const entry = /^\s+-\s+["']?([^"'#\s]+)["']?/.exec(line)?.[1];
      if (entry) globs.push(entry);
    }
  }
  return globs;
}

/** Every workspace package of the repository at `root`, sorted by folder. */
export function readWorkspace(root: string): WorkspacePackage[] {
  const dirs = workspaceGlobs(root).flatMap((glob) => {
    if (!glob.endsWith('/*')) return [glob];
    const parent = glob.slice(0, -2);
    if (!existsSync(join(root, parent))) return [];
    return readdirSync(join(root, parent))
      .filter((entry) => statSync(join(root, parent, entry)).isDirectory())
      .map((entry) => `${parent}/${entry}`);
  });
  const packages: WorkspacePackage[] = [];
  for (const dir of [...new Set(dirs)].sort()) {
    const manifestPath = join(root, dir, 'package.json');
    if (!existsSync(manifestPath)) continue; // a folder without package.json is not a workspace package
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      name: string;
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
      exports?: unknown;
    };
    packages.push({
      name: manifest.name,
      dir,
      dependencies: manifest.dependencies ?? {},
      devDependencies: manifest.devDependencies ?? {},
      exports: manifest.exports,
    });
  }
  return packages;
}

/** The repository-relative file a `@scope/name/sub` specifier names, through the package's exports. */
export function resolveWorkspaceSpecifier(
  packages: readonly WorkspacePackage[],
  specifier: string,
): string | undefined {
  const pkg = packages.find((p) => specifier === p.name || specifier.startsWith(`${p.name}/`));
  if (!pkg) return undefined;
  const subpath = `.${specifier.slice(pkg.name.length)}`;
  const entry =
    pkg.exports && typeof pkg.exports === 'object'
      ? (pkg.exports as Record<string, unknown>)[subpath]
      : undefined;
  const pick = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value;
    if (value && typeof value === 'object') {
      const conditions = value as Record<string, unknown>;
      return pick(conditions.development ?? conditions.import ?? conditions.default);
    }
    return undefined;
  };
  const target = pick(entry) ?? (subpath === '.' ? '.' : subpath);
  return join(pkg.dir, target);
}
