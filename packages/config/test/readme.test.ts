import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultToolkit, loadFile } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const yamlBlocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

describe('the README', () => {
  it('shows a whole set-up', () => {
    expect(yamlBlocks).toHaveLength(1);
  });

  it.each(yamlBlocks.map((block, i) => [i, block]))(
    'its set-up %i is valid, without a warning',
    (_i, block) => {
      const loaded = loadFile(defaultToolkit(), block, 'README.md');
      expect(loaded.warnings).toEqual([]);
      expect(new Set(loaded.objects.map((o) => o.kind.name)).size).toBe(6);
    },
  );
});
