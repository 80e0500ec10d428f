import { describe, expect, it } from 'vitest';
import { type PipelineReport, pipelineHtml, pipelineMarkdown } from '../../src/commands/pipeline-report.js';

/** One defect and one behaviour, each from a docs page: both reports link the page on learn.microsoft.com. */
const report: PipelineReport = {
  stages: [{ name: 'extract', status: 'passed', summary: 'ok', details: [] }],
  spec: { source: 'test', paths: 1, operations: 1, schemas: 1 },
  diagnostics: [
    {
      code: 'path-casing',
      severity: 'warning',
      message: 'a <b>path</b>',
      file: 'api-reference/beta/api/industrydata-provisioningflow-reset.md',
      line: 12,
    },
  ],
  diff: [],
  behaviours: [
    {
      behaviour: 'reset answers 202',
      docs: 'api-reference/beta/api/industrydata-provisioningflow-reset.md',
      verifiedBy: 'consumer: reset',
      outcome: 'passed',
    },
  ],
  benchmarks: undefined,
};
const url = 'https://learn.microsoft.com/graph/api/industrydata-provisioningflow-reset?view=graph-rest-beta';

describe('the pipeline report', () => {
  it('markdown: a docs defect keeps its file:line and links its page; so does a behaviour', () => {
    const md = pipelineMarkdown(report);
    expect(md).toContain(
      `| warning | path-casing | \`api-reference/beta/api/industrydata-provisioningflow-reset.md:12\` | a <b>path</b> | [page](${url}) |`,
    );
    expect(md).toContain(
      `| reset answers 202 | \`api-reference/beta/api/industrydata-provisioningflow-reset.md\` ([page](${url})) |`,
    );
  });

  it('HTML: the same links, and text still escaped', () => {
    const html = pipelineHtml(report);
    expect(html).toContain(`<td>a &lt;b&gt;path&lt;/b&gt;</td><td><a href="${url}">page</a></td>`);
    expect(html).toContain(
      `<td>api-reference/beta/api/industrydata-provisioningflow-reset.md (<a href="${url}">page</a>)</td>`,
    );
  });
});
