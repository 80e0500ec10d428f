import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnosticAreas } from '../src/index.js';

describe('diagnostic codes', () => {
  it("the README's table lists exactly the codes of src/codes.ts, area by area", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const rows = [...readme.matchAll(/^\| ([a-z ]+) \| (`[^|]+`) \|$/gm)].map((m) => [
      m[1],
      [...(m[2] ?? '').matchAll(/`([a-z-]+)`/g)].map((c) => c[1]),
    ]);
    expect(rows).toEqual(Object.entries(diagnosticAreas).map(([area, codes]) => [area, [...codes]]));
  });

  it('no code is in two areas', () => {
    const all = Object.values(diagnosticAreas).flat();
    expect(new Set(all).size).toBe(all.length);
  });
});
