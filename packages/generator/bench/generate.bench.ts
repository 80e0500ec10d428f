/** Generation time for the committed spec, next to openapi-typescript on the same spec, in one run. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generate } from '@sds-toolkit/generator';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { writeBenchResult } from '../../../scripts/bench-result.js';

const specPath = fileURLToPath(new URL('../../../specs/industrydata/openapi.yaml', import.meta.url));
const text = readFileSync(specPath, 'utf8');

async function best(runs: number, run: () => unknown): Promise<number> {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

// Both warm up once (module compilation), then the best of 5 runs counts.
generate(text, 'openapi.yaml');
await openapiTS(text);
const ours = await best(5, () => generate(text, 'openapi.yaml'));
// Each side starts from the spec's text and reads it with its own YAML parser, as its users' runs do.
const theirs = await best(5, async () => astToString(await openapiTS(text)));
const theirsFromParsed = await best(5, async () => astToString(await openapiTS(parse(text))));
const files = generate(text, 'openapi.yaml').files;

writeBenchResult('generator', 'Generation (OpenAPI → TypeScript)', [
  {
    label: `this generator: models, request builders, wire types and JSON Schemas (${files.size} files, best of 5)`,
    ms: ours,
  },
  { label: 'openapi-typescript 7.13.0: types only, one file, from the text (best of 5)', ms: theirs },
  {
    label: 'openapi-typescript 7.13.0, given the spec already parsed by `yaml` (best of 5)',
    ms: theirsFromParsed,
  },
  { label: 'this generator ÷ openapi-typescript', ratio: ours / theirs, target: '≤ 1×' },
]);
