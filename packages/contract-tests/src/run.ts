import { loadCatalogue, pactInteractions, paths } from './catalogue.js';
import { pactFile } from './names.js';
import { behaviourResults, defaultRoots, type Evidence } from './outcomes.js';
import type { BehaviourResult, Outcome } from './report.js';
import { defaultScenariosDir, loadScenarios, scenariosDirVariable } from './scenarios.js';
import { runSuite, type SuiteRun } from './suites.js';

/**
 * The suites behind the behaviours, in the order they run: the consumer tests write the pact the provider
 * verifies; the scenario files are played step by step; the rules' table tests; the catalogue's own checks.
 */
export const suiteNames = ['consumer', 'provider', 'scenarios', 'rules', 'catalogue'] as const;
export type SuiteName = (typeof suiteNames)[number];

export interface ContractOptions {
  /** Which suites to run (default: all). A behaviour whose verifiers' suites did not run is `not run`. */
  readonly suites?: readonly SuiteName[];
  /** The scenario files to play (default: the simulator's `scenarios/`). */
  readonly scenariosDir?: string;
  /** The behaviour catalogue (default: this package's behaviours.yaml). */
  readonly catalogue?: string;
  /** Called as each suite starts and ends (progress). */
  readonly onSuite?: (name: SuiteName, run?: SuiteRun) => void;
}

export interface ContractRun {
  /** Every suite passed, no behaviour failed, and (when every suite ran) every behaviour was verified. */
  readonly ok: boolean;
  readonly suites: readonly SuiteRun[];
  readonly results: readonly BehaviourResult[];
  readonly counts: Readonly<Record<Outcome, number>>;
}

function suiteOptions(name: SuiteName, scenariosDir: string | undefined) {
  const env = scenariosDir ? { [scenariosDirVariable]: scenariosDir } : undefined;
  if (name === 'rules') return { name, root: paths.rulesDir, filters: ['test/rules/'] };
  return { name, root: paths.packageDir, project: name, ...(env ? { env } : {}) };
}

/** Runs the suites through vitest's Node API and gives each documented behaviour the outcome its verifiers had. */
export async function runContracts(options: ContractOptions = {}): Promise<ContractRun> {
  const wanted = options.suites ?? suiteNames;
  const runs: Partial<Record<SuiteName, SuiteRun>> = {};
  for (const name of suiteNames) {
    if (!wanted.includes(name)) continue;
    options.onSuite?.(name);
    const run = await runSuite(suiteOptions(name, options.scenariosDir));
    runs[name] = run;
    options.onSuite?.(name, run);
  }
  const evidence: Evidence = {
    ...(runs.consumer ? { consumer: runs.consumer } : {}),
    ...(runs.provider ? { provider: runs.provider } : {}),
    ...(runs.scenarios ? { scenarios: runs.scenarios } : {}),
    ...(runs.rules ? { rules: runs.rules } : {}),
    interactions: pactInteractions(pactFile),
    scenarioFiles: loadScenarios(options.scenariosDir ?? defaultScenariosDir),
    roots: defaultRoots,
  };
  const results = behaviourResults(loadCatalogue(options.catalogue), evidence);
  const counts = { passed: 0, failed: 0, 'not run': 0 };
  for (const r of results) counts[r.outcome]++;
  const suites = suiteNames.flatMap((n) => (runs[n] ? [runs[n]] : []));
  const complete = suiteNames.every((n) => wanted.includes(n));
  return {
    ok: suites.every((s) => s.ok) && counts.failed === 0 && (!complete || counts['not run'] === 0),
    suites,
    results,
    counts,
  };
}
