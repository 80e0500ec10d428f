import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml } from './pipeline-html.js';

/** Whether a figure meets its target: `unchecked` when no clause of the target can be read off the figure. */
export type Verdict = 'met' | 'missed' | 'unchecked' | 'no target';

export interface BenchFigure {
  readonly label: string;
  readonly figure: string;
  readonly target?: string;
  readonly verdict: Verdict;
  /** The clauses that decided, as read: `p99 5 ms < 5 ms: no`. */
  readonly why?: string;
}

export interface BenchSection {
  readonly title: string;
  /** Where the figures come from: `BENCHMARKS.md (2026-11-22)`, `bench-results/simulator.json`. */
  readonly source: string;
  readonly figures: readonly BenchFigure[];
}

const number = (text: string) => Number(text.replaceAll(',', ''));
const compare: Record<string, (a: number, b: number) => boolean> = {
  '≤': (a, b) => a <= b,
  '≥': (a, b) => a >= b,
  '<': (a, b) => a < b,
  '>': (a, b) => a > b,
  '=': (a, b) => a === b,
};
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Reads a target (`≥ 3× quiet Prism, p99 < 5 ms`, `≤ 40 KB gz`, `< 10000 ms on 2 cores`) clause by clause against
 * the figure (`28,446 req/s, p50 1 ms, p99 5 ms`): a clause is checked where the figure has a number in its
 * unit (after the clause's own label, such as `p99`, when it has one).
 */
export function verdictOf(figure: string, target: string | undefined): { verdict: Verdict; why?: string } {
  if (!target?.trim()) return { verdict: 'no target' };
  const read: string[] = [];
  let missed = false;
  for (const clause of target.split(',')) {
    const m =
      /^\s*(?<label>[A-Za-z][\w]*)?\s*(?<op>≤|≥|<|>|=)\s*(?<num>\d[\d,]*(?:\.\d+)?)\s*(?<unit>×|ms|s|KB|MB|req\/s|\/s|%)?/.exec(
        clause,
      );
    if (!m?.groups) continue;
    const { label, op = '=', num = '0', unit = '' } = m.groups;
    const value = new RegExp(
      `${label ? `${escapeRegExp(label)}\\s+` : ''}(\\d[\\d,]*(?:\\.\\d+)?)\\s*${escapeRegExp(unit)}(?![\\w/])`,
    ).exec(figure)?.[1];
    if (value === undefined) continue;
    const ok = compare[op]?.(number(value), number(num)) ?? false;
    if (!ok) missed = true;
    const withUnit = (n: string) => (unit === '×' ? `${n}×` : unit ? `${n} ${unit}` : n);
    read.push(`${label ? `${label} ` : ''}${withUnit(value)} ${op} ${withUnit(num)}: ${ok ? 'yes' : 'no'}`);
  }
  if (read.length === 0)
    return { verdict: 'unchecked', why: 'no clause of the target can be read off this figure' };
  return { verdict: missed ? 'missed' : 'met', why: read.join('; ') };
}

const figureOf = (l: { ms?: number; ratio?: number; value?: string }) =>
  l.ms !== undefined
    ? `${l.ms.toFixed(1)} ms`
    : l.ratio !== undefined
      ? `${l.ratio.toFixed(2)}×`
      : (l.value ?? '');

const cells = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

/** The sections of BENCHMARKS.md (`## title`, then a measurement | figure | target table). */
export function parseBenchmarksMarkdown(text: string, source: string): BenchSection[] {
  const sections: { title: string; source: string; figures: BenchFigure[] }[] = [];
  for (const line of text.split('\n')) {
    const heading = /^## (.+)$/.exec(line);
    if (heading?.[1]) {
      sections.push({ title: heading[1].trim(), source, figures: [] });
      continue;
    }
    const current = sections.at(-1);
    if (!current || !line.startsWith('|') || /^\|\s*(measurement|-)/.test(line)) continue;
    const [label = '', figure = '', target = ''] = cells(line);
    current.figures.push({ label, figure, ...(target ? { target } : {}), ...verdictOf(figure, target) });
  }
  return sections;
}

/**
 * The benchmark figures: BENCHMARKS.md (what `pnpm bench` last published), each section replaced by the raw
 * result of a later local run in bench-results/ where there is one (same title).
 */
export function readBenchmarks(root: string): BenchSection[] {
  const published = join(root, 'BENCHMARKS.md');
  const text = existsSync(published) ? readFileSync(published, 'utf8') : '';
  const date = /^- Date: (.+)$/m.exec(text)?.[1]?.trim();
  const sections = parseBenchmarksMarkdown(text, `BENCHMARKS.md${date ? ` (${date})` : ''}`);
  const resultsDir = join(root, 'bench-results');
  if (!existsSync(resultsDir)) return sections;
  for (const file of readdirSync(resultsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    let result: {
      title?: string;
      lines?: { label: string; ms?: number; ratio?: number; value?: string; target?: string }[];
    };
    try {
      result = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
    } catch {
      continue; // a half-written result: BENCHMARKS.md's figures stand
    }
    if (!result.title || !Array.isArray(result.lines)) continue;
    const section: BenchSection = {
      title: result.title,
      source: `bench-results/${file} (a local run, newer than BENCHMARKS.md)`,
      figures: result.lines.map((l) => {
        const figure = figureOf(l);
        return {
          label: l.label,
          figure,
          ...(l.target ? { target: l.target } : {}),
          ...verdictOf(figure, l.target),
        };
      }),
    };
    const at = sections.findIndex((s) => s.title === result.title);
    if (at >= 0) sections[at] = section;
    else sections.push(section);
  }
  return sections;
}

/** A ratio of ours against a peer, with its target. */
interface Ratio {
  readonly label: string;
  readonly value: number;
  readonly op: string;
  readonly target: number;
  readonly met: boolean;
}

function ratios(sections: readonly BenchSection[]): Ratio[] {
  const out: Ratio[] = [];
  for (const s of sections)
    for (const f of s.figures) {
      const value = /^(\d[\d,]*(?:\.\d+)?)×$/.exec(f.figure.trim())?.[1];
      const target = /(≤|≥|<|>)\s*(\d[\d,]*(?:\.\d+)?)\s*×/.exec(f.target ?? '');
      if (!value || !target?.[1] || !target[2] || f.verdict === 'unchecked') continue;
      out.push({
        label: f.label,
        value: number(value),
        op: target[1],
        target: number(target[2]),
        met: f.verdict === 'met',
      });
    }
  return out;
}

/**
 * The width a line of text takes in the chart, over-estimated (0.62 em a character: wider than system-ui's average,
 * so nothing laid out by it overlaps or is clipped; the Chromium test measures the real text).
 */
const textWidth = (text: string, fontSize: number) => text.length * fontSize * 0.62;

/** Words into lines no wider than `width` (a word longer than a line has a line of its own). */
function wrap(text: string, width: number, fontSize: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && textWidth(`${last} ${word}`, fontSize) <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * One chart: each ratio of ours against its peer (a bar from parity, 1×, to the figure, on a log scale) with
 * its target marked by a tick; green where met, red where missed. Each row is its label on a line of its own
 * (the full width, wrapped when longer) over its bar; the figure and its target are written after the bar and
 * the tick, whichever ends further right, in a margin kept for them, so no text meets a tick or the edge. A
 * legend says what the colours and the tick mean. Inline SVG, no script; undefined without ratios.
 */
export function ratioChart(sections: readonly BenchSection[]): string | undefined {
  const rows = ratios(sections);
  if (rows.length === 0) return undefined;
  const width = 480;
  const fontSize = 12;
  const pad = 8;
  const line = 16;
  const fmt = (v: number) => `${Number(v.toFixed(2))}×`;
  const valueText = (r: Ratio) => `${fmt(r.value)} (${r.op} ${fmt(r.target)})`;
  const margin = Math.ceil(Math.max(...rows.map((r) => textWidth(valueText(r), fontSize)))) + 12;
  const all = rows.flatMap((r) => [r.value, r.target, 1]);
  const low = 2 ** Math.floor(Math.log2(Math.min(...all) / 1.2));
  const high = 2 ** Math.ceil(Math.log2(Math.max(...all) * 1.2));
  const plot = { left: pad + 14, right: width - pad - margin };
  const x = (v: number) =>
    plot.left + ((Math.log(v) - Math.log(low)) / (Math.log(high) - Math.log(low))) * (plot.right - plot.left);
  const ticks: number[] = [];
  for (let t = low; t <= high; t *= 2) ticks.push(t);
  const parts: string[] = [];
  /**
   * Colours by class, which the page's style sets for its colour scheme (light or dark, each with AA contrast
   * for text); the fill is what a viewer without that style (a markdown preview) shows.
   */
  const paint = {
    met: 'class="met" fill="#1a7f37"',
    missed: 'class="missed" fill="#cf222e"',
    muted: 'class="muted" fill="#57606a"',
  };

  // The legend, its items flowing onto a second line when the first is full.
  const legend = [
    {
      key: `<rect x="0" y="-9" width="14" height="10" ${paint.met} fill-opacity="0.8"/>`,
      label: 'target met',
    },
    {
      key: `<rect x="0" y="-9" width="14" height="10" ${paint.missed} fill-opacity="0.8"/>`,
      label: 'target missed',
    },
    {
      key: `<line x1="7" y1="-12" x2="7" y2="3" stroke="currentColor" stroke-width="2"/>`,
      label: 'the target, also in brackets after the figure',
    },
    { key: '', label: 'log scale; bars from parity (1×)' },
  ];
  let lx = pad;
  let ly = line;
  for (const item of legend) {
    const itemWidth = (item.key ? 20 : 0) + textWidth(item.label, fontSize);
    if (lx > pad && lx + itemWidth > width - pad) {
      lx = pad;
      ly += line + 2;
    }
    parts.push(
      `<g class="legend" transform="translate(${lx.toFixed(1)} ${ly})">${item.key}<text x="${item.key ? 20 : 0}" y="0" fill="currentColor">${escapeHtml(item.label)}</text></g>`,
    );
    lx += itemWidth + 16;
  }
  const parityY = ly + line + 6;
  const top = parityY + 8;

  // Rows: label lines, then the bar with its tick and its figure.
  let y = top;
  const body: string[] = [];
  for (const r of rows) {
    const labels = wrap(r.label, width - 2 * pad, fontSize);
    const barY = y + labels.length * line + 6;
    const from = Math.min(x(1), x(r.value));
    const to = Math.max(x(1), x(r.value));
    const colour = paint[r.met ? 'met' : 'missed'];
    const tx = x(r.target);
    const title = `${r.label}: ${fmt(r.value)}, target ${r.op} ${fmt(r.target)} (${r.met ? 'met' : 'missed'})`;
    body.push(
      `<g class="ratio"><title>${escapeHtml(title)}</title>`,
      ...labels.map(
        (text, i) =>
          `<text x="${pad}" y="${y + (i + 1) * line - 4}" fill="currentColor">${escapeHtml(text)}</text>`,
      ),
      `<rect x="${from.toFixed(1)}" y="${barY}" width="${Math.max(1, to - from).toFixed(1)}" height="14" ${colour} fill-opacity="0.8"/>`,
      `<line class="target" x1="${tx.toFixed(1)}" y1="${barY - 3}" x2="${tx.toFixed(1)}" y2="${barY + 17}" stroke="currentColor" stroke-width="2"/>`,
      `<text x="${(Math.max(to, tx + 1) + 6).toFixed(1)}" y="${barY + 11}" ${colour}>${escapeHtml(valueText(r))}</text>`,
      '</g>',
    );
    y = barY + 14 + 16;
  }
  const axisY = y + 6;
  const height = axisY + 8;
  const grid: string[] = [];
  for (const t of ticks)
    grid.push(
      `<line x1="${x(t).toFixed(1)}" y1="${top - 2}" x2="${x(t).toFixed(1)}" y2="${y - 6}" stroke="#8c959f" stroke-opacity="${t === 1 ? 0.9 : 0.3}"${t === 1 ? '' : ' stroke-dasharray="2 3"'}/>`,
      `<text x="${x(t).toFixed(1)}" y="${axisY}" text-anchor="middle" ${paint.muted}>${fmt(t)}</text>`,
    );
  grid.push(`<text x="${x(1).toFixed(1)}" y="${parityY}" text-anchor="middle" ${paint.muted}>parity</text>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="ratio-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="ratio-chart-title" font-family="system-ui, sans-serif" font-size="${fontSize}">`,
    `<title id="ratio-chart-title">Our figures against their peers: each ratio with its target (log scale; green met, red missed)</title>`,
    ...parts,
    ...grid,
    ...body,
    '</svg>',
  ].join('\n');
}
