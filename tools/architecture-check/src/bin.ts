import { fileURLToPath } from 'node:url';
import { checkArchitecture } from './check.js';
import { writeReadme } from './readme.js';

/**
 * `pnpm architecture`: the dependency direction of every package (imports through dependency-cruiser, file
 * reads, package.json) and the README's table. `--write` first rewrites the README's table from allowed.ts.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--write');
if (unknown.length > 0) {
  process.stderr.write(
    `architecture: unknown argument ${unknown.join(' ')}\nusage: pnpm architecture [--write]\n`,
  );
  process.exit(2);
}
if (args.includes('--write') && writeReadme(root))
  process.stdout.write('README.md: dependency table rewritten\n');
const started = performance.now();
const violations = await checkArchitecture(root);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (violations.length === 0) {
  process.stdout.write(
    `architecture: every import and file read follows the dependency table (${seconds} s)\n`,
  );
} else {
  for (const v of violations) process.stderr.write(`${v.where}: ${v.message}\n`);
  process.stderr.write(
    `architecture: ${violations.length} violation${violations.length === 1 ? '' : 's'} of the dependency table (README, Dependency direction)\n`,
  );
  process.exitCode = 1;
}
