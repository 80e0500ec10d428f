import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/index.js';
import { captureIO } from '../capture.js';

const shared = fileURLToPath(new URL('../../../../../shared/graph-docs', import.meta.url));
const chromium = '/usr/bin/chromium';
const reports = mkdtempSync(join(tmpdir(), 'sds-pipeline-'));
afterAll(() => rmSync(reports, { recursive: true, force: true }));

describe('sds pipeline', () => {
  it('without docs: uses the committed spec, says so, and still runs the other stages', async () => {
    const io = captureIO({});
    expect(await main(['pipeline', '--skip-contracts', '--report', join(reports, 'a')], io)).toBe(0);
    expect(io.out).toMatch(
      /1\. extract … skipped .*no docs folder .*using the committed spec specs\/industrydata\/openapi\.yaml/,
    );
    expect(io.out).toMatch(/3\. generate … passed .*37 generated files match/);
    expect(readFileSync(join(reports, 'a/pipeline.md'), 'utf8')).toMatch(/^# sds pipeline report/);
  });

  // The contract suite is left out (--skip-contracts): @sds-toolkit/contract-tests' own test task runs it, and
  // running it here as well ran it twice in `pnpm verify`.
  it.skipIf(!existsSync(shared))(
    'with the docs: every stage but the contracts, docs defects in the report, --json summary',
    async () => {
      const io = captureIO({ GRAPH_DOCS_DIR: shared });
      expect(await main(['pipeline', '--json', '--skip-contracts', '--report', join(reports, 'b')], io)).toBe(
        0,
      );
      const summary = JSON.parse(io.out) as { ok: boolean; stages: { name: string; status: string }[] };
      expect(summary.ok).toBe(true);
      expect(summary.stages.map((s) => s.name)).toEqual([
        'extract',
        'diff',
        'generate',
        'examples',
        'contracts',
        'report',
      ]);
      expect(summary.stages.find((s) => s.name === 'contracts')?.status).toBe('skipped');
      const md = readFileSync(join(reports, 'b/pipeline.md'), 'utf8');
      expect(md).toMatch(/\| warning \| path-casing \| `api-reference\/beta\/api\/.*\.md:\d+` \|/);
    },
    120_000,
  );

  it.skipIf(!existsSync(chromium))(
    'the HTML report opens in headless Chromium without errors',
    async () => {
      await main(['pipeline', '--skip-contracts', '--report', join(reports, 'c')], captureIO({}));
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
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
        await page.goto(`file://${join(reports, 'c/pipeline.html')}`);
        expect(await page.title()).toBe('sds pipeline report');
        expect(await page.locator('h2').allTextContents()).toEqual([
          'Stages',
          'Spec',
          'Documentation defects',
          'Changes against the committed spec',
          'Behaviour coverage',
          'Benchmarks',
        ]);
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});

if (!existsSync(chromium))
  console.warn(`skipping the HTML-in-Chromium test: no ${chromium} (apt-get install chromium)`);
