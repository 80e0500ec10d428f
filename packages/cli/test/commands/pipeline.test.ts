import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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

  it.skipIf(!existsSync(chromium))(
    'in headless Chromium: one row per defect, doc links to learn.microsoft.com, no sideways scroll at 1280 px',
    async () => {
      const { chromium: launcher } = await import('playwright-core');
      const browser = await launcher.launch({
        executablePath: chromium,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
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
        expect(
          pageLinks.filter((href) => !href?.startsWith('https://learn.microsoft.com/graph/api/')),
        ).toEqual([]);
        // The chart, when there are ratios with targets to draw (BENCHMARKS.md has them).
        const ratios = summary.benchmarks.some((b) =>
          b.figures.some((f) => /×$/.test(f.figure) && /×/.test(f.target ?? '') && f.verdict !== 'unchecked'),
        );
        expect(await page.locator('svg[role="img"]').count()).toBe(ratios ? 1 : 0);
        // Every section open, as a reader digging in would have it: still nothing scrolls sideways.
        // (Evaluated in the page: strings, as this package's TypeScript has no DOM types.)
        await page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })");
        const width = (await page.evaluate(
          '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
        )) as { scroll: number; client: number };
        expect(width.scroll).toBeLessThanOrEqual(width.client);
        expect(problems).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});

if (!existsSync(chromium))
  console.warn(`skipping the HTML-in-Chromium test: no ${chromium} (apt-get install chromium)`);
