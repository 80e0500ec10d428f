import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * turbo's caching is only as honest as its hashes: a task whose inputs changed must get a new hash, or a cached
 * green hides a red. Each case edits one file in a copy of the repository and asks turbo (`--dry=json`) which
 * task hashes changed: exactly the tasks that read the file, directly or through the packages they depend on.
 */
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const turbo = join(repo, 'node_modules', '.bin', 'turbo');
const notCopied = new Set(['node_modules', '.git', 'dist', '.turbo', 'reports', 'bench-results', 'coverage']);

interface DryTask {
  taskId: string;
  hash: string;
  command: string;
  dependencies: string[];
}

let copy = '';
beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'turbo-hashes-'));
  cpSync(repo, copy, { recursive: true, filter: (source) => !notCopied.has(basename(source)) });
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** The tasks `pnpm verify` runs, as turbo plans them (tasks without a script are left out: they never run). */
function plan(): DryTask[] {
  const run = spawnSync(turbo, ['run', 'build', 'typecheck', 'test', '--dry=json'], {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  expect(run.status, run.stderr).toBe(0);
  const tasks = (JSON.parse(run.stdout) as { tasks: DryTask[] }).tasks;
  return tasks.filter((t) => t.command !== '<NONEXISTENT>');
}

/** Task ids whose hash changes when `edit` is applied to the copy (then undone). */
function rehashedBy(file: string, edit: (path: string) => void): string[] {
  const before = new Map(plan().map((t) => [t.taskId, t.hash]));
  const path = join(copy, file);
  const original = readFileSync(path);
  try {
    edit(path);
    return plan()
      .filter((t) => before.get(t.taskId) !== t.hash)
      .map((t) => t.taskId)
      .sort();
  } finally {
    writeFileSync(path, original);
  }
}

const ours = (names: string) => names.split(' ').filter(Boolean);
const tasks = (task: string, names: string) => ours(names).map((name) => `@sds-toolkit/${name}#${task}`);
const expected = (want: { build?: string; typecheck?: string; test?: string }) =>
  [
    ...tasks('build', want.build ?? ''),
    ...tasks('typecheck', want.typecheck ?? ''),
    ...tasks('test', want.test ?? ''),
  ].sort();
/** The first file (by code point, through subfolders) of a folder with this suffix. */
const firstFile = (folder: string, suffix: string) => {
  const names = readdirSync(join(repo, folder), { recursive: true }) as string[];
  const name = names.filter((f) => f.endsWith(suffix)).sort()[0];
  if (!name) throw new Error(`no *${suffix} in ${folder}`);
  return `${folder}/${name}`;
};
const appendLine = (text: string) => (path: string) => appendFileSync(path, text);

const modelDependents = 'docs-to-openapi spec-diff generator rules simulator contract-tests config cli';

describe('turbo hashes change exactly where an edit is read', () => {
  it.each<[string, string, string, { build?: string; typecheck?: string; test?: string }]>([
    [
      "openapi-model's source: it and every package depending on it (typecheck resolves its src/)",
      'packages/openapi-model/src/index.ts',
      '// edited\n',
      {
        build: `openapi-model ${modelDependents}`,
        typecheck: `openapi-model ${modelDependents} examples`,
        test: `openapi-model ${modelDependents} examples`,
      },
    ],
    [
      "a simulator scenario: the tests of the simulator and of what runs it, nothing's build or typecheck",
      firstFile('packages/simulator/scenarios', '.yaml'),
      '# edited\n',
      { test: 'simulator contract-tests config cli examples' },
    ],
    [
      'the committed spec: every test that reads it',
      'specs/industrydata/openapi.yaml',
      '# edited\n',
      {
        test: 'openapi-model docs-to-openapi spec-diff generator client rules simulator contract-tests config cli examples',
      },
    ],
    [
      "a rule's table test: the rules and the behaviour catalogue (contract-tests) that reads it",
      firstFile('packages/rules/test/rules', '.test.ts'),
      '// edited\n',
      { typecheck: 'rules', test: 'rules contract-tests' },
    ],
    [
      "one of the extractor's fixtures: its tests and the CLI's, which run `sds extract` on them",
      firstFile('tools/docs-to-openapi/test/fixtures', '.md'),
      '\nedited\n',
      { test: 'docs-to-openapi cli' },
    ],
    [
      "the client's JSON Schemas: the client and everything that depends on it (the rules read them)",
      'packages/client/src/generated/schemas.json',
      '\n',
      {
        build: 'client rules simulator contract-tests config cli',
        typecheck: 'client rules simulator contract-tests config cli examples',
        test: 'client rules simulator contract-tests config cli examples',
      },
    ],
    [
      "a package's README: its own tests (doc tests compile its snippets, tests check its tables), nothing else",
      'packages/rules/README.md',
      '\nedited\n',
      { test: 'rules' },
    ],
  ])('%s', (_name, file, line, want) => {
    expect(rehashedBy(file, appendLine(line))).toEqual(expected(want));
  });

  it('tsconfig.base.json: every build, typecheck and test', () => {
    const all = plan().map((t) => t.taskId);
    expect(rehashedBy('tsconfig.base.json', appendLine('\n'))).toEqual([...all].sort());
  });
});

describe('the task graph', () => {
  it('no test task waits on another test task (no suite runs twice, none runs before another)', () => {
    const waits = plan()
      .filter((t) => t.taskId.endsWith('#test'))
      .flatMap((t) => t.dependencies.filter((d) => d.endsWith('#test')).map((d) => `${t.taskId} → ${d}`));
    expect(waits).toEqual([]);
  });

  it('only the tests that read dist/ wait on a build', () => {
    const waiting = plan()
      .filter((t) => t.taskId.endsWith('#test') && t.dependencies.some((d) => d.endsWith('#build')))
      .map((t) => t.taskId)
      .sort();
    // client: publint and arethetypeswrong check the built package; docs-to-openapi: its worker threads run dist/.
    expect(waiting).toEqual(['@sds-toolkit/client#test', '@sds-toolkit/docs-to-openapi#test']);
  });
});

describe('pnpm verify', () => {
  it('runs the cheap checks (lint and format, architecture, generated code) before the turbo tasks', () => {
    const { scripts } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const steps = (scripts.verify ?? '').split('&&').map((s) => s.trim());
    expect(steps.slice(0, 3)).toEqual(['pnpm lint', 'pnpm architecture', 'pnpm gen:check']);
    // One failing suite must not cancel the others mid-run (a cancelled vitest reports "Worker exited
    // unexpectedly", which reads as a second failure): every task whose dependencies passed runs to its end.
    expect(steps.slice(3).join(' ')).toMatch(
      /turbo run build typecheck test --continue=dependencies-successful$/,
    );
    expect(scripts.lint).toBe('biome check .');
  });
});
