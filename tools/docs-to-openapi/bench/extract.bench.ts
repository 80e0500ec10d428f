/**
 * Extraction time for the real corpus and for a 5,000-page corpus (the real pages replicated under new names
 * and namespaces), next to a bare markdown parse of the same bytes. Run from the compiled package
 * (`pnpm bench`), so that pages parse on worker threads as they do for users.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import {
  type CorpusFile,
  DiagnosticSink,
  extractFromFiles,
  extractFromFilesParallel,
  parseMarkdown,
  readCorpus,
} from '@sds-toolkit/docs-to-openapi';
import { writeBenchResult } from '../../../scripts/bench-result.js';

const docsDir =
  process.env.GRAPH_DOCS_DIR ?? new URL('../../../../shared/graph-docs', import.meta.url).pathname;
if (!existsSync(docsDir)) {
  console.log(`docs-to-openapi bench skipped: no docs folder at ${docsDir} (set GRAPH_DOCS_DIR)`);
  process.exit(0);
}

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

async function timeAsync<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

function best(runs: number, run: () => void): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) fastest = Math.min(fastest, time(run).ms);
  return fastest;
}

const bareParse = (files: readonly CorpusFile[]) => () => {
  for (const f of files) parseMarkdown(f.text);
};

function replicate(files: readonly CorpusFile[], target: number): CorpusFile[] {
  const copies: CorpusFile[] = [];
  for (let n = 0; copies.length < target; n++) {
    for (const f of files) {
      if (copies.length >= target) break;
      const rename = (s: string) => s.replace(/industrydata-/gi, `r${n}-industrydata-`);
      copies.push({
        ...f,
        path: f.path.replace(/([^/]+)$/, (name) => rename(name)),
        text: rename(f.text).replaceAll('microsoft.graph.industryData', `microsoft.graph.industryData${n}`),
      });
    }
  }
  return copies;
}

const corpus = readCorpus(docsDir, new DiagnosticSink());
const bytes = corpus.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
// Warm-up: the first run pays for compiling the parser.
extractFromFiles(corpus);
const corpusExtract = best(5, () => extractFromFiles(corpus));
const corpusParse = best(5, bareParse(corpus));

const big = replicate(corpus, 5000);
const bigBytes = big.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
const bigParse = time(bareParse(big)).ms;
const bigExtract = await timeAsync(() => extractFromFilesParallel(big));
const bigSequential = time(() => extractFromFiles(big)).ms;

const results = [
  {
    label: `corpus extraction (${corpus.length} pages, ${(bytes / 1e6).toFixed(2)} MB, best of 5)`,
    ms: corpusExtract,
    target: '< 1000 ms',
  },
  { label: 'corpus bare markdown parse (same bytes)', ms: corpusParse },
  { label: 'corpus extraction ÷ bare parse', ratio: corpusExtract / corpusParse, target: '≤ 2×' },
  {
    label: `5,000-page extraction, pages read on ${availableParallelism()} threads (${(bigBytes / 1e6).toFixed(1)} MB, one run)`,
    ms: bigExtract.ms,
    target: '< 10000 ms on 2 cores',
  },
  { label: '5,000-page extraction in one thread (one run)', ms: bigSequential },
  { label: '5,000-page bare markdown parse in one thread (one run)', ms: bigParse },
  { label: '5,000-page extraction (workers) ÷ bare parse', ratio: bigExtract.ms / bigParse, target: '≤ 2×' },
];
writeBenchResult('docs-to-openapi', 'Docs → OpenAPI extraction', results);
