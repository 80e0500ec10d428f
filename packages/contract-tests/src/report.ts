import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Behaviour } from './catalogue.js';
import { describeVerifier } from './catalogue.js';

export type Outcome = 'passed' | 'failed' | 'not run';

export interface BehaviourResult {
  readonly behaviour: Behaviour;
  readonly verifiers: readonly { readonly kind: string; readonly ref: string; readonly outcome: Outcome }[];
  readonly outcome: Outcome;
}

const escapeHtml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const mark: Record<Outcome, string> = { passed: '✅ passed', failed: '❌ failed', 'not run': '⚪ not run' };

export function reportMarkdown(results: readonly BehaviourResult[], title = 'Behaviour coverage'): string {
  const lines = [
    `# ${title}`,
    '',
    `${results.filter((r) => r.outcome === 'passed').length} of ${results.length} documented behaviours verified.`,
    '',
  ];
  lines.push('| behaviour | documented in | verified by | result |', '|---|---|---|---|');
  for (const r of results) {
    const verifiers = r.verifiers.map((v) => `${v.kind}: ${v.ref} (${v.outcome})`).join('<br>');
    lines.push(
      `| ${r.behaviour.behaviour} | \`${r.behaviour.docs}\` | ${verifiers.replaceAll('|', '\\|')} | ${mark[r.outcome]} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A self-contained page: inline styles, no scripts, no external resources. */
export function reportHtml(results: readonly BehaviourResult[], title = 'Behaviour coverage'): string {
  const rows = results
    .map(
      (r) =>
        `<tr class="${r.outcome.replace(' ', '-')}"><td>${escapeHtml(r.behaviour.behaviour)}</td><td><code>${escapeHtml(r.behaviour.docs)}</code></td><td><ul>${r.verifiers
          .map(
            (v) =>
              `<li class="${v.outcome.replace(' ', '-')}">${escapeHtml(v.kind)}: ${escapeHtml(v.ref)} <em>(${v.outcome})</em></li>`,
          )
          .join('')}</ul></td><td>${escapeHtml(mark[r.outcome])}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.4rem;vertical-align:top;text-align:left}tr.failed{background:#fde8e8}tr.not-run{background:#f4f4f4}ul{margin:0;padding-left:1rem}code{font-size:12px}</style>
</head><body><h1>${escapeHtml(title)}</h1>
<p>${results.filter((r) => r.outcome === 'passed').length} of ${results.length} documented behaviours verified.</p>
<table><thead><tr><th>Behaviour</th><th>Documented in</th><th>Verified by</th><th>Result</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>
`;
}

/** Combines the catalogue with test outcomes (by test name / interaction): a behaviour passes when all its verifiers do. */
export function behaviourResults(
  catalogue: readonly Behaviour[],
  outcomes: (kind: string, ref: string) => Outcome,
): BehaviourResult[] {
  return catalogue.map((behaviour) => {
    const verifiers = behaviour.verifiedBy
      .map(describeVerifier)
      .map((v) => ({ ...v, outcome: outcomes(v.kind, v.ref) }));
    const outcome: Outcome = verifiers.some((v) => v.outcome === 'failed')
      ? 'failed'
      : verifiers.every((v) => v.outcome === 'passed')
        ? 'passed'
        : 'not run';
    return { behaviour, verifiers, outcome };
  });
}

/** Operations no behaviour covers yet, as results that did not run: the report counts and shows them. */
export function uncoveredResults(
  uncovered: { why: string; operations: readonly { operation: string; status: number }[] },
  documented: readonly { id: string; status: number; docs: string }[],
): BehaviourResult[] {
  return uncovered.operations.map((o) => ({
    behaviour: {
      id: `${o.operation}-${o.status}`,
      operation: o.operation,
      status: o.status,
      behaviour: `${o.operation} answers ${o.status}: no behaviour yet (${uncovered.why})`,
      docs: documented.find((d) => d.id === o.operation)?.docs ?? '',
      verifiedBy: [],
    },
    verifiers: [],
    outcome: 'not run',
  }));
}

export function writeReport(
  dir: string,
  results: readonly BehaviourResult[],
): { markdown: string; html: string } {
  mkdirSync(dir, { recursive: true });
  const markdown = join(dir, 'contracts.md');
  const html = join(dir, 'contracts.html');
  writeFileSync(markdown, reportMarkdown(results));
  writeFileSync(html, reportHtml(results));
  return { markdown, html };
}
