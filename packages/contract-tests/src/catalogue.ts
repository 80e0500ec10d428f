import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildCatalogue, loadDefaultSpec } from '@sds-toolkit/rules';
import { parse } from 'yaml';
import { defaultScenariosDir, loadScenarios, stepTitle } from './scenarios.js';

export type Verifier = { consumer: string } | { pact: string } | { scenario: string } | { rule: string };

export interface Behaviour {
  readonly id: string;
  readonly operation?: string;
  readonly status?: number;
  readonly behaviour: string;
  readonly docs: string;
  readonly verifiedBy: readonly Verifier[];
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
export const paths = {
  packageDir: here('../'),
  catalogue: here('../behaviours.yaml'),
  rulesDir: here('../../rules/'),
  spec: here('../../../specs/industrydata/openapi.yaml'),
};

export function loadCatalogue(file = paths.catalogue): Behaviour[] {
  return (parse(readFileSync(file, 'utf8')) as { behaviours: Behaviour[] }).behaviours;
}

/** The kind and text of a verifier: `consumer`, "create a flow set: 201 …". */
export function describeVerifier(v: Verifier): { kind: string; ref: string } {
  const [kind = '', ref = ''] = Object.entries(v)[0] ?? [];
  return { kind, ref: String(ref) };
}

/** Every step of the scenario files, as `scenario:` entries name them (`file#step name`). */
export function scenarioSteps(dir = defaultScenariosDir): Set<string> {
  return new Set(
    loadScenarios(dir).flatMap((s) => s.steps.map((step, index) => stepTitle(s.file, step, index))),
  );
}

/**
 * Operations and success statuses documented in the spec, with the page each comes from: the rules' catalogue
 * of the spec (one reading of the success status for every package), and the page its source line cites.
 */
export function documentedOperations(): { id: string; status: number; docs: string }[] {
  const spec = loadDefaultSpec();
  return [...buildCatalogue(spec).operations.values()].map((op) => {
    const [, operation] =
      Object.entries(spec.paths[op.path] ?? {}).find(([method]) => method === op.method) ?? [];
    const source = typeof operation === 'object' ? operation['x-docs-source'] : undefined;
    return {
      id: op.id,
      status: op.successStatus,
      docs: typeof source === 'string' ? (source.split('#')[0] ?? '') : '',
    };
  });
}

/** Interaction descriptions in a pact file. */
export function pactInteractions(file: string): Set<string> {
  if (!existsSync(file)) return new Set();
  const pact = JSON.parse(readFileSync(file, 'utf8')) as { interactions: { description: string }[] };
  return new Set(pact.interactions.map((i) => i.description));
}

/**
 * The consumer tests' names as vitest's own static parser reads them from the files (it.each names as
 * written, with their %s), without running them.
 */
export async function consumerTestNames(): Promise<Set<string>> {
  const { createVitest } = await import('vitest/node');
  const vitest = await createVitest('test', {
    root: paths.packageDir,
    project: ['consumer'],
    watch: false,
    reporters: [{}],
  });
  try {
    const modules = await vitest.experimental_parseSpecifications(await vitest.globTestSpecifications());
    return new Set(modules.flatMap((m) => [...m.children.allTests()].map((t) => t.name)));
  } finally {
    await vitest.close();
  }
}
