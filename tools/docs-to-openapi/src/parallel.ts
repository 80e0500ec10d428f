import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '@sds-toolkit/openapi-model';
import type { CorpusFile } from './corpus.js';
import { DiagnosticSink } from './diagnostics.js';
import { type PageReading, readOnePage } from './pages/read.js';

export interface ReadChunk {
  readonly readings: PageReading[];
  readonly diagnostics: Diagnostic[];
}

/** The compiled worker exists only in dist/; from TypeScript sources (tests, tsx) pages are read in-thread. */
export const canReadInWorkers = import.meta.url.endsWith('.js');

/**
 * Reads pages on `workers` threads (this one and workers - 1 worker threads), one contiguous chunk each, and
 * returns them in input order.
 * Markdown parsing is most of the extraction time and each page is read independently.
 */
export async function readInWorkers(files: readonly CorpusFile[], workers: number): Promise<ReadChunk> {
  const count = Math.max(1, Math.min(workers, files.length));
  const size = Math.ceil(files.length / count);
  const chunks = Array.from({ length: count }, (_, i) => files.slice(i * size, (i + 1) * size));
  // This thread reads the first chunk itself while the workers read the others: one fewer copy to clone back.
  const [own = [], ...others] = chunks;
  const pending = Promise.all(
    others.map(
      (chunk) =>
        new Promise<ReadChunk>((resolve, reject) => {
          const worker = new Worker(new URL('./page-worker.js', import.meta.url), {
            workerData: chunk.map((f) => ({ path: f.path, role: f.role, text: f.text })),
          });
          worker.once('message', (result: ReadChunk) => {
            resolve(result);
            void worker.terminate();
          });
          worker.once('error', reject);
          worker.once('exit', (code) => {
            if (code !== 0) reject(new Error(`page reader worker exited with code ${code}`));
          });
        }),
    ),
  );
  const sink = new DiagnosticSink();
  const mine: ReadChunk = {
    readings: own.map((f) => readOnePage(f.path, f.role, f.text, sink)),
    diagnostics: sink.items,
  };
  const results = [mine, ...(await pending)];
  return { readings: results.flatMap((r) => r.readings), diagnostics: results.flatMap((r) => r.diagnostics) };
}
