import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generate } from '../src/index.js';

// Generated code must not depend on the machine's locale (lt_LT sorts `y` before `j`; tr_TR has a dotless i):
// the committed spec is generated in a child process under each locale and compared file by file.
const specPath = fileURLToPath(new URL('../../../specs/industrydata/openapi.yaml', import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const script = `
  import { readFileSync } from 'node:fs';
  import { generate } from './src/index.ts';
  const { files } = generate(readFileSync(process.argv[1], 'utf8'), 'specs/industrydata/openapi.yaml');
  process.stdout.write(JSON.stringify([...files]));
`;

describe('generation is byte-identical whatever the locale', () => {
  const expected = [...generate(readFileSync(specPath, 'utf8'), 'specs/industrydata/openapi.yaml').files];
  it.each(['tr_TR.UTF-8', 'lt_LT.UTF-8'])(
    '%s',
    (locale) => {
      const output = execFileSync(
        process.execPath,
        [tsx, '--conditions=development', '--eval', script, specPath],
        {
          cwd: fileURLToPath(new URL('../', import.meta.url)),
          env: { ...process.env, LC_ALL: locale, LANG: locale },
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      expect(JSON.parse(output)).toEqual(expected);
    },
    60_000,
  );
});
