import { describe, expect, it } from 'vitest';
import type { Behaviour, Verifier } from '../../src/catalogue.js';
import { behaviourResults, type Evidence, verificationTestName } from '../../src/outcomes.js';
import type { SuiteRun, TestOutcome } from '../../src/suites.js';

const test = (
  name: string,
  outcome: TestOutcome['outcome'],
  extra: Partial<TestOutcome> = {},
): TestOutcome => ({
  file: 'test/x.test.ts',
  name,
  fullName: `x > ${name}`,
  outcome,
  errors: outcome === 'failed' ? [`AssertionError: ${name} went wrong\n  at somewhere`] : [],
  ...extra,
});
const suite = (name: string, tests: TestOutcome[]): SuiteRun => ({
  name,
  ok: tests.every((t) => t.outcome !== 'failed'),
  passed: 0,
  failed: 0,
  notRun: 0,
  durationMs: 1,
  failures: [],
  tests,
});
const evidence: Evidence = {
  consumer: suite('consumer', [
    test('get a set: 200', 'passed', { line: 12 }),
    test('create a classGroup flow: 201', 'passed'),
    test('create a user flow: 201', 'passed'),
    test('update: 204', 'failed'),
    test('later', 'not run', { errors: ['an earlier step failed'] }),
  ]),
  provider: suite('provider', [
    test(verificationTestName, 'failed', {
      errors: ['Verification failed:\n1) a request to rename a set: has status code 204 FAILED'],
    }),
  ]),
  scenarios: suite('scenarios', [test('sets.yaml#create', 'passed')]),
  rules: suite('rules', [
    test('a first flow', 'passed', { file: 'test/rules/one-flow-per-type.test.ts' }),
    test('a second flow', 'passed', { file: 'test/rules/one-flow-per-type.test.ts' }),
    test('empty filter', 'failed', { file: 'test/rules/non-empty-lists.test.ts' }),
  ]),
  interactions: new Set(['a request for a set', 'a request to rename a set']),
  scenarioFiles: [],
  roots: { contracts: '/repo/contracts', rules: '/repo/rules' },
};

const outcomeOf = (verifier: Verifier, e: Evidence = evidence) => {
  const behaviour: Behaviour = { id: 'b', behaviour: 'b', docs: 'x.md', verifiedBy: [verifier] };
  const [result] = behaviourResults([behaviour], e);
  return { outcome: result?.verifiers[0]?.outcome, why: result?.verifiers[0]?.why };
};

describe('behaviourResults: a verifier’s outcome is its test’s', () => {
  it.each<[string, Verifier, Evidence | undefined, string, RegExp | undefined]>([
    ['a consumer test that passed', { consumer: 'get a set: 200' }, undefined, 'passed', undefined],
    [
      'an it.each title, every case passed',
      { consumer: 'create a %s flow: 201' },
      undefined,
      'passed',
      undefined,
    ],
    [
      'a consumer test that failed',
      { consumer: 'update: 204' },
      undefined,
      'failed',
      /update: 204 went wrong/,
    ],
    ['a skipped test', { consumer: 'later' }, undefined, 'not run', /an earlier step failed/],
    [
      'a test that does not exist',
      { consumer: 'nope' },
      undefined,
      'not run',
      /no consumer test is named "nope"/,
    ],
    [
      'consumer tests that did not run',
      { consumer: 'get a set: 200' },
      { ...evidence, consumer: undefined },
      'not run',
      /did not run/,
    ],
    [
      'an interaction the failed verification does not name',
      { pact: 'a request for a set' },
      undefined,
      'passed',
      undefined,
    ],
    [
      'the interaction it names',
      { pact: 'a request to rename a set' },
      undefined,
      'failed',
      /Verification failed/,
    ],
    [
      'an interaction the pact does not have',
      { pact: 'a request to fly' },
      undefined,
      'not run',
      /has no interaction/,
    ],
    [
      'an interaction the verifier’s own results say failed',
      { pact: 'a request for a set' },
      {
        ...evidence,
        provider: suite('provider', [
          test(verificationTestName, 'failed', {
            errors: [
              'Verification failed\ncaused by: {"interactionResults":[{"description":"a request for a set","result":"Error"},{"description":"a request to rename a set","result":"OK"}]}',
            ],
          }),
        ]),
      },
      'failed',
      /did not match \(Error\)/,
    ],
    [
      'no provider run',
      { pact: 'a request for a set' },
      { ...evidence, provider: undefined },
      'not run',
      /did not run/,
    ],
    ['a scenario step that passed', { scenario: 'sets.yaml#create' }, undefined, 'passed', undefined],
    [
      'a scenario step that is not there',
      { scenario: 'sets.yaml#gone' },
      undefined,
      'not run',
      /no scenario step/,
    ],
    ['a rule whose table test passed', { rule: 'one-flow-per-type' }, undefined, 'passed', undefined],
    [
      'a rule whose table test failed',
      { rule: 'non-empty-lists' },
      undefined,
      'failed',
      /empty filter went wrong/,
    ],
    ['a rule whose table test did not run', { rule: 'enum-values' }, undefined, 'not run', /no table test/],
    [
      'an id the rules package does not export',
      { rule: 'made-up' },
      undefined,
      'not run',
      /has no rule "made-up"/,
    ],
    ['an unknown kind', { widget: 'x' } as never, undefined, 'not run', /unknown verifier kind widget/],
  ])('%s', (_name, verifier, e, outcome, why) => {
    const result = outcomeOf(verifier, e ?? evidence);
    expect(result.outcome).toBe(outcome);
    if (why) expect(result.why).toMatch(why);
  });

  it('a behaviour fails when one verifier failed, passes when all passed, and else did not run', () => {
    const of = (verifiedBy: Verifier[]) =>
      behaviourResults([{ id: 'b', behaviour: 'b', docs: 'x.md', verifiedBy }], evidence)[0]?.outcome;
    expect(of([{ consumer: 'get a set: 200' }, { rule: 'one-flow-per-type' }])).toBe('passed');
    expect(of([{ consumer: 'get a set: 200' }, { consumer: 'update: 204' }, { consumer: 'nope' }])).toBe(
      'failed',
    );
    expect(of([{ consumer: 'get a set: 200' }, { consumer: 'nope' }])).toBe('not run');
    expect(of([])).toBe('not run');
  });

  it('a verifier points at the file and line of its test', () => {
    const [result] = behaviourResults(
      [{ id: 'b', behaviour: 'b', docs: 'x.md', verifiedBy: [{ consumer: 'get a set: 200' }] }],
      evidence,
    );
    expect(result?.verifiers[0]).toMatchObject({ file: '/repo/contracts/test/x.test.ts', line: 12 });
  });
});
