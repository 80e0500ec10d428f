import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentedOperations, loadCatalogue, loadUncovered } from './catalogue.js';
import { pactFile } from './names.js';
import { type BehaviourResult, behaviourResults, type Outcome, uncoveredResults } from './report.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

export interface VitestJson {
  testResults: {
    assertionResults: { title: string; fullName: string; status: string; failureMessages?: string[] }[];
  }[];
}

export interface VitestOutcomes {
  readonly passed: number;
  readonly failed: number;
  /** Each failed test: its full name, then the first lines of its failure message. */
  readonly failures: readonly string[];
  /** Test title → outcome. */
  readonly outcomes: readonly (readonly [string, Outcome])[];
}

/** What a vitest JSON report (`--reporter=json`) says: counts, outcomes by title, and why each failure failed. */
export function readVitestReport(json: VitestJson): VitestOutcomes {
  let passed = 0;
  let failed = 0;
  const failures: string[] = [];
  const outcomes: [string, Outcome][] = [];
  for (const file of json.testResults) {
    for (const t of file.assertionResults) {
      const outcome: Outcome =
        t.status === 'passed' ? 'passed' : t.status === 'failed' ? 'failed' : 'not run';
      if (outcome === 'passed') passed++;
      if (outcome === 'failed') {
        failed++;
        const lines = (t.failureMessages ?? []).join('\n').split('\n').slice(0, 8);
        failures.push([t.fullName, ...lines].join('\n    '));
      }
      outcomes.push([t.title, outcome]);
    }
  }
  return { passed, failed, failures, outcomes };
}

export interface ContractRun {
  readonly ok: boolean;
  readonly projects: readonly {
    readonly name: string;
    readonly ok: boolean;
    readonly passed: number;
    readonly failed: number;
    /** Each failed test: its full name, then the first lines of its failure message. */
    readonly failures: readonly string[];
    readonly output: string;
  }[];
  readonly results: readonly BehaviourResult[];
}

/** Runs the consumer tests, then the provider verification, then the catalogue check, and maps the outcomes. */
export function runContracts(): ContractRun {
  // vitest does not export its bin file: find the package and take the bin it declares.
  const vitestPackage = createRequire(join(packageDir, 'package.json')).resolve('vitest/package.json');
  const vitest = join(
    vitestPackage,
    '..',
    (JSON.parse(readFileSync(vitestPackage, 'utf8')) as { bin: Record<string, string> }).bin.vitest ??
      'vitest.mjs',
  );
  const work = mkdtempSync(join(tmpdir(), 'sds-contracts-'));
  const titles = new Map<string, Outcome>();
  const projects: ContractRun['projects'][number][] = [];
  try {
    for (const name of ['consumer', 'provider', 'catalogue']) {
      const out = join(work, `${name}.json`);
      const run = spawnSync(
        process.execPath,
        [vitest, 'run', '--project', name, '--reporter=json', `--outputFile=${out}`],
        {
          cwd: packageDir,
          encoding: 'utf8',
          env: { ...process.env, FORCE_COLOR: '0' },
        },
      );
      let report: VitestOutcomes;
      try {
        report = readVitestReport(JSON.parse(readFileSync(out, 'utf8')) as VitestJson);
      } catch {
        report = {
          passed: 0,
          failed: 1,
          outcomes: [],
          failures: [
            `vitest wrote no readable report for the ${name} tests; the end of its output:\n${`${run.stdout}${run.stderr}`.split('\n').slice(-30).join('\n')}`,
          ],
        };
      }
      for (const [title, outcome] of report.outcomes) titles.set(`${name}|${title}`, outcome);
      const { passed, failed, failures } = report;
      projects.push({
        name,
        ok: run.status === 0,
        passed,
        failed,
        failures,
        output: `${run.stdout}${run.stderr}`,
      });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const provider = projects.find((p) => p.name === 'provider');
  const scenarioOutcome: Outcome = 'passed'; // scenario files run in the simulator's own test suite (pnpm test)
  const results = behaviourResults(loadCatalogue(), (kind, ref) => {
    if (kind === 'consumer') {
      const exact = titles.get(`consumer|${ref}`);
      if (exact) return exact;
      // it.each titles are expanded: "create a %s flow: 201" → "create a classGroup flow: 201", …
      const pattern = new RegExp(`^${ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('%s', '.+')}$`);
      const matches = [...titles].filter(
        ([k]) => k.startsWith('consumer|') && pattern.test(k.slice('consumer|'.length)),
      );
      if (matches.length === 0) return 'not run';
      return matches.every(([, o]) => o === 'passed') ? 'passed' : 'failed';
    }
    if (kind === 'pact') {
      if (!provider) return 'not run';
      const known = readFileSync(pactFile, 'utf8').includes(JSON.stringify(ref));
      return known ? (provider.ok ? 'passed' : 'failed') : 'not run';
    }
    if (kind === 'rule')
      return (
        titles.get('catalogue|every rule of the rules package has a behaviour, and a table test') ?? 'not run'
      );
    return scenarioOutcome;
  });
  return {
    ok: projects.every((p) => p.ok),
    projects,
    results: [...results, ...uncoveredResults(loadUncovered(), documentedOperations())],
  };
}
