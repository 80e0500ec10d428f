import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { documentedRules, ruleIds } from '../../src/index.js';

const tables = readdirSync(fileURLToPath(new URL('.', import.meta.url)));

describe('ruleIds', () => {
  it('names every documented rule once, in the order they report', () => {
    expect(ruleIds).toEqual(documentedRules.map((r) => r.id));
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
  });

  it.each(ruleIds)('%s has its table test, test/rules/<id>.test.ts', (id) => {
    expect(tables).toContain(`${id}.test.ts`);
  });
});
