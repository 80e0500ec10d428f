import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate, generatorName, generatorVersion } from '../src/index.js';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

describe('generator-lock.json', () => {
  it('names the generator and the version in its package.json (it was hard-coded, and drifted)', () => {
    const spec = readFileSync(new URL('./specs/models.yaml', import.meta.url), 'utf8');
    const lock = JSON.parse(generate(spec, 'test/specs/models.yaml').files.get('generator-lock.json') ?? '');
    expect([generatorName, generatorVersion]).toEqual([manifest.name, manifest.version]);
    expect(lock).toMatchObject({ generator: manifest.name, generatorVersion: manifest.version });
  });
});
