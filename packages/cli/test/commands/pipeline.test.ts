import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/index.js';
import { captureIO } from '../capture.js';

const shared = fileURLToPath(new URL('../../../../../shared/graph-docs', import.meta.url));
const generated = fileURLToPath(new URL('../../../client/src/generated/', import.meta.url));
const chromium = '/usr/bin/chromium';
const reports = mkdtempSync(join(tmpdir(), 'sds-pipeline-'));
afterAll(() => rmSync(reports, { recursive: true, force: true }));

const filesUnder = (dir: string): number =>
  readdirSync(dir).reduce(
    (n, f) => n + (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : 1),
    0,
  );

interface Summary {
  ok: boolean;
  summary: string;
  stages: { name: string; status: string; durationMs: number }[];
  defects: {
    count: number;
    byCode: Record<string, number>;
    items: { file: string; line: number; page: string | null }[];
  };
  contracts: unknown;
  benchmarks: { title: string; figures: { figure: string; target?: string; verdict: string }[] }[];
  report: { markdown: string; html: string };
}

/** The pipeline with the docs when they are here (CI has them), else on the committed spec; no contracts. */
let summary: Summary;
const docs = existsSync(shared) ? { GRAPH_DOCS_DIR: shared } : {};
beforeAll(async () => {
  const io = captureIO(docs);
  expect(await main(['pipeline', '--json', '--skip-contracts', '--report', join(reports, 'b')], io)).toBe(0);
  summary = JSON.parse(io.out) as Summary;
}, 180_000);

describe('sds pipeline', () => {
  it('without docs: uses the committed spec, says so, and still runs the other stages', async () => {
    const io = captureIO({});
    expect(await main(['pipeline', '--skip-contracts', '--report', join(reports, 'a')], io)).toBe(0);
    expect(io.out).toMatch(
      /1\. extract … skipped .*no docs folder .*using the committed spec specs\/industrydata\/openapi\.yaml/,
    );
    expect(io.out).toMatch(/3\. generate … passed \(\d+\.\d s\): (\d+) generated files match/);
    expect(Number(/(\d+) generated files match/.exec(io.out)?.[1])).toBe(filesUnder(generated));
    const md = readFileSync(join(reports, 'a/pipeline.md'), 'utf8');
    expect(md).toMatch(
      /^# sds pipeline report\n\n⚠ \*\*4 of 6 stages passed, 1 with warnings \(examples\)\*\*; 2 skipped \(extract, contracts\) — \d+ docs defects/,
    );
    // The examples that fail are docs defects, in the defects section with their page (not only in a count).
    expect(md).toMatch(/\| `invalid-request-example` \| \d+ \|/);
  }, 120_000);

  it('--json carries what the report shows: stages with durations, the defects, benchmark verdicts', () => {
    expect(summary.ok).toBe(true);
    // The headline tells what the Stages table shows: the examples stage warns, contracts are skipped.
    expect(summary.stages.find((s) => s.name === 'examples')?.status).toBe('warning');
    expect(summary.summary).toMatch(
      /^⚠ \d of 6 stages passed, 1 with warnings \(examples\); (1 skipped \(contracts\)|2 skipped \(extract, contracts\)) — /,
    );
    expect(readFileSync(summary.report.markdown, 'utf8').split('\n')[2]?.replaceAll('**', '')).toBe(
      summary.summary,
    );
    expect(summary.stages.map((s) => s.name)).toEqual([
      'extract',
      'diff',
      'generate',
      'examples',
      'contracts',
      'report',
    ]);
    expect(summary.stages.find((s) => s.name === 'contracts')?.status).toBe('skipped');
    expect(summary.stages.every((s) => Number.isInteger(s.durationMs) && s.durationMs >= 0)).toBe(true);
    expect(summary.defects.count).toBe(summary.defects.items.length);
    expect(Object.values(summary.defects.byCode).reduce((a, b) => a + b, 0)).toBe(summary.defects.count);
    expect(summary.defects.count).toBeGreaterThan(0);
    expect(summary.contracts).toBeNull();
    const md = readFileSync(summary.report.markdown, 'utf8');
    for (const [code, n] of Object.entries(summary.defects.byCode))
      expect(md).toContain(`| \`${code}\` | ${n} |`);
  });

  it.skipIf(!existsSync(shared))(
    'with the docs: the extractor’s defects are listed with their file and line',
    () => {
      const md = readFileSync(summary.report.markdown, 'utf8');
      expect(md).toMatch(
        /\| \[api-reference\/beta\/api\/[\w.-]+\.md:\d+\]\([^)]*graph-docs\/api-reference\/beta\/api\/[\w.-]+\.md#L\d+\) \|/,
      );
      expect(summary.defects.byCode['path-casing']).toBeGreaterThan(0);
    },
  );

  it('a docs folder that holds a fraction of the pages: extract fails saying so, exit 1', async () => {
    const docsDir = join(reports, 'partial-docs');
    const page = join(docsDir, 'api-reference/beta/resources');
    mkdirSync(page, { recursive: true });
    writeFileSync(
      join(page, 'contoso-widget.md'),
      '---\ntitle: "widget resource type"\n---\n\n# widget resource type\n\nA Contoso widget.\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | The widget. |\n',
    );
    const io = captureIO({});
    expect(
      await main(['pipeline', '--docs', docsDir, '--skip-contracts', '--report', join(reports, 'p')], io),
    ).toBe(1);
    expect(io.out).toMatch(
      /1\. extract … failed \([\d.]+ s\): .*partial-docs lacks \d+ of the \d+ pages specs\/industrydata\/docs\.lock\.json lists for specs\/industrydata\/openapi\.yaml: the stages below compare a part of the spec; give the whole folder .*\. 1 page → 0 operations/,
    );
    expect(io.out).toMatch(/pipeline: FAILED in extract/);
  }, 60_000);

  it('a scenarios folder that does not exist is a usage error naming it', async () => {
    const io = captureIO({});
    expect(await main(['pipeline', '--scenarios', join(reports, 'nope')], io)).toBe(2);
    expect(io.err).toMatch(/--scenarios .*nope is not a folder/);
  });

  it('html-validate finds nothing wrong with the page', async () => {
    const { HtmlValidate } = await import('html-validate');
    const result = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(
      readFileSync(summary.report.html, 'utf8'),
      summary.report.html,
    );
    expect(
      result.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)),
    ).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

/** The layout of the chart, read in the page: what overlaps, or leaves the chart. (A string: no DOM types here.) */
const chartProblems = `(() => {
  const svg = document.querySelector('svg.ratio-chart');
  if (!svg) return ['no chart'];
  const frame = svg.getBoundingClientRect();
  const name = (e) => e.tagName + ' "' + (e.textContent || e.getAttribute('class') || '') + '"';
  const boxes = (selector) => [...svg.querySelectorAll(selector)].map((e) => ({ e, r: e.getBoundingClientRect() }));
  const meet = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const texts = boxes('text');
  const marks = boxes('line.target, g.ratio rect');
  const problems = [];
  for (const t of texts)
    if (t.r.left < frame.left - 0.5 || t.r.right > frame.right + 0.5 || t.r.top < frame.top - 0.5 || t.r.bottom > frame.bottom + 0.5)
      problems.push(name(t.e) + ' leaves the chart');
  for (const [i, a] of texts.entries()) {
    for (const b of texts.slice(i + 1)) if (meet(a.r, b.r)) problems.push(name(a.e) + ' overlaps ' + name(b.e));
    for (const m of marks) if (meet(a.r, m.r)) problems.push(name(a.e) + ' is under ' + name(m.e));
  }
  return problems;
})()`;

/**
 * Every text of the page whose colour is under 4.5:1 (WCAG AA) against the background it sits on: HTML text by its
 * colour, the chart's SVG text by its fill.
 */
const lowContrast = `(() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const background = (e) => {
    for (let n = e; n; n = n.parentElement) {
      const c = rgb(getComputedStyle(n).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
    }
    // No background set: Chromium's canvas, #121212 in its dark scheme.
    return matchMedia('(prefers-color-scheme: dark)').matches ? [18, 18, 18] : [255, 255, 255];
  };
  const problems = [];
  const all = [...document.body.querySelectorAll('*')].filter((e) =>
    [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()));
  for (const e of all) {
    if (e.closest('title')) continue;
    const style = getComputedStyle(e);
    const fg = rgb(e instanceof SVGElement ? style.fill : style.color).slice(0, 3);
    const r = ratio(fg, background(e));
    if (r < 4.5) problems.push(e.tagName + ' "' + e.textContent.trim().slice(0, 30) + '" ' + r.toFixed(2) + ':1');
  }
  return problems;
})()`;

/**
 * Every place a link or code in a table cell wraps to a new line other than after a '/', a '-' or a space: a path
 * broken mid-word. Read character by character, from each character's box. (A string: no DOM types here.)
 */
const midWordBreaks = `(() => {
  const problems = [];
  for (const e of document.querySelectorAll('td a, td code')) {
    const chars = [];
    const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode())
      for (let i = 0; i < n.textContent.length; i++) {
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + 1);
        const box = range.getClientRects()[0];
        if (box) chars.push({ c: n.textContent[i], top: box.top });
      }
    for (let i = 1; i < chars.length; i++)
      if (chars[i].top > chars[i - 1].top + 2 && !/[\\/\\s-]/.test(chars[i - 1].c))
        problems.push(e.textContent + ' breaks after "' + e.textContent.slice(0, i) + '"');
  }
  return problems;
})()`;

const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe.skipIf(!existsSync(chromium))('the HTML report in headless Chromium', () => {
  type Browser = Awaited<ReturnType<typeof import('playwright-core')['chromium']['launch']>>;
  let browser: Browser;
  beforeAll(async () => {
    const { chromium: launcher } = await import('playwright-core');
    browser = await launcher.launch({ executablePath: chromium, args: launchArgs });
  }, 60_000);
  afterAll(() => browser?.close());

  /** The report open at a viewport width, in a colour scheme, every `<details>` open; what went wrong on it. */
  async function open(width: number, colorScheme: 'light' | 'dark' = 'light') {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    // Self-contained: any request other than the page itself is a failure.
    page.on('request', (r) => {
      if (r.url() !== `file://${summary.report.html}`) problems.push(`requested ${r.url()}`);
    });
    await page.goto(`file://${summary.report.html}`);
    // Every section open, as a reader digging in would have it.
    await page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })");
    const sideways = async () =>
      (await page.evaluate(
        '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
      )) as { scroll: number; client: number };
    return { page, problems, sideways };
  }

  /** The chart, when there are ratios with targets to draw (BENCHMARKS.md has them). */
  const hasRatios = () =>
    summary.benchmarks.some((b) =>
      b.figures.some((f) => /×$/.test(f.figure) && /×/.test(f.target ?? '') && f.verdict !== 'unchecked'),
    );

  it('at 1280 px: one row per defect, doc links to learn.microsoft.com, no sideways scroll', async () => {
    const { page, problems, sideways } = await open(1280);
    expect(await page.title()).toBe('sds pipeline report');
    expect(await page.locator('h2').allTextContents()).toEqual([
      'Stages',
      'Spec',
      'Documentation defects',
      'Changes against the committed spec',
      'Behaviour coverage',
      'Benchmarks',
    ]);
    expect(await page.locator('details.defects tbody tr').count()).toBe(summary.defects.count);
    const pageLinks = await Promise.all(
      (await page.locator('details.defects tbody tr td:last-child a').all()).map((a) =>
        a.getAttribute('href'),
      ),
    );
    expect(pageLinks).toHaveLength(summary.defects.items.filter((d) => d.page).length);
    expect(pageLinks.filter((href) => !href?.startsWith('https://learn.microsoft.com/graph/api/'))).toEqual(
      [],
    );
    expect(await page.locator('svg[role="img"]').count()).toBe(hasRatios() ? 1 : 0);
    const width = await sideways();
    expect(width.scroll).toBeLessThanOrEqual(width.client);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the chart: no label under a target tick or a bar, none over another, none clipped; a legend', async () => {
    // The committed BENCHMARKS.md has ratios with targets: the chart is drawn.
    expect(hasRatios()).toBe(true);
    for (const width of [1280, 390]) {
      const { page } = await open(width);
      expect(await page.evaluate(chartProblems)).toEqual([]);
      expect(await page.locator('svg.ratio-chart g.legend').allTextContents()).toContain(
        'the target, also in brackets after the figure',
      );
      await page.close();
    }
  });

  it('paths in tables break after a slash or a hyphen, never mid-word; the defects’ where and page columns readable', async () => {
    // The user trial: "where" and "page" ~7 characters wide, each path broken mid-word.
    for (const width of [1280, 390]) {
      const narrow = await open(width);
      expect({ width, breaks: await narrow.page.evaluate(midWordBreaks) }).toEqual({ width, breaks: [] });
      await narrow.page.close();
    }
    const { page } = await open(1280);
    const widths = (await page.evaluate(
      "[...document.querySelectorAll('details.defects table')].map((t) => [...t.querySelectorAll('th')].map((th) => th.getBoundingClientRect().width / t.getBoundingClientRect().width))",
    )) as number[][];
    expect(widths.length).toBeGreaterThan(0);
    for (const [where = 0, message = 0, pageColumn = 0] of widths) {
      expect(where).toBeGreaterThan(0.25);
      expect(pageColumn).toBeGreaterThan(0.18);
      expect(message).toBeGreaterThan(0.4);
    }
    await page.close();
  });

  it('at 390 px (a phone): nothing scrolls sideways but the tables, each inside its own container; the chart fits', async () => {
    // The user trial: the page was 465 px wide at 390.
    const { page, problems, sideways } = await open(390);
    const width = await sideways();
    expect(width.scroll).toBeLessThanOrEqual(width.client);
    const layout = (await page.evaluate(`({
      tables: document.querySelectorAll('table').length,
      contained: document.querySelectorAll('div.table-scroll > table').length,
      wider: [...document.querySelectorAll('div.table-scroll')].filter((d) => d.scrollWidth > d.clientWidth).length,
      chart: document.querySelector('svg.ratio-chart')?.getBoundingClientRect().right ?? 0,
    })`)) as { tables: number; contained: number; wider: number; chart: number };
    expect(layout.contained).toBe(layout.tables);
    // Some tables are wider than a phone: they scroll in their container (so the check above means something).
    expect(layout.wider).toBeGreaterThan(0);
    expect(layout.chart).toBeLessThanOrEqual(width.client);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('every text at WCAG AA contrast (4.5:1), light and dark, the chart’s green and red too', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page } = await open(1280, scheme);
      expect(await page.locator('svg.ratio-chart text.met').count()).toBeGreaterThan(0);
      expect(await page.locator('svg.ratio-chart text.missed').count()).toBeGreaterThan(0);
      expect({ scheme, problems: await page.evaluate(lowContrast) }).toEqual({ scheme, problems: [] });
      await page.close();
    }
  });
});

if (!existsSync(chromium))
  console.warn(`skipping the HTML-in-Chromium test: no ${chromium} (apt-get install chromium)`);
