import { describe, expect, it } from 'vitest';
import { behaviourResults, loadCatalogue, reportHtml, reportMarkdown } from '../../src/index.js';

describe('the coverage report', () => {
  const catalogue = loadCatalogue();
  const results = behaviourResults(catalogue, (kind) => (kind === 'rule' ? 'failed' : 'passed'));

  it('a behaviour passes only when every verifier passed', () => {
    const ruleOnly = results.find((r) => r.behaviour.id === 'enum-values');
    const noRule = results.find((r) => r.behaviour.id === 'get-flow-set-200');
    expect(ruleOnly?.outcome).toBe('failed');
    expect(noRule?.outcome).toBe('passed');
  });

  it('markdown lists each behaviour with where it is documented, what verifies it, and the result', () => {
    const md = reportMarkdown(results);
    expect(md).toMatch(
      /\| Getting a flow set answers 200 with the set \| `api-reference\/beta\/api\/industrydata-outboundprovisioningflowset-get\.md` \| consumer: get a flow set: 200 \(passed\)/,
    );
    expect(md).toContain('❌ failed');
  });

  it('the HTML page is self-contained and escapes text', () => {
    const html = reportHtml(
      behaviourResults(
        [{ id: 'x', behaviour: '<script>alert(1)</script>', docs: 'a.md', verifiedBy: [{ consumer: 'c' }] }],
        () => 'passed',
      ),
    );
    expect(html).not.toMatch(/<script>|src=|href=/);
    expect(html).toContain('&lt;script&gt;');
  });
});
