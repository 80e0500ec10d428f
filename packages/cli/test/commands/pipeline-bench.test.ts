import { describe, expect, it } from 'vitest';
import { parseBenchmarksMarkdown, ratioChart, verdictOf } from '../../src/commands/pipeline-bench.js';

describe('benchmark targets', () => {
  it.each([
    ['a ratio under its ceiling', '2.32×', '≤ 3×', 'met'],
    ['a ratio over its ceiling', '13.50×', '≤ 1.5×', 'missed'],
    ['a ratio over its floor', '3.50×', '≥ 2×', 'met'],
    ['a time under its limit', '212.2 ms', '< 1000 ms', 'met'],
    ['a time over its limit, with words after', '11007.4 ms', '< 10000 ms on 2 cores', 'missed'],
    ['a size under its limit', '26.3 KB gz', '≤ 40 KB gz', 'met'],
    ['a rate with thousands separators', '830,712 /s', '≥ 100,000 /s', 'met'],
    [
      'a labelled clause (p99) read after its label',
      '28,446 req/s, p50 1 ms, p99 5 ms',
      '≥ 3× quiet Prism, p99 < 5 ms',
      'missed',
    ],
    ['the same, met', '28,446 req/s, p50 1 ms, p99 4 ms', '≥ 3× quiet Prism, p99 < 5 ms', 'met'],
    ['a ratio target on a figure that is no ratio', '28,446 req/s', '≥ 3× quiet Prism', 'unchecked'],
    ['no target', '297.8 KB gz', '', 'no target'],
  ])('%s: %s against %s is %s', (_name, figure, target, verdict) => {
    expect(verdictOf(figure, target).verdict).toBe(verdict);
  });

  it('says which clause decided', () => {
    expect(verdictOf('28,446 req/s, p50 1 ms, p99 5 ms', '≥ 3× quiet Prism, p99 < 5 ms').why).toBe(
      'p99 5 ms < 5 ms: no',
    );
  });

  it('reads BENCHMARKS.md: a section per heading, a figure per row, each with its verdict', () => {
    const sections = parseBenchmarksMarkdown(
      [
        '# Benchmarks',
        '',
        '## Validation',
        '',
        '| measurement | figure | target |',
        '|---|---|---|',
        '| per validation ÷ ajv alone | 13.50× | ≤ 1.5× |',
        '| ajv alone | 11,217,205 /s |  |',
      ].join('\n'),
      'BENCHMARKS.md',
    );
    expect(sections).toEqual([
      {
        title: 'Validation',
        source: 'BENCHMARKS.md',
        figures: [
          {
            label: 'per validation ÷ ajv alone',
            figure: '13.50×',
            target: '≤ 1.5×',
            verdict: 'missed',
            why: '13.50× ≤ 1.5×: no',
          },
          { label: 'ajv alone', figure: '11,217,205 /s', verdict: 'no target' },
        ],
      },
    ]);
  });

  it('charts each ratio against its target, coloured by the verdict, escaped, self-contained', () => {
    const chart = ratioChart([
      {
        title: 't',
        source: 's',
        figures: [
          { label: 'ours ÷ <theirs>', figure: '13.50×', target: '≤ 1.5×', verdict: 'missed' },
          { label: 'met one', figure: '3.50×', target: '≥ 2×', verdict: 'met' },
          { label: 'no ratio', figure: '12 ms', target: '< 5 ms', verdict: 'missed' },
        ],
      },
    ]);
    expect(chart).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*role="img"/);
    expect(chart?.match(/<g class="ratio">/g)).toHaveLength(2);
    expect(chart).toContain('ours ÷ &lt;theirs&gt;: 13.5×, target ≤ 1.5× (missed)');
    expect(chart).toContain('fill="#cf222e"');
    expect(chart).toContain('fill="#1a7f37"');
    expect(chart).not.toMatch(/href=|<script|\n\s*\n/);
    expect(ratioChart([])).toBeUndefined();
  });

  const chartOf = (label: string) =>
    ratioChart([
      { title: 't', source: 's', figures: [{ label, figure: '2.32×', target: '≤ 3×', verdict: 'met' }] },
    ]) ?? '';

  it('has a legend saying what the colours and the tick mean', () => {
    const legend = [...chartOf('x').matchAll(/<g class="legend"[^\n]*<text[^>]*>([^<]*)<\/text><\/g>/g)];
    expect(legend.map((m) => m[1])).toEqual([
      'target met',
      'target missed',
      'the target, also in brackets after the figure',
      'log scale; bars from parity (1×)',
    ]);
  });

  it('writes the figure after both the bar and the target tick, never on them', () => {
    // The user trial: "2.32× (≤ 3×)" began at the bar's end, left of the tick at 3×, which was drawn over it.
    const chart = chartOf('x');
    const tick = Number(/<line class="target" x1="([\d.]+)"/.exec(chart)?.[1]);
    const bar = /<rect x="([\d.]+)" y="\d+" width="([\d.]+)"/.exec(
      chart.slice(chart.indexOf('class="ratio"')),
    );
    const value = Number(/<text x="([\d.]+)"[^>]*>2\.32× \(≤ 3×\)<\/text>/.exec(chart)?.[1]);
    expect(value).toBeGreaterThan(tick + 1);
    expect(value).toBeGreaterThan(Number(bar?.[1]) + Number(bar?.[2]));
  });

  it('keeps a long label whole, wrapped onto lines of the chart’s width, rather than cut off', () => {
    const long =
      'classGroup flow body: time per validation ÷ ajv alone, measured on the largest body of the docs';
    const chart = chartOf(long);
    const width = Number(/viewBox="0 0 (\d+) /.exec(chart)?.[1]);
    const lines = [...chart.matchAll(/<text x="8" y="\d+" fill="currentColor">([^<]*)<\/text>/g)].map(
      (m) => m[1],
    );
    expect(lines.join(' ')).toBe(long);
    expect(lines.length).toBeGreaterThan(1);
    expect(chart).not.toContain('…');
    // Each line within the width at an over-estimate of the font's character width.
    for (const line of lines) expect(8 + (line?.length ?? 0) * 12 * 0.62).toBeLessThanOrEqual(width - 8);
  });
});
