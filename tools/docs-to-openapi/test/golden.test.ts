import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { extractFromFolder, specToYaml } from '../src/index.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const cases = readdirSync(fixtures).sort();

describe('golden: every fixture folder → openapi.yaml + diagnostics.json', () => {
  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  it.each(cases)('%s', async (name) => {
    const { spec, diagnostics } = extractFromFolder(`${fixtures}${name}`);
    await expect(specToYaml(spec)).toMatchFileSnapshot(`./golden/${name}/openapi.yaml`);
    await expect(`${JSON.stringify(diagnostics, null, 2)}\n`).toMatchFileSnapshot(
      `./golden/${name}/diagnostics.json`,
    );
  });

  // Whatever the pages lack, the document stays valid: no $ref to a schema it does not have.
  it.each(cases)('%s is a valid OpenAPI document', async (name) => {
    const { spec } = extractFromFolder(`${fixtures}${name}`);
    await expect(SwaggerParser.validate(structuredClone(spec) as never)).resolves.toBeDefined();
  });

  it.each(cases)('%s is byte-identical across runs', (name) => {
    const first = specToYaml(extractFromFolder(`${fixtures}${name}`).spec);
    const second = specToYaml(extractFromFolder(`${fixtures}${name}`).spec);
    expect(second).toBe(first);
  });
});
