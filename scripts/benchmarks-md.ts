/** Collects bench-results/*.json (written by each package's `bench` script) into BENCHMARKS.md. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BenchLine } from './bench-result.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const dir = `${root}bench-results/`;
const results = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map(
        (f) => JSON.parse(readFileSync(dir + f, 'utf8')) as { id: string; title: string; lines: BenchLine[] },
      )
  : [];

const figure = (l: BenchLine) =>
  l.ms !== undefined
    ? `${l.ms.toFixed(1)} ms`
    : l.ratio !== undefined
      ? `${l.ratio.toFixed(2)}×`
      : (l.value ?? '');

const lines = [
  '# Benchmarks',
  '',
  'Written by `pnpm bench`; each benchmark runs against its peer in the same run. Do not edit by hand.',
  '',
  `- Date: ${new Date().toISOString().slice(0, 10)}`,
  `- Machine: ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
  `- Node.js ${process.version} on ${process.platform}/${process.arch}`,
  '',
];
for (const r of results) {
  lines.push(`## ${r.title}`, '', '| measurement | figure | target |', '|---|---|---|');
  for (const l of r.lines) lines.push(`| ${l.label} | ${figure(l)} | ${l.target ?? ''} |`);
  lines.push('');
}
if (results.length === 0) lines.push('No benchmark results: run `pnpm bench`.', '');
writeFileSync(`${root}BENCHMARKS.md`, lines.join('\n'));
console.log(`BENCHMARKS.md written (${results.length} benchmarks)`);
