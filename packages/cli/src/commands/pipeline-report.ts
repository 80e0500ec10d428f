import { relative } from 'node:path';
import { compareCodePoints, plural } from '@sds-toolkit/openapi-model';
import { learnUrl } from '@sds-toolkit/rules';
import { type BenchSection, ratioChart } from './pipeline-bench.js';
import { escapeHtml } from './pipeline-html.js';

/**
 * The reports as data, then as markdown (written once); the HTML page is rendered from that markdown
 * (pipeline-html.ts). `sds pipeline --json` prints the same data.
 */
export type StageStatus = 'passed' | 'failed' | 'warning' | 'skipped';

export interface StageSummary {
  readonly name: string;
  readonly status: StageStatus;
  readonly summary: string;
  readonly details: readonly string[];
  readonly durationMs: number;
}

/** A defect of the docs: where it is (a docs file and line) and what is wrong. */
export interface Defect {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  /** The docs file, as a path in the docs folder (`api-reference/beta/api/x.md`). */
  readonly file: string;
  readonly line: number;
}

export type Outcome = 'passed' | 'failed' | 'not run';

export interface VerifierRow {
  readonly kind: string;
  readonly ref: string;
  readonly outcome: Outcome;
  readonly why?: string;
  /** The file of the test or step (absolute), and its line. */
  readonly file?: string;
  readonly line?: number;
}

export interface BehaviourRow {
  readonly id: string;
  readonly behaviour: string;
  readonly docs: string;
  readonly outcome: Outcome;
  readonly verifiers: readonly VerifierRow[];
}

export interface SuiteRow {
  readonly name: string;
  readonly ok: boolean;
  readonly passed: number;
  readonly failed: number;
  readonly notRun: number;
  readonly durationMs: number;
}

export interface ChangeRow {
  readonly classification: string;
  readonly kind: string;
  readonly location: string;
  readonly message: string;
}

export interface PipelineReport {
  readonly stages: readonly StageSummary[];
  readonly spec: {
    readonly source: string;
    readonly paths: number;
    readonly operations: number;
    readonly schemas: number;
  };
  readonly defects: readonly Defect[];
  readonly diff: readonly ChangeRow[];
  /** Undefined when the contract stage did not run. */
  readonly contracts?: { readonly suites: readonly SuiteRow[]; readonly behaviours: readonly BehaviourRow[] };
  readonly benchmarks: readonly BenchSection[];
}

/** Where links point from: the report's folder, the repository, and the docs folder when one was read. */
export interface LinkBase {
  readonly reportDir: string;
  readonly root: string;
  readonly docsDir?: string;
}

/** The docs repository, for a docs file when no docs folder was read (the committed spec cites its pages). */
export const docsRepository = 'https://github.com/microsoftgraph/microsoft-graph-docs-contrib/blob/main/';

// ——— markdown text ———

/** Text for a markdown cell or paragraph: HTML-escaped (the markdown keeps raw HTML), markdown punctuation inert. */
export const text = (s: string): string =>
  escapeHtml(s.replaceAll('\n', ' '))
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/^([#>+-])/, '\\$1');
const url = (href: string) => encodeURI(href).replaceAll('(', '%28').replaceAll(')', '%29');
const link = (label: string, href: string) => `[${text(label)}](${url(href)})`;
const table = (head: readonly string[], rows: readonly (readonly string[])[]) => [
  `| ${head.join(' | ')} |`,
  `|${head.map(() => '---').join('|')}|`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
];
/** A section that folds: a `<details>` block around markdown (blank lines keep the markdown parsed). */
const fold = (summary: string, body: readonly string[], className?: string) => [
  `<details${className ? ` class="${className}"` : ''}>`,
  `<summary>${summary}</summary>`,
  '',
  ...body,
  '',
  '</details>',
  '',
];
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** Marks from common fonts (not emoji): they show the same in a terminal, a browser and a headless one. */
const icon: Record<StageStatus | Outcome, string> = {
  passed: '✔',
  failed: '✘',
  warning: '⚠',
  skipped: '–',
  'not run': '○',
};

// ——— links ———

/** The page on learn.microsoft.com of a docs file, as a link, or its path when it has none (an include). */
export function pageLink(docs: string): string {
  const href = learnUrl(docs);
  if (href) return link(docs.replace(/^.*\//, '').replace(/\.md$/, ''), href);
  return /^https:\/\//.test(docs) ? link(docs, docs) : `\`${text(docs)}\``;
}

/** A docs file and line: in the docs folder read, else in the docs repository. */
export function docsLineLink(file: string, line: number, base: LinkBase): string {
  const label = `${file}:${line}`;
  if (base.docsDir) return link(label, `${relative(base.reportDir, `${base.docsDir}/${file}`)}#L${line}`);
  return link(label, `${docsRepository}${file}#L${line}`);
}

/** A file of the repository (a test, a scenario, the pact), relative to the report. */
function fileLink(file: string, line: number | undefined, base: LinkBase, label?: string): string {
  const shown = label ?? `${relative(base.root, file)}${line ? `:${line}` : ''}`;
  return link(shown, `${relative(base.reportDir, file)}${line ? `#L${line}` : ''}`);
}

// ——— sections ———

function countBy<T>(items: readonly T[], key: (t: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => compareCodePoints(a, b));
}

const missedTargets = (sections: readonly BenchSection[]) =>
  sections.flatMap((s) => s.figures.filter((f) => f.verdict === 'missed'));

/** `2 with warnings (examples, generate)`: how many stages, and which. */
const named = (stages: readonly StageSummary[], what: string) =>
  `${stages.length} ${what} (${stages.map((s) => s.name).join(', ')})`;

/**
 * The headline: what happened to the stages, told as it is. "Every stage passed" only when none failed, warned or
 * was skipped; otherwise how many passed, and which failed, warned or were skipped.
 */
export function stagesHeadline(stages: readonly StageSummary[]): string {
  const by = (status: StageStatus) => stages.filter((s) => s.status === status);
  const [failed, warned, skipped] = [by('failed'), by('warning'), by('skipped')];
  const ran = stages.length - skipped.length;
  const passed = ran - failed.length;
  const tail = [
    ...(failed.length > 0 && warned.length > 0 ? [named(warned, 'with warnings')] : []),
    ...(skipped.length > 0 ? [named(skipped, 'skipped')] : []),
  ];
  const rest = tail.length > 0 ? `; ${tail.join('; ')}` : '';
  if (failed.length > 0)
    return `✘ **${failed.length} of ${plural(stages.length, 'stage')} failed** (${failed.map((s) => s.name).join(', ')})${rest}`;
  if (warned.length === 0 && skipped.length === 0) return '✔ **Every stage passed**';
  const head = `${passed} of ${plural(stages.length, 'stage')} passed`;
  if (warned.length > 0) return `⚠ **${head}, ${named(warned, 'with warnings')}**${rest}`;
  return `✔ **${head}**${rest}`;
}

/** One line: how the stages went, and what a reader should look at first. */
export function summaryLine(r: PipelineReport): string {
  const behaviours = r.contracts?.behaviours ?? [];
  const verified = behaviours.filter((b) => b.outcome === 'passed').length;
  const targets = r.benchmarks.flatMap((s) =>
    s.figures.filter((f) => f.verdict === 'met' || f.verdict === 'missed'),
  );
  const missed = missedTargets(r.benchmarks).length;
  // A skipped contracts stage is named in the headline already.
  const contractsSkipped = r.stages.some((s) => s.name === 'contracts' && s.status === 'skipped');
  const notes = [
    ...(r.contracts
      ? [`${verified} of ${plural(behaviours.length, 'behaviour')} verified`]
      : contractsSkipped
        ? []
        : ['contracts not run']),
    plural(r.defects.length, 'docs defect'),
    ...(r.diff.length > 0 ? [`${plural(r.diff.length, 'change')} against the committed spec`] : []),
    ...(targets.length > 0 ? [`${missed} of ${plural(targets.length, 'benchmark target')} missed`] : []),
  ];
  return `${stagesHeadline(r.stages)} — ${notes.join(' · ')}.`;
}

function stagesSection(r: PipelineReport): string[] {
  const out = [
    '## Stages',
    '',
    ...table(
      ['stage', 'result', 'time', 'summary'],
      r.stages.map((s) => [
        text(s.name),
        `${icon[s.status]} ${s.status}`,
        seconds(s.durationMs),
        text(s.summary),
      ]),
    ),
    '',
  ];
  for (const s of r.stages.filter((s) => s.details.length > 0 && s.name !== 'examples'))
    out.push(
      ...fold(
        `${escapeHtml(s.name)}: ${plural(s.details.length, 'detail')}`,
        s.details.map((d) => `- ${text(d)}`),
      ),
    );
  return out;
}

function defectsSection(defects: readonly Defect[], base: LinkBase): string[] {
  const out = ['## Documentation defects', ''];
  if (defects.length === 0)
    return [...out, 'None: no docs folder was read, or its pages are clean, and every example passes.', ''];
  out.push(
    `${plural(defects.length, 'defect')} in the docs pages, by code (each with the page on learn.microsoft.com and the line in the docs):`,
    '',
    ...table(
      ['code', 'defects'],
      countBy(defects, (d) => d.code).map(([code, n]) => [`\`${text(code)}\``, String(n)]),
    ),
    '',
  );
  for (const [code, n] of countBy(defects, (d) => d.code)) {
    const rows = defects
      .filter((d) => d.code === code)
      .map((d) => [
        docsLineLink(d.file, d.line, base),
        `${d.severity === 'warning' ? '' : `**${text(d.severity)}**: `}${text(d.message)}`,
        pageLink(d.file),
      ]);
    out.push(
      ...fold(
        `<code>${escapeHtml(code)}</code>: ${plural(n, 'defect')}`,
        table(['where', 'message', 'page'], rows),
        'defects',
      ),
    );
  }
  return out;
}

function diffSection(diff: readonly ChangeRow[]): string[] {
  const out = ['## Changes against the committed spec', ''];
  if (diff.length === 0) return [...out, 'No changes.', ''];
  const rows = diff.map((c) => [
    text(c.classification),
    text(c.kind),
    `\`${text(c.location)}\``,
    text(c.message),
  ]);
  out.push(
    ...table(
      ['classification', 'changes'],
      countBy(diff, (c) => c.classification).map(([k, n]) => [text(k), String(n)]),
    ),
    '',
  );
  return [
    ...out,
    ...fold(plural(diff.length, 'change'), table(['classification', 'kind', 'location', 'message'], rows)),
  ];
}

function verifierCell(v: VerifierRow, base: LinkBase): string {
  const where = v.file ? ` (${fileLink(v.file, v.line, base)})` : '';
  const why = v.outcome !== 'passed' && v.why ? `: ${text(v.why)}` : '';
  return `${icon[v.outcome]} ${text(v.kind)}: ${text(v.ref)}${where}${why}`;
}

/** The behaviour matrix: each documented behaviour, its page, what verifies it and how that went. */
export function behavioursSection(
  contracts: PipelineReport['contracts'],
  base: LinkBase,
  heading = '## Behaviour coverage',
): string[] {
  const out = [heading, ''];
  if (!contracts)
    return [...out, 'The contract stage did not run (`--skip-contracts`): no behaviour was verified.', ''];
  out.push(
    ...table(
      ['suite', 'result', 'tests', 'time'],
      contracts.suites.map((s) => [
        text(s.name),
        s.ok ? '✔ passed' : '✘ failed',
        `${s.passed} passed, ${s.failed} failed, ${s.notRun} not run`,
        seconds(s.durationMs),
      ]),
    ),
    '',
  );
  const rows = (list: readonly BehaviourRow[]) =>
    list.map((b) => [
      text(b.behaviour),
      pageLink(b.docs),
      b.verifiers.map((v) => verifierCell(v, base)).join('<br>') || 'no verifier',
      `${icon[b.outcome]} ${b.outcome}`,
    ]);
  const head = ['behaviour', 'documented in', 'verified by', 'result'];
  const counts = countBy(contracts.behaviours, (b) => b.outcome)
    .map(([o, n]) => `${n} ${o}`)
    .join(', ');
  const attention = contracts.behaviours.filter((b) => b.outcome !== 'passed');
  if (attention.length > 0)
    out.push(
      `Behaviours that failed or did not run (${attention.length}):`,
      '',
      ...table(head, rows(attention)),
      '',
    );
  return [
    ...out,
    ...fold(
      `All ${plural(contracts.behaviours.length, 'documented behaviour')}: ${counts}`,
      table(head, rows(contracts.behaviours)),
    ),
  ];
}

function benchmarksSection(sections: readonly BenchSection[]): string[] {
  const out = ['## Benchmarks', ''];
  if (sections.length === 0) return [...out, 'No figures yet: run `pnpm bench`.', ''];
  const missed = missedTargets(sections);
  if (missed.length === 0) out.push('Every target checked is met.', '');
  else
    out.push(
      `Missed targets (${missed.length}):`,
      '',
      ...missed.map((f) => `- ✘ ${text(f.label)}: ${text(f.figure)}, target ${text(f.target ?? '')}`),
      '',
    );
  const chart = ratioChart(sections);
  if (chart) out.push('Our figures against their peers, as ratios, each with its target:', '', chart, '');
  const mark: Record<string, string> = {
    met: '✔ met',
    missed: '✘ missed',
    unchecked: '—',
    'no target': '',
  };
  for (const s of sections)
    out.push(
      ...fold(
        `${escapeHtml(s.title)}${s.figures.some((f) => f.verdict === 'missed') ? ' — target missed' : ''}`,
        [
          `From ${text(s.source)}.`,
          '',
          ...table(
            ['measurement', 'figure', 'target', 'verdict'],
            s.figures.map((f) => [
              text(f.label),
              text(f.figure),
              text(f.target ?? ''),
              `${mark[f.verdict]}${f.why && f.verdict !== 'met' ? ` (${text(f.why)})` : ''}`,
            ]),
          ),
        ],
      ),
    );
  return out;
}

export function pipelineMarkdown(r: PipelineReport, base: LinkBase): string {
  return `${[
    '# sds pipeline report',
    '',
    summaryLine(r),
    '',
    ...stagesSection(r),
    '## Spec',
    '',
    `${text(r.spec.source)}: ${r.spec.paths} paths, ${r.spec.operations} operations, ${r.spec.schemas} schemas.`,
    '',
    ...defectsSection(r.defects, base),
    ...diffSection(r.diff),
    ...behavioursSection(r.contracts, base),
    ...benchmarksSection(r.benchmarks),
  ]
    .join('\n')
    .trimEnd()}\n`;
}

/** `sds contracts`' report: the summary, the suites and the behaviour matrix. */
export function contractsMarkdown(
  contracts: NonNullable<PipelineReport['contracts']>,
  ok: boolean,
  base: LinkBase,
): string {
  const count = (o: Outcome) => contracts.behaviours.filter((b) => b.outcome === o).length;
  const [verified, failed, notRun] = [count('passed'), count('failed'), count('not run')];
  // "All is well" only when every behaviour was verified: a run that passed with some not run says so.
  const head = !ok
    ? '✘ **Not all is well**'
    : verified === contracts.behaviours.length
      ? '✔ **All is well**'
      : '⚠ **Not every behaviour was verified**';
  const line = `${head} — ${verified} of ${plural(contracts.behaviours.length, 'documented behaviour')} verified${failed > 0 ? `, ${failed} failed` : ''}${notRun > 0 ? `, ${notRun} not run` : ''}.`;
  return `${['# Behaviour coverage', '', line, '', ...behavioursSection(contracts, base, '## Suites and behaviours')].join('\n').trimEnd()}\n`;
}
