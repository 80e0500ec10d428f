import { relative } from 'node:path';
import { Writable } from 'node:stream';
import type { TestCase, TestModule } from 'vitest/node';
import type { Outcome } from './report.js';

/** One test of a suite and how it ended. */
export interface TestOutcome {
  /** The test file, relative to the suite's root (`test/consumer/flow-sets.test.ts`). */
  readonly file: string;
  /** The test's own name, as `it(…)` gives it (it.each names expanded). */
  readonly name: string;
  /** With its describe blocks: `consumer: flow sets > get a flow set: 200`. */
  readonly fullName: string;
  readonly outcome: Outcome;
  /** Why it failed (whole messages), or why it was skipped (its note). */
  readonly errors: readonly string[];
  /** Where the test is declared. */
  readonly line?: number;
}

/** What one run of a vitest project (or of a package's tests) gave. */
export interface SuiteRun {
  readonly name: string;
  readonly ok: boolean;
  readonly passed: number;
  readonly failed: number;
  readonly notRun: number;
  readonly durationMs: number;
  /** Each failure: the test's full name (or the file that failed to load), then the first lines of why. */
  readonly failures: readonly string[];
  readonly tests: readonly TestOutcome[];
}

export interface SuiteOptions {
  /** How the report names the suite (`consumer`, `rules`). */
  readonly name: string;
  /** The package whose vitest config runs it. */
  readonly root: string;
  /** A project of that config; all of them when absent. */
  readonly project?: string;
  /** File filters, as on vitest's command line. */
  readonly filters?: readonly string[];
  /** Environment for the tests (added to the process's own). */
  readonly env?: Readonly<Record<string, string>>;
  /** Injected clock for the duration (tests of this module pass a fixed one). */
  readonly now?: () => number;
}

/** A sink for vitest's own logger: the run's findings come back in the result, not on the terminal. */
const quiet = new Writable({
  write(_chunk, _encoding, done) {
    done();
  },
});

const firstLines = (text: string, count = 8) => text.split('\n').slice(0, count).join('\n');

interface ErrorLike {
  name?: string;
  message?: string;
  diff?: string;
  cause?: unknown;
}

/** An error's name and message, its diff, and what caused it (Pact's verification result is the cause). */
const errorText = (error: ErrorLike): string =>
  [
    `${error.name && error.name !== 'Error' ? `${error.name}: ` : ''}${error.message ?? ''}`,
    error.diff,
    error.cause && typeof error.cause === 'object'
      ? `caused by: ${errorText(error.cause as ErrorLike)}`
      : undefined,
  ]
    .filter(Boolean)
    .join('\n');

/** A test case as a TestOutcome: skipped, pending and todo tests did not run. */
export function testOutcome(test: TestCase, root: string): TestOutcome {
  const result = test.result();
  const outcome: Outcome =
    result.state === 'passed' ? 'passed' : result.state === 'failed' ? 'failed' : 'not run';
  const errors =
    result.state === 'failed'
      ? result.errors.map(errorText)
      : result.state === 'skipped' && result.note
        ? [result.note]
        : [];
  return {
    file: relative(root, test.module.moduleId),
    name: test.name,
    fullName: test.fullName,
    outcome,
    errors,
    ...(test.location ? { line: test.location.line } : {}),
  };
}

/** Tallies test modules into a SuiteRun; a file that failed to load, or an unhandled error, fails the run. */
export function summarise(
  name: string,
  root: string,
  modules: readonly TestModule[],
  unhandled: readonly unknown[],
  durationMs: number,
): SuiteRun {
  const tests = modules.flatMap((m) => [...m.children.allTests()].map((t) => testOutcome(t, root)));
  const failures = tests
    .filter((t) => t.outcome === 'failed')
    .map((t) => [t.fullName, ...t.errors.map((e) => firstLines(e))].join('\n    '));
  for (const m of modules)
    for (const error of m.errors())
      failures.push(`${relative(root, m.moduleId)} did not load\n    ${firstLines(errorText(error))}`);
  for (const error of unhandled)
    failures.push(`an unhandled error\n    ${firstLines(errorText(error as ErrorLike))}`);
  const count = (o: Outcome) => tests.filter((t) => t.outcome === o).length;
  return {
    name,
    ok: failures.length === 0 && tests.length > 0,
    passed: count('passed'),
    failed: count('failed'),
    notRun: count('not run'),
    durationMs,
    failures: tests.length === 0 && failures.length === 0 ? ['no tests ran'] : failures,
    tests,
  };
}

/**
 * Runs a package's tests through vitest's Node API (its own config, projects and pools) and reads every test's
 * result from vitest itself: no child process, no JSON output to parse. Quiet: what the tests print stays
 * with them; failures come back in the result.
 */
export async function runSuite(options: SuiteOptions): Promise<SuiteRun> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const { createVitest } = await import('vitest/node');
  const exitCode = process.exitCode;
  const vitest = await createVitest(
    'test',
    {
      root: options.root,
      ...(options.project ? { project: [options.project] } : {}),
      watch: false,
      reporters: [{}],
      // Each test's line, for the report's links.
      includeTaskLocation: true,
      // Console output of the tests (Pact's logs, the negative test's announcements) is not the caller's.
      onConsoleLog: () => false,
      ...(options.env ? { env: { ...options.env } } : {}),
    },
    {},
    { stdout: quiet, stderr: quiet },
  );
  try {
    const result = await vitest.start([...(options.filters ?? [])]);
    return summarise(options.name, options.root, result.testModules, result.unhandledErrors, now() - started);
  } catch (error) {
    // No test file matched, or the config did not load: the suite did not run.
    return {
      name: options.name,
      ok: false,
      passed: 0,
      failed: 0,
      notRun: 0,
      durationMs: now() - started,
      failures: [`vitest could not run the ${options.name} tests: ${(error as Error).message}`],
      tests: [],
    };
  } finally {
    await vitest.close();
    // vitest marks the process failed when tests fail; here a failure is a result, returned to the caller.
    process.exitCode = exitCode;
  }
}
