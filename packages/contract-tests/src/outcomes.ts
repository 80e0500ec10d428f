import { join } from 'node:path';
import { ruleIds } from '@sds-toolkit/rules';
import { type Behaviour, describeVerifier, paths } from './catalogue.js';
import { pactFile } from './names.js';
import { type BehaviourResult, behaviourOutcome, type VerifierResult } from './report.js';
import type { ScenarioFile } from './scenarios.js';
import { stepTitle } from './scenarios.js';
import type { SuiteRun, TestOutcome } from './suites.js';

/** The test of the provider suite that replays the pact against the simulator (its name, shared with it). */
export const verificationTestName = 'verifies every interaction against the simulator on a free port';

/** What the verifiers are checked against: the suites that ran (absent: did not run) and the pact they wrote. */
export interface Evidence {
  readonly consumer?: SuiteRun;
  readonly provider?: SuiteRun;
  readonly scenarios?: SuiteRun;
  readonly rules?: SuiteRun;
  /** Interaction descriptions of the pact the provider verified. */
  readonly interactions: ReadonlySet<string>;
  /** The scenario files the scenario suite played (for where each step is). */
  readonly scenarioFiles: readonly ScenarioFile[];
  /** The package roots the suites ran in, to place their files. */
  readonly roots: { readonly contracts: string; readonly rules: string };
}

/** The first line of a failure, cut to what a report cell can hold (the suite's failures keep it whole). */
const firstLine = (text: string | undefined) => {
  const line = text
    ?.split('\n')
    .find((l) => l.trim())
    ?.trim();
  return line && line.length > 240 ? `${line.slice(0, 239)}…` : line;
};

/** Several tests behind one verifier (it.each): failed if one failed, passed if all ran and passed. */
function fromTests(
  tests: readonly TestOutcome[],
  root: string,
  none: string,
): Omit<VerifierResult, 'kind' | 'ref'> {
  const [first] = tests;
  if (!first) return { outcome: 'not run', why: none };
  const failed = tests.find((t) => t.outcome === 'failed');
  const where = { file: join(root, first.file), ...(first.line ? { line: first.line } : {}) };
  if (failed) return { outcome: 'failed', why: firstLine(failed.errors[0]) ?? 'failed', ...where };
  if (tests.every((t) => t.outcome === 'passed')) return { outcome: 'passed', ...where };
  return {
    outcome: 'not run',
    why: firstLine(tests.find((t) => t.errors[0])?.errors[0]) ?? 'skipped',
    ...where,
  };
}

/** it.each titles are expanded: "create a %s flow: 201" → "create a classGroup flow: 201", … */
const titlePattern = (ref: string) =>
  new RegExp(`^${ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%[sdifjo#%]/g, '.+')}$`);

function consumer(ref: string, e: Evidence): Omit<VerifierResult, 'kind' | 'ref'> {
  if (!e.consumer) return { outcome: 'not run', why: 'the consumer tests did not run' };
  const exact = e.consumer.tests.filter((t) => t.name === ref);
  const pattern = titlePattern(ref);
  const tests = exact.length > 0 ? exact : e.consumer.tests.filter((t) => pattern.test(t.name));
  return fromTests(tests, e.roots.contracts, `no consumer test is named "${ref}"`);
}

/**
 * Pact's verifier fails with its whole result as JSON (the error's cause): each interaction's description and
 * result (`OK`, `Error`). Empty when the error carries no such result.
 */
export function interactionResults(errors: readonly string[]): Map<string, string> {
  const results = new Map<string, string>();
  for (const line of errors.join('\n').split('\n')) {
    const start = line.indexOf('{"');
    if (start < 0 || !line.includes('"interactionResults"')) continue;
    try {
      const parsed = JSON.parse(line.slice(start)) as {
        interactionResults?: { description?: string; result?: string }[];
      };
      for (const r of parsed.interactionResults ?? [])
        if (r.description) results.set(r.description, String(r.result));
    } catch {
      // Not the verifier's JSON after all: the description search below decides.
    }
  }
  return results;
}

function pact(ref: string, e: Evidence): Omit<VerifierResult, 'kind' | 'ref'> {
  const where = { file: pactFile };
  if (!e.provider) return { outcome: 'not run', why: 'the provider verification did not run' };
  if (!e.interactions.has(ref)) return { outcome: 'not run', why: `the pact has no interaction "${ref}"` };
  const verification = e.provider.tests.find((t) => t.name === verificationTestName);
  if (!verification || verification.outcome === 'not run')
    return { outcome: 'not run', why: 'the provider verification did not run', ...where };
  if (verification.outcome === 'passed') return { outcome: 'passed', ...where };
  const result = interactionResults(verification.errors).get(ref);
  if (result === 'OK') return { outcome: 'passed', ...where };
  if (result) return { outcome: 'failed', why: `the simulator's answer did not match (${result})`, ...where };
  // No per-interaction results: Pact's failure report names every interaction that failed.
  const report = verification.errors.join('\n');
  const named = [...e.interactions].filter((d) => report.includes(d));
  if (named.length > 0 && !named.includes(ref)) return { outcome: 'passed', ...where };
  return { outcome: 'failed', why: firstLine(verification.errors[0]) ?? 'verification failed', ...where };
}

function scenario(ref: string, e: Evidence): Omit<VerifierResult, 'kind' | 'ref'> {
  if (!e.scenarios) return { outcome: 'not run', why: 'the scenario files were not played' };
  const result = fromTests(
    e.scenarios.tests.filter((t) => t.name === ref),
    e.roots.contracts,
    `no scenario step is named "${ref}"`,
  );
  // Point at the step in its scenario file rather than at the test that plays every file.
  for (const file of e.scenarioFiles)
    for (const [index, step] of file.steps.entries())
      if (stepTitle(file.file, step, index) === ref)
        return { ...result, file: file.path, ...(file.lines[index] ? { line: file.lines[index] } : {}) };
  return result;
}

function rule(ref: string, e: Evidence): Omit<VerifierResult, 'kind' | 'ref'> {
  if (!ruleIds.includes(ref)) return { outcome: 'not run', why: `the rules package has no rule "${ref}"` };
  if (!e.rules) return { outcome: 'not run', why: "the rules' table tests did not run" };
  const table = `test/rules/${ref}.test.ts`;
  return fromTests(
    e.rules.tests.filter((t) => t.file === table),
    e.roots.rules,
    `the rule has no table test (${table})`,
  );
}

const byKind: Record<string, (ref: string, e: Evidence) => Omit<VerifierResult, 'kind' | 'ref'>> = {
  consumer,
  pact,
  scenario,
  rule,
};

/** Each behaviour of the catalogue with the outcome of each of its verifiers, as the suites that ran gave it. */
export function behaviourResults(catalogue: readonly Behaviour[], evidence: Evidence): BehaviourResult[] {
  return catalogue.map((behaviour) => {
    const verifiers = behaviour.verifiedBy.map(describeVerifier).map(({ kind, ref }) => ({
      kind,
      ref,
      ...(byKind[kind]?.(ref, evidence) ?? {
        outcome: 'not run' as const,
        why: `unknown verifier kind ${kind}`,
      }),
    }));
    return { behaviour, verifiers, outcome: behaviourOutcome(verifiers) };
  });
}

export const defaultRoots = { contracts: paths.packageDir, rules: paths.rulesDir };
