import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Output must not depend on the machine's locale: lt_LT sorts `y` before `j`, tr_TR has a dotless i. The
// extraction runs in a child process whose locale is set, as a user's shell would set it.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const docsDir = process.env.GRAPH_DOCS_DIR ?? `${repoRoot}../shared/graph-docs`;
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const script = `
  import { extractFromFolder, specToYaml } from './src/index.ts';
  process.stdout.write(specToYaml(extractFromFolder(process.argv[1]).spec));
`;

function extractUnder(locale: string, folder: string): string {
  return execFileSync(process.execPath, [tsx, '--conditions=development', '--eval', script, folder], {
    cwd: fileURLToPath(new URL('../', import.meta.url)),
    env: { ...process.env, LC_ALL: locale, LANG: locale },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe.skipIf(!existsSync(docsDir))('extraction is byte-identical whatever the locale', () => {
  const committed = readFileSync(`${repoRoot}specs/industrydata/openapi.yaml`, 'utf8');
  // The default locale (C in CI) is the in-process corpus test's; these two are the ones that broke sorting.
  it.each(['tr_TR.UTF-8', 'lt_LT.UTF-8'])(
    '%s: the real corpus gives the committed spec',
    (locale) => {
      expect(extractUnder(locale, docsDir)).toBe(committed);
    },
    60_000,
  );
});
