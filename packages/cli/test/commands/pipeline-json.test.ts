import { describe, expect, it } from 'vitest';
import { reportJson } from '../../src/commands/pipeline-json.js';
import type { BehaviourRow, Outcome, PipelineReport } from '../../src/commands/pipeline-report.js';

const page = 'api-reference/beta/api/industrydata-provisioningflow-reset.md';
const behaviour = (id: string, outcome: Outcome): BehaviourRow => ({
  id,
  behaviour: `${id} behaves`,
  docs: page,
  outcome,
  verifiers: [{ kind: 'scenario', ref: `flows.yaml#${id}`, outcome }],
});

/** One behaviour of each outcome, two not run. */
const report: PipelineReport = {
  stages: [{ name: 'contracts', status: 'passed', summary: 'ok', details: [], durationMs: 1234.4 }],
  spec: { source: 'test', paths: 1, operations: 1, schemas: 1 },
  defects: [],
  diff: [],
  contracts: {
    suites: [{ name: 'scenarios', ok: true, passed: 1, failed: 1, notRun: 2, durationMs: 5000.6 }],
    behaviours: [
      behaviour('a', 'passed'),
      behaviour('b', 'failed'),
      behaviour('c', 'not run'),
      behaviour('d', 'not run'),
    ],
  },
  benchmarks: [],
};
const written = { markdown: '/r/pipeline.md', html: '/r/pipeline.html' };

/** Every key of a JSON value, at any depth. */
const keysOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(keysOf)
    : value && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)])
      : [];

describe('sds pipeline --json', () => {
  const json = reportJson(report, '✔ **Every stage passed** — 1 of 4 behaviours verified.', written);

  it('counts the behaviours by outcome under camelCase keys, as the suites do (notRun, not "not run")', () => {
    expect(json.contracts?.behaviours).toMatchObject({ passed: 1, failed: 1, notRun: 2, total: 4 });
    expect(json.contracts?.behaviours).not.toHaveProperty(['not run']);
    expect(json.contracts?.suites[0]).toMatchObject({ notRun: 2, durationMs: 5001 });
  });

  it('every field name, at any depth, is camelCase (byCode, empty here, is keyed by defect code); outcomes stay values', () => {
    expect(keysOf(json).filter((k) => !/^[a-z][A-Za-z0-9]*$/.test(k))).toEqual([]);
    expect(json.contracts?.behaviours.items.map((b) => b.outcome)).toEqual([
      'passed',
      'failed',
      'not run',
      'not run',
    ]);
  });

  it('the summary line without its markdown, durations in whole milliseconds', () => {
    expect(json.summary).toBe('✔ Every stage passed — 1 of 4 behaviours verified.');
    expect(json.stages[0]?.durationMs).toBe(1234);
  });
});

// #18 (user trial): throttling-429, documented in Graph's throttling guide, had no page in --json.
describe('sds pipeline --json: each behaviour names the page a person opens', () => {
  it('a reference page by its learn address; a behaviour documented by a learn guide by that guide', () => {
    const guide = 'https://learn.microsoft.com/graph/throttling';
    const json = reportJson(
      {
        ...report,
        contracts: {
          suites: [],
          behaviours: [behaviour('a', 'passed'), { ...behaviour('t', 'passed'), docs: guide }],
        },
      },
      'x',
      written,
    );
    expect(json.contracts?.behaviours.items.map((b) => b.page)).toEqual([
      'https://learn.microsoft.com/graph/api/industrydata-provisioningflow-reset?view=graph-rest-beta',
      guide,
    ]);
  });
});
