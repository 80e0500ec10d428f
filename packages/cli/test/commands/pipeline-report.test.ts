import { describe, expect, it } from 'vitest';
import { breakPaths, renderPage } from '../../src/commands/pipeline-html.js';
import {
  contractsMarkdown,
  docsRepository,
  type PipelineReport,
  pipelineMarkdown,
  type StageStatus,
  stagesHeadline,
  summaryLine,
} from '../../src/commands/pipeline-report.js';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const page = 'api-reference/beta/api/industrydata-provisioningflow-reset.md';
const learn =
  'https://learn.microsoft.com/graph/api/industrydata-provisioningflow-reset?view=graph-rest-beta';
const base = { reportDir: '/repo/reports', root: '/repo' };

/** Two defects of one code and one of another, a passed and a failed behaviour, a missed benchmark target. */
const report: PipelineReport = {
  stages: [
    { name: 'extract', status: 'passed', summary: 'ok', details: [], durationMs: 2900 },
    {
      name: 'contracts',
      status: 'failed',
      summary: '1 failed',
      details: ['scenarios: x'],
      durationMs: 61_000,
    },
  ],
  spec: { source: 'test', paths: 1, operations: 1, schemas: 1 },
  defects: [
    { code: 'path-casing', severity: 'warning', message: 'a <b>path</b> | piped', file: page, line: 12 },
    { code: 'path-casing', severity: 'warning', message: 'another', file: page, line: 40 },
    { code: 'link-broken', severity: 'error', message: 'a *broken* link', file: page, line: 7 },
  ],
  diff: [],
  contracts: {
    suites: [{ name: 'scenarios', ok: false, passed: 1, failed: 1, notRun: 0, durationMs: 5000 }],
    behaviours: [
      {
        id: 'reset',
        behaviour: 'reset answers 202',
        docs: page,
        outcome: 'passed',
        verifiers: [
          {
            kind: 'scenario',
            ref: 'flows.yaml#reset',
            outcome: 'passed',
            file: '/repo/scenarios/flows.yaml',
            line: 9,
          },
        ],
      },
      {
        id: 'gone',
        behaviour: 'an unknown id answers 404',
        docs: 'https://learn.microsoft.com/graph/throttling',
        outcome: 'failed',
        verifiers: [
          { kind: 'scenario', ref: 'flows.yaml#gone', outcome: 'failed', why: 'expected 599 to be 404' },
        ],
      },
    ],
  },
  benchmarks: [
    {
      title: 'Validation',
      source: 'BENCHMARKS.md (2026-11-22)',
      figures: [
        {
          label: 'ours ÷ ajv',
          figure: '13.50×',
          target: '≤ 1.5×',
          verdict: 'missed',
          why: '13.50× ≤ 1.5×: no',
        },
      ],
    },
  ],
};

describe('the pipeline report (markdown)', () => {
  const md = pipelineMarkdown(report, base);

  it('starts with one line telling how the stages went, and what to look at', () => {
    expect(md.split('\n')[2]).toBe(
      '✘ **1 of 2 stages failed** (contracts) — 1 of 2 behaviours verified · 3 docs defects · 1 of 1 benchmark target missed.',
    );
  });

  const stage = (name: string, status: StageStatus) => ({
    name,
    status,
    summary: '',
    details: [],
    durationMs: 0,
  });
  const run = (...stages: [string, StageStatus][]) => stages.map(([n, s]) => stage(n, s));
  it.each([
    ['every stage passed', run(['diff', 'passed'], ['report', 'passed']), '✔ **Every stage passed**'],
    [
      // The user trial: "All is well: every stage passed" over a Stages table showing examples with a warning.
      'a stage warned, contracts skipped',
      run(['diff', 'passed'], ['examples', 'warning'], ['contracts', 'skipped'], ['report', 'passed']),
      '⚠ **3 of 4 stages passed, 1 with warnings (examples)**; 1 skipped (contracts)',
    ],
    [
      'stages skipped, none warned',
      run(['extract', 'skipped'], ['diff', 'passed'], ['contracts', 'skipped']),
      '✔ **1 of 3 stages passed**; 2 skipped (extract, contracts)',
    ],
    [
      'a stage failed, another warned',
      run(['diff', 'failed'], ['examples', 'warning'], ['report', 'passed']),
      '✘ **1 of 3 stages failed** (diff); 1 with warnings (examples)',
    ],
  ])('the headline when %s', (_case, stages, headline) => {
    expect(stagesHeadline(stages)).toBe(headline);
    expect(summaryLine({ ...report, stages })).toMatch(new RegExp(`^${escapeRegExp(headline)} — `));
  });

  it('says "contracts not run" only when the headline does not name the contracts stage as skipped', () => {
    const { contracts: _none, ...rest } = report;
    expect(summaryLine({ ...rest, stages: run(['contracts', 'skipped']) })).toBe(
      '✔ **0 of 1 stage passed**; 1 skipped (contracts) — 3 docs defects · 1 of 1 benchmark target missed.',
    );
    expect(summaryLine({ ...rest, stages: run(['contracts', 'failed']) })).toContain('— contracts not run ·');
  });

  it('stages with their durations', () => {
    expect(md).toContain('| extract | ✔ passed | 2.9 s | ok |');
    expect(md).toContain('| contracts | ✘ failed | 61.0 s | 1 failed |');
  });

  it('docs defects grouped by code with counts, each row linking its line in the docs and its page', () => {
    expect(md).toContain('| `link-broken` | 1 |\n| `path-casing` | 2 |');
    expect(md).toContain('<details class="defects">\n<summary><code>path-casing</code>: 2 defects</summary>');
    expect(md).toContain(
      `| [${page}:12](${docsRepository}${page}#L12) | a &lt;b&gt;path&lt;/b&gt; \\| piped | [industrydata-provisioningflow-reset](${learn}) |`,
    );
    expect(md).toContain('| **error**: a \\*broken\\* link |');
  });

  it('with a docs folder, the line links into that folder, relative to the report', () => {
    const local = pipelineMarkdown(report, { ...base, docsDir: '/docs' });
    expect(local).toContain(`[${page}:12](../../docs/${page}#L12)`);
  });

  it('the behaviour matrix: failures shown open, every behaviour folded, verifiers linked to their file and line', () => {
    expect(md).toContain('Behaviours that failed or did not run (1):');
    expect(md).toContain(
      '| an unknown id answers 404 | [https://learn.microsoft.com/graph/throttling](https://learn.microsoft.com/graph/throttling) | ✘ scenario: flows.yaml#gone: expected 599 to be 404 | ✘ failed |',
    );
    expect(md).toContain('<summary>All 2 documented behaviours: 1 failed, 1 passed</summary>');
    expect(md).toContain(
      '✔ scenario: flows.yaml#reset ([scenarios/flows.yaml:9](../scenarios/flows.yaml#L9))',
    );
  });

  it('benchmarks: missed targets listed and marked, with the chart of ratios', () => {
    expect(md).toContain('- ✘ ours ÷ ajv: 13.50×, target ≤ 1.5×');
    expect(md).toContain('| ours ÷ ajv | 13.50× | ≤ 1.5× | ✘ missed (13.50× ≤ 1.5×: no) |');
    expect(md).toMatch(/\n\n<svg [^\n]*>\n<title id="ratio-chart-title">/);
    expect(md).toContain('<summary>Validation — target missed</summary>');
  });

  it('without contracts, says so rather than showing an empty matrix', () => {
    const { contracts: _none, ...rest } = report;
    expect(pipelineMarkdown(rest, base)).toContain('The contract stage did not run (`--skip-contracts`)');
  });

  it('the contracts report uses the same sections', () => {
    const all = report.contracts as NonNullable<PipelineReport['contracts']>;
    const contracts = contractsMarkdown(all, false, base);
    expect(contracts).toMatch(
      /^# Behaviour coverage\n\n✘ \*\*Not all is well\*\* — 1 of 2 documented behaviours verified, 1 failed\./,
    );
    // A run that passed with a behaviour not run does not say all is well.
    const notRun = all.behaviours.map((b) => ({
      ...b,
      outcome: b.outcome === 'failed' ? ('not run' as const) : b.outcome,
    }));
    expect(contractsMarkdown({ ...all, behaviours: notRun }, true, base).split('\n')[2]).toBe(
      '⚠ **Not every behaviour was verified** — 1 of 2 documented behaviours verified, 1 not run.',
    );
    expect(
      contractsMarkdown({ ...all, behaviours: all.behaviours.slice(0, 1) }, true, base).split('\n')[2],
    ).toBe('✔ **All is well** — 1 of 1 documented behaviour verified.');
    expect(contracts).toContain('Behaviours that failed or did not run (1):');
  });
});

describe('the page rendered from the markdown', () => {
  const html = renderPage(pipelineMarkdown(report, base), 'sds pipeline report');

  it('one template: the markdown rendered, GFM tables and the markdown’s HTML kept, text still escaped', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain('<title>sds pipeline report</title>');
    expect(html).toContain('<td>a &lt;b&gt;path&lt;/b&gt; | piped</td>');
    expect(html).toContain(`<a href="${learn}">industrydata-provisioningflow-reset</a>`);
    expect(html).toContain('<details class="defects">');
    // Each table in a container that scrolls sideways on a narrow screen, not the page.
    expect(html.match(/<table>/g)?.length).toBeGreaterThan(1);
    expect(html.match(/<div class="table-scroll"><table>/g)?.length).toBe(html.match(/<table>/g)?.length);
    expect(html.match(/<\/table><\/div>/g)?.length).toBe(html.match(/<table>/g)?.length);
    expect(html).toMatch(/<svg [^>]*role="img"/);
    expect(html).not.toContain('<b>path</b>');
  });

  it.each([
    [
      'a docs path in a link',
      '<td><a href="x">api-reference/beta/api/x-y.md:12</a></td>',
      '<td><a href="x">api-reference/<wbr>beta/<wbr>api/<wbr>x-y.md:12</a></td>',
    ],
    [
      'a path in the text, after a leading slash none',
      '<td>path /external/industryData/{id}/$ref conflicts</td>',
      '<td>path /external/<wbr>industryData/<wbr>{id}/<wbr>$ref conflicts</td>',
    ],
    [
      'a URL: none inside its //',
      '<td><a href="u">https://learn.microsoft.com/graph/x</a></td>',
      '<td><a href="u">https://learn.microsoft.com/<wbr>graph/<wbr>x</a></td>',
    ],
    ['a short word with a slash', '<td>28,446 req/s</td>', '<td>28,446 req/s</td>'],
    ['escaped markup', '<td>a &lt;b&gt;path&lt;/b&gt;</td>', '<td>a &lt;b&gt;path&lt;/b&gt;</td>'],
    ['outside a table cell', '<p>api-reference/beta/api/x.md</p>', '<p>api-reference/beta/api/x.md</p>'],
  ])('breaks a path after its slashes: %s', (_case, html, broken) => {
    expect(breakPaths(html)).toBe(broken);
  });

  it('self-contained: no script, no stylesheet or image from anywhere', () => {
    expect(html).not.toMatch(/<script|<link |<img |@import|url\(/);
  });
});
