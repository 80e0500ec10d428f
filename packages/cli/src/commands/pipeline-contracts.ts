import { existsSync, readdirSync, statSync } from 'node:fs';
import type { ContractRun } from '@sds-toolkit/contract-tests';
import { userPath } from '../args.js';
import { UsageError } from '../errors.js';
import type { CliIO } from '../io.js';
import type { BehaviourRow, PipelineReport } from './pipeline-report.js';

/** `--scenarios <dir>`: a folder of scenario files to play instead of the simulator's own. */
export function scenariosFolder(io: CliIO, given: string | undefined): string | undefined {
  if (given === undefined) return undefined;
  const path = userPath(io, given);
  if (!existsSync(path) || !statSync(path).isDirectory())
    throw new UsageError(
      `--scenarios ${given} is not a folder: give the folder of the scenario files (*.yaml)`,
    );
  // Checked here, not left to the suites: an empty folder ran every suite for half a minute and ended in
  // vitest's "No test suite found" and an 88-line diff.
  if (!readdirSync(path).some((file) => /\.ya?ml$/.test(file)))
    throw new UsageError(
      `--scenarios ${given} holds no scenario file (*.yaml): give the folder that holds them (the simulator's own: packages/simulator/scenarios)`,
    );
  return path;
}

/** A contract run as the reports show it: the suites, and each behaviour with its verifiers. */
export function contractsOf(run: ContractRun): NonNullable<PipelineReport['contracts']> {
  return {
    suites: run.suites.map(({ name, ok, passed, failed, notRun, durationMs }) => ({
      name,
      ok,
      passed,
      failed,
      notRun,
      durationMs,
    })),
    behaviours: run.results.map(
      (r): BehaviourRow => ({
        id: r.behaviour.id,
        behaviour: r.behaviour.behaviour,
        docs: r.behaviour.docs,
        outcome: r.outcome,
        verifiers: r.verifiers,
      }),
    ),
  };
}
