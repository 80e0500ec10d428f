import { describe, expect, it } from 'vitest';
import { readVitestReport } from '../../src/index.js';

const failing = {
  title: 'update a flow set: 204 with no body',
  fullName: 'consumer: flow sets update a flow set: 204 with no body',
  status: 'failed',
  failureMessages: [
    'Error: Test failed for the following reasons:\n  Mock server failed with the following mismatches:\n  1) body',
  ],
};

describe('readVitestReport', () => {
  it.each([
    ['no tests', { testResults: [] }, { passed: 0, failed: 0, failures: [], outcomes: [] }],
    [
      'one passed, one failed, one skipped',
      {
        testResults: [
          {
            assertionResults: [
              { title: 'create a flow set: 201', fullName: 'x create a flow set: 201', status: 'passed' },
              failing,
              { title: 'later', fullName: 'x later', status: 'skipped' },
            ],
          },
        ],
      },
      {
        passed: 1,
        failed: 1,
        failures: [
          'consumer: flow sets update a flow set: 204 with no body\n    Error: Test failed for the following reasons:\n      Mock server failed with the following mismatches:\n      1) body',
        ],
        outcomes: [
          ['create a flow set: 201', 'passed'],
          ['update a flow set: 204 with no body', 'failed'],
          ['later', 'not run'],
        ],
      },
    ],
  ])('%s', (_name, json, expected) => {
    expect(readVitestReport(json)).toEqual(expected);
  });

  it('keeps the first lines of a long failure message', () => {
    const long = {
      ...failing,
      failureMessages: [Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n')],
    };
    const [failure] = readVitestReport({ testResults: [{ assertionResults: [long] }] }).failures;
    expect(failure?.split('\n')).toHaveLength(9);
    expect(failure).toContain('line 7');
    expect(failure).not.toContain('line 8');
  });
});
