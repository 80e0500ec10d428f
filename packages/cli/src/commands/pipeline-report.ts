import { learnUrl } from '@sds-toolkit/rules';

/** The pipeline's report: one markdown file and one self-contained HTML page (inline styles, no scripts). */
export interface StageSummary {
  readonly name: string;
  readonly status: 'passed' | 'failed' | 'warning' | 'skipped';
  readonly summary: string;
  readonly details: readonly string[];
}

export interface PipelineReport {
  readonly stages: readonly StageSummary[];
  readonly spec: {
    readonly source: string;
    readonly paths: number;
    readonly operations: number;
    readonly schemas: number;
  };
  readonly diagnostics: readonly {
    code: string;
    severity: string;
    message: string;
    file: string;
    line: number;
  }[];
  readonly diff: readonly { classification: string; kind: string; location: string; message: string }[];
  readonly behaviours: readonly { behaviour: string; docs: string; verifiedBy: string; outcome: string }[];
  readonly benchmarks: string | undefined;
}

const icon: Record<StageSummary['status'], string> = {
  passed: '✅',
  failed: '❌',
  warning: '⚠️',
  skipped: '⏭️',
};
const esc = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
/** The page on learn.microsoft.com of a docs file (`api-reference/beta/api/x.md`), as a link; '' if none. */
const pageLink = (file: string) => {
  const url = learnUrl(file);
  return url ? `[page](${url})` : '';
};
const pageAnchor = (file: string) => {
  const url = learnUrl(file);
  return url ? `<a href="${esc(url)}">page</a>` : '';
};

export function pipelineMarkdown(r: PipelineReport): string {
  const out: string[] = ['# sds pipeline report', ''];
  out.push('## Stages', '', '| stage | result | summary |', '|---|---|---|');
  for (const s of r.stages) out.push(`| ${s.name} | ${icon[s.status]} ${s.status} | ${cell(s.summary)} |`);
  out.push(
    '',
    '## Spec',
    '',
    `${r.spec.source}: ${r.spec.paths} paths, ${r.spec.operations} operations, ${r.spec.schemas} schemas.`,
    '',
  );
  out.push('## Documentation defects', '');
  if (r.diagnostics.length === 0)
    out.push('None reported (no docs folder was extracted, or the pages are clean).');
  else {
    out.push('| severity | code | where | message | on learn.microsoft.com |', '|---|---|---|---|---|');
    for (const d of r.diagnostics)
      out.push(
        `| ${d.severity} | ${d.code} | \`${d.file}:${d.line}\` | ${cell(d.message)} | ${pageLink(d.file)} |`,
      );
  }
  out.push('', '## Changes against the committed spec', '');
  if (r.diff.length === 0) out.push('No changes.');
  else {
    out.push('| classification | kind | location | message |', '|---|---|---|---|');
    for (const c of r.diff)
      out.push(`| ${c.classification} | ${c.kind} | \`${cell(c.location)}\` | ${cell(c.message)} |`);
  }
  out.push('', '## Behaviour coverage', '');
  if (r.behaviours.length === 0) out.push('The contract stage did not run.');
  else {
    out.push('| behaviour | documented in | verified by | result |', '|---|---|---|---|');
    for (const b of r.behaviours) {
      const link = pageLink(b.docs);
      out.push(
        `| ${cell(b.behaviour)} | \`${b.docs}\`${link ? ` (${link})` : ''} | ${cell(b.verifiedBy)} | ${b.outcome} |`,
      );
    }
  }
  out.push(
    '',
    '## Benchmarks',
    '',
    r.benchmarks ? 'From BENCHMARKS.md (run `pnpm bench` to refresh):' : 'No figures yet: run `pnpm bench`.',
    '',
  );
  if (r.benchmarks) out.push(r.benchmarks.replace(/^# Benchmarks\s*/, ''));
  return `${out.join('\n')}\n`;
}

/** A cell is text (escaped here) or HTML already made safe by the caller (`{ html }`). */
type Cell = string | { readonly html: string };

function table(head: readonly string[], rows: readonly (readonly Cell[])[]): string {
  if (rows.length === 0) return '<p>None.</p>';
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${typeof c === 'string' ? esc(c) : c.html}</td>`).join('')}</tr>`)
    .join('\n')}</tbody></table>`;
}

export function pipelineHtml(r: PipelineReport): string {
  const benchRows = (r.benchmarks ?? '')
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| measurement') && !l.startsWith('|---'))
    .map((l) =>
      l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>sds pipeline report</title>
<style>body{font:14px/1.45 system-ui,sans-serif;margin:2rem;max-width:80rem}table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.3rem .45rem;text-align:left;vertical-align:top}th{background:#f3f3f3}code,td:nth-child(3){font-size:12px}.passed{color:#0a7a2f}.failed{color:#b00020}.warning{color:#8a6100}</style>
</head><body>
<h1>sds pipeline report</h1>
<h2>Stages</h2>
<table><thead><tr><th>Stage</th><th>Result</th><th>Summary</th></tr></thead><tbody>
${r.stages.map((s) => `<tr><td>${esc(s.name)}</td><td class="${s.status}">${esc(s.status)}</td><td>${esc(s.summary)}</td></tr>`).join('\n')}
</tbody></table>
<h2>Spec</h2><p>${esc(r.spec.source)}: ${r.spec.paths} paths, ${r.spec.operations} operations, ${r.spec.schemas} schemas.</p>
<h2>Documentation defects</h2>
${table(
  ['Severity', 'Code', 'Where', 'Message', 'On learn.microsoft.com'],
  r.diagnostics.map((d) => [
    d.severity,
    d.code,
    `${d.file}:${d.line}`,
    d.message,
    { html: pageAnchor(d.file) },
  ]),
)}
<h2>Changes against the committed spec</h2>
${table(
  ['Classification', 'Kind', 'Location', 'Message'],
  r.diff.map((c) => [c.classification, c.kind, c.location, c.message]),
)}
<h2>Behaviour coverage</h2>
${table(
  ['Behaviour', 'Documented in', 'Verified by', 'Result'],
  r.behaviours.map((b) => [
    b.behaviour,
    { html: `${esc(b.docs)}${pageAnchor(b.docs) ? ` (${pageAnchor(b.docs)})` : ''}` },
    b.verifiedBy,
    b.outcome,
  ]),
)}
<h2>Benchmarks</h2>
${r.benchmarks ? table(['Measurement', 'Figure', 'Target'], benchRows) : '<p>No figures yet: run <code>pnpm bench</code>.</p>'}
</body></html>
`;
}
