import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withKindsTable } from './kinds-table.js';

/** `pnpm --filter @sds-toolkit/spec-diff readme`: rewrites the README's table of change kinds. */
const file = fileURLToPath(new URL('../README.md', import.meta.url));
const updated = withKindsTable(readFileSync(file, 'utf8'));
if (!updated) {
  process.stderr.write(`${file} has no generated table of change kinds (its begin and end markers)\n`);
  process.exit(1);
}
writeFileSync(file, updated);
process.stdout.write(`${file}: table of change kinds written\n`);
