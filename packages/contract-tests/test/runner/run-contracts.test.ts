import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isMap, isSeq, parseDocument } from 'yaml';
import { describeVerifier, loadCatalogue } from '../../src/catalogue.js';
import { runContracts } from '../../src/run.js';
import { defaultScenariosDir } from '../../src/scenarios.js';

/**
 * runContracts through its public interface, on temporary copies of the scenario files: the behaviour's
 * outcome follows what the simulator did with them. Only the scenario and rule suites run (the consumer and
 * provider suites have their own projects), so the behaviour chosen is one verified by those alone.
 */
const behaviour = loadCatalogue().find((b) => {
  const kinds = b.verifiedBy.map((v) => describeVerifier(v).kind);
  return kinds.includes('scenario') && kinds.every((k) => k === 'scenario' || k === 'rule');
});
const stepRef = behaviour?.verifiedBy.map(describeVerifier).find((v) => v.kind === 'scenario')?.ref ?? '';
const [file = '', stepName = ''] = stepRef.split('#');
const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the scenario files with the behaviour's step changed by `edit` (or left as is). */
function copyWith(edit?: (steps: { items: unknown[] }, index: number) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'sds-scenarios-'));
  copies.push(dir);
  cpSync(defaultScenariosDir, dir, { recursive: true });
  if (edit) {
    const document = parseDocument(readFileSync(join(dir, file), 'utf8'));
    const steps = document.get('steps');
    if (!isSeq(steps)) throw new Error(`${file} has no steps`);
    const index = steps.items.findIndex((s) => isMap(s) && s.get('name') === stepName);
    if (index < 0) throw new Error(`${file} has no step "${stepName}"`);
    edit(steps, index);
    writeFileSync(join(dir, file), document.toString());
  }
  return dir;
}

const outcomeIn = async (scenariosDir: string) => {
  const run = await runContracts({ suites: ['scenarios', 'rules'], scenariosDir });
  const result = run.results.find((r) => r.behaviour.id === behaviour?.id);
  return { run, result, step: result?.verifiers.find((v) => v.ref === stepRef) };
};

describe('runContracts: behaviours take their outcome from the suites that ran', () => {
  it('there is a behaviour verified by a scenario step (and rules) alone', () => {
    expect(
      behaviour,
      'the catalogue has no behaviour verified by scenario steps and rules alone',
    ).toBeDefined();
  });

  it('the scenario files as they are: the behaviour passed, its step located in its file', async () => {
    const { result, step, run } = await outcomeIn(copyWith());
    expect(run.suites.map((s) => [s.name, s.ok])).toEqual([
      ['scenarios', true],
      ['rules', true],
    ]);
    expect(result?.outcome).toBe('passed');
    expect(step?.file).toMatch(new RegExp(`${file.replace('.', '\\.')}$`));
    expect(step?.line).toBeGreaterThan(1);
    // The other suites did not run: the behaviours they verify did not either, and the run does not claim them.
    expect(run.results.find((r) => r.behaviour.verifiedBy.some((v) => 'consumer' in v))?.outcome).toBe(
      'not run',
    );
  });

  it('a scenario step broken in the copy (another status expected): the behaviour failed, saying why', async () => {
    const dir = copyWith((steps, index) => {
      const step = steps.items[index] as {
        getIn(p: string[]): unknown;
        setIn(p: string[], v: unknown): void;
      };
      step.setIn(['expect', 'status'], 599);
    });
    const { result, step, run } = await outcomeIn(dir);
    expect(result?.outcome).toBe('failed');
    expect(step?.outcome).toBe('failed');
    expect(step?.why).toMatch(/599/);
    expect(run.ok).toBe(false);
    expect(run.counts.failed).toBeGreaterThanOrEqual(1);
  });

  it('the verifying step removed from the copy: the behaviour did not run (never passed)', async () => {
    const dir = copyWith((steps, index) => {
      steps.items.splice(index, 1);
    });
    const { result, step } = await outcomeIn(dir);
    expect(step).toMatchObject({ outcome: 'not run', why: `no scenario step is named "${stepRef}"` });
    expect(result?.outcome).toBe('not run');
  });
});
