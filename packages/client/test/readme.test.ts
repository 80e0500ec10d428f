import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { casts, tsBlocks, typeCheck } from './compile.js';

// Doc tests: every ```ts block of the README compiles against the package as a user imports it, and none
// needs a cast (`as`, `<T>x`, `!`) to do so: a snippet that needs one shows types that guide nobody. The
// repository's README shows the client too ("Using the client"): its blocks are held to the same.
const readmes = [
  { name: 'README.md', url: new URL('../README.md', import.meta.url) },
  { name: "the repository's README.md", url: new URL('../../../README.md', import.meta.url) },
];

describe.each(readmes)('$name: every ts block compiles, without casts', ({ url }) => {
  const blocks = tsBlocks(readFileSync(url, 'utf8'));
  const diagnostics = typeCheck(
    Object.fromEntries(blocks.map((b) => [`readme-line-${b.line}`, b.code])),
    new URL('../', import.meta.url),
  );
  it('has blocks to check', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });
  it.each(blocks.map((b) => [`the block on line ${b.line}`, b] as const))('%s', (_name, block) => {
    expect(diagnostics[`readme-line-${block.line}`]).toEqual([]);
    expect(casts(block.code)).toEqual([]);
  });
});
