import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { changeKinds, renderKindsTable, withKindsTable } from '../src/index.js';

const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

describe("the README's table of change kinds", () => {
  it('is the one the rule table gives (run `pnpm --filter @sds-toolkit/spec-diff readme` after editing a kind)', () => {
    expect(withKindsTable(readme)).toBe(readme);
  });

  it('has a row per kind, with its classification', () => {
    const table = renderKindsTable();
    for (const k of changeKinds) expect(table).toContain(`| \`${k.kind}\` | ${k.classification} |`);
  });
});
