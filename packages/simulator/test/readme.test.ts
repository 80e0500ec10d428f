import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentedBehaviours } from '../src/index.js';

/** The README's table of documented behaviours names each module once, and no other (it was left behind once). */
describe('README', () => {
  it('lists every documented behaviour, with the page it cites', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(
      readme.indexOf('## Documented behaviours'),
      readme.indexOf('## Time, state'),
    );
    const rows = [...section.matchAll(/^\| `([a-z-]+)` \| .* \| `([^`]+)` \|$/gm)].map((m) => ({
      id: m[1],
      docs: m[2],
    }));
    const modules = documentedBehaviours.map((b) => ({
      id: b.id,
      docs: b.docs.replace(/^api-reference\/beta\//, ''),
    }));
    const byId = (a: { id?: string }, b: { id?: string }) => ((a.id ?? '') < (b.id ?? '') ? -1 : 1);
    expect(rows.sort(byId)).toEqual(modules.sort(byId));
  });
});
