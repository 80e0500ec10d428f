import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// The client's doc-test helpers (the rules' tests may import the client: README, Dependency direction).
import { casts, tsBlocks, typeCheck } from '../../client/test/compile.js';

// Doc tests: every ```ts block of the README compiles against the package as a user imports it (with the
// client beside it), and none needs a cast to do so.
const blocks = tsBlocks(readFileSync(new URL('../README.md', import.meta.url), 'utf8'));

describe('README.md: every ts block compiles, without casts', () => {
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
