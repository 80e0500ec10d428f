import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareCodePoints } from '@sds-toolkit/openapi-model';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildModel, createRouter, documentedBehaviours } from '../src/index.js';
import { spec, validator } from './harness.js';

/** What the scenario files (data) exercise: every operation of the spec, every behaviour module. */

interface ScenarioFile {
  readonly name: string;
  readonly covers?: readonly string[];
  readonly steps: readonly { request?: { method: string; path: string }; expect?: { status: number } }[];
}

const dir = fileURLToPath(new URL('../scenarios/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort(compareCodePoints)
  .map((f) => ({ file: f, ...(parse(readFileSync(dir + f, 'utf8')) as ScenarioFile) }));
const model = buildModel(spec, validator.catalogue);
const router = createRouter(model);

describe('coverage of the scenario files', () => {
  it('every operation of the spec is requested by a scenario step expecting its documented success status', () => {
    const covered = new Set<string>();
    for (const { steps } of files)
      for (const step of steps) {
        if (!step.request || !step.expect) continue;
        // Placeholders stand for ids: any segment routes as a key.
        const path = step.request.path.replace(/\{\w+\}/g, 'x').replace(/^https?:\/\/[^/]+/, '');
        const found = router.match(step.request.method, path.split('?')[0] ?? '');
        if (found.ok && step.expect.status === found.operation.successStatus) covered.add(found.operation.id);
      }
    const missing = model.operations.map((o) => o.id).filter((id) => !covered.has(id));
    expect(missing).toEqual([]);
    expect(model.operations).toHaveLength(47);
  });

  it('every behaviour module is covered by a scenario file (its `covers` list), and every listed id exists', () => {
    const ids = new Set(documentedBehaviours.map((b) => b.id));
    const listed = new Set(files.flatMap((f) => f.covers ?? []));
    expect([...ids].filter((id) => !listed.has(id))).toEqual([]);
    expect([...listed].filter((id) => !ids.has(id))).toEqual([]);
  });

  it('every action and function of the spec has a behaviour that handles it', () => {
    const unhandled = model.operations
      .filter((o) => o.kind === 'action' || o.kind === 'function')
      .filter((o) => !documentedBehaviours.some((b) => b.hook?.(o, model)))
      .map((o) => o.id);
    expect(unhandled).toEqual([]);
  });

  it('every behaviour cites a docs page the spec was derived from', () => {
    const pages = new Set<string>();
    const visit = (value: unknown) => {
      if (Array.isArray(value)) for (const v of value) visit(v);
      else if (value && typeof value === 'object')
        for (const [key, v] of Object.entries(value)) {
          if (key === 'x-docs-source' && typeof v === 'string') pages.add(v.split('#')[0] ?? '');
          if (key === 'x-docs-pages' && Array.isArray(v))
            for (const p of v) pages.add(`api-reference/beta/api/${p}.md`);
          visit(v);
        }
    };
    visit(spec);
    const uncited = documentedBehaviours.filter((b) => !pages.has(b.docs)).map((b) => `${b.id}: ${b.docs}`);
    expect(uncited).toEqual([]);
  });
});
