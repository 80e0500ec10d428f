import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../src/commands/index.js';
import { lines, sds } from './run.js';

/**
 * Every command, through the real binary: its help, a wrong option, a misspelt one, and --json on an input
 * that fails. Each failure is one line on stderr; under --json, stdout is JSON whatever happens.
 */
const work = mkdtempSync(join(tmpdir(), 'sds-table-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const aFile = join(work, 'a-file.txt');
writeFileSync(aFile, 'not a folder\n');
const notOpenApi = join(work, 'not-openapi.yaml');
writeFileSync(notOpenApi, 'hello: world\n');

interface Case {
  /** A near miss of one of its options, and the option meant. */
  readonly typo: readonly [string, string];
  /** Arguments that fail, and the exit code that says how (2: the input is wrong, 1: the work failed). */
  readonly failing: readonly string[];
  readonly failingCode: 1 | 2;
  readonly failingMessage: RegExp;
}

const cases: Record<string, Case> = {
  extract: {
    typo: ['--doc', '--docs'],
    failing: ['--docs', join(work, 'no-such-folder')],
    failingCode: 2,
    failingMessage: /no-such-folder/,
  },
  generate: {
    typo: ['--sepc', '--spec'],
    failing: ['--spec', notOpenApi, '--out', join(work, 'client')],
    failingCode: 2,
    failingMessage: /not an OpenAPI 3 document/,
  },
  validate: {
    typo: ['--operaton', '--operation'],
    failing: [join(work, 'missing.json'), '--operation', 'createFlow'],
    failingCode: 2,
    failingMessage: /the payload .*missing\.json does not exist/,
  },
  simulate: {
    typo: ['--prot', '--port'],
    failing: ['--data', work],
    failingCode: 2,
    failingMessage: /the data file .* is a folder: give a file path/,
  },
  token: {
    typo: ['--scope', '--scopes'],
    failing: ['--scopes', 'Foo.Bar'],
    failingCode: 2,
    failingMessage: /unknown delegated scope 'Foo\.Bar'/,
  },
  plan: {
    typo: ['--confg', '--config'],
    failing: ['--config', join(work, 'missing.yaml')],
    failingCode: 2,
    failingMessage: /the set-up file .*missing\.yaml does not exist/,
  },
  apply: {
    typo: ['--prnue', '--prune'],
    failing: ['--config', join(work, 'missing.yaml')],
    failingCode: 2,
    failingMessage: /the set-up file .*missing\.yaml does not exist/,
  },
  export: {
    typo: ['--otu', '--out'],
    failing: ['--out', work],
    failingCode: 2,
    failingMessage: /--out .* is a folder: give a file path/,
  },
  contracts: {
    typo: ['--reprot', '--report'],
    failing: ['--report', aFile],
    failingCode: 2,
    failingMessage: /--report .* is a file: give a folder/,
  },
  diff: {
    typo: ['--fail-of', '--fail-on'],
    failing: [join(work, 'no-such-spec.yaml'), notOpenApi],
    failingCode: 2,
    failingMessage: /no-such-spec\.yaml does not exist/,
  },
  regen: {
    typo: ['--doc', '--docs'],
    failing: ['--docs', join(work, 'no-such-folder')],
    failingCode: 2,
    failingMessage: /no-such-folder/,
  },
  pipeline: {
    typo: ['--skip-contract', '--skip-contracts'],
    failing: ['--report', aFile],
    failingCode: 2,
    failingMessage: /--report .* is a file: give a folder/,
  },
};

const table = Object.entries(cases);
/** Each case starts node and the command's modules, several at a time: seconds on a busy machine. */
const slow = { timeout: 30_000 };

describe('every command', () => {
  it('is in the table', () => {
    expect(Object.keys(cases).sort()).toEqual(commands.map((c) => c.name).sort());
  });
});

describe.concurrent.each(table)('sds %s', (name, c) => {
  it('--help, -h and `sds help <command>` print its usage (exit 0, nothing on stderr)', slow, async () => {
    const runs = await Promise.all([sds([name, '--help']), sds([name, '-h']), sds(['help', name])]);
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(new RegExp(`^Usage: sds ${name}\\b`));
      expect(run.stdout).toContain('--json');
      expect(run.stdout).toBe(runs[0]?.stdout);
    }
  });

  it('an unknown option: one line naming it, exit 2, nothing on stdout', slow, async () => {
    const run = await sds([name, '--bogus']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toEqual([`sds ${name}: unknown option '--bogus' (see 'sds help ${name}')`]);
  });

  it('a misspelt option: one line suggesting the one meant, exit 2', slow, async () => {
    const [typo, meant] = c.typo;
    const run = await sds([name, typo, 'x']);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      `sds ${name}: unknown option '${typo}'; did you mean '${meant}'? (see 'sds help ${name}')`,
    ]);
  });

  it(
    '--json on a failing input: an error object on stdout, one line on stderr, no stack trace',
    slow,
    async () => {
      const run = await sds([name, ...c.failing, '--json']);
      expect(run.code).toBe(c.failingCode);
      expect(lines(run.stdout)).toHaveLength(1);
      const parsed = JSON.parse(run.stdout);
      expect(parsed).toEqual({
        error: {
          code: c.failingCode === 2 ? 'usage' : 'failed',
          message: expect.stringMatching(c.failingMessage),
          exitCode: c.failingCode,
        },
      });
      expect(lines(run.stderr)).toHaveLength(1);
      expect(run.stderr).toMatch(new RegExp(`^sds ${name}: `));
      expect(run.stderr).not.toMatch(/\n\s+at /);
    },
  );

  it('the same input without --json: the same one line, nothing on stdout', slow, async () => {
    const run = await sds([name, ...c.failing]);
    expect(run.code).toBe(c.failingCode);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(c.failingMessage);
  });
});
