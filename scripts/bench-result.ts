import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface BenchLine {
  readonly label: string;
  readonly ms?: number;
  readonly ratio?: number;
  readonly value?: string;
  readonly target?: string;
}

const resultsDir = fileURLToPath(new URL('../bench-results/', import.meta.url));

/** Prints a benchmark's figures and stores them for `scripts/benchmarks-md.ts` to collect into BENCHMARKS.md. */
export function writeBenchResult(id: string, title: string, lines: readonly BenchLine[]): void {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(`${resultsDir}${id}.json`, `${JSON.stringify({ id, title, lines }, null, 2)}\n`);
  console.log(`== ${title}`);
  for (const l of lines) {
    const figure =
      l.ms !== undefined
        ? `${l.ms.toFixed(1)} ms`
        : l.ratio !== undefined
          ? `${l.ratio.toFixed(2)}×`
          : (l.value ?? '');
    console.log(`  ${l.label}: ${figure}${l.target ? `  (target ${l.target})` : ''}`);
  }
}
