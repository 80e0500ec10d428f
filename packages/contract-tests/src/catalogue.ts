import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

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
  catalogue: here('../behaviours.yaml'),
  consumerTests: here('../test/consumer/'),
  scenarios: here('../../simulator/scenarios/'),
  rules: here('../../rules/src/rules/'),
  ruleTests: here('../../rules/test/rules/'),
  spec: here('../../../specs/industrydata/openapi.yaml'),
};

export function loadCatalogue(): Behaviour[] {
  return (parse(readFileSync(paths.catalogue, 'utf8')) as { behaviours: Behaviour[] }).behaviours;
}

/** Operations no behaviour covers yet, and why (the `uncovered` section of behaviours.yaml). */
export interface Uncovered {
  readonly why: string;
  readonly operations: readonly { readonly operation: string; readonly status: number }[];
}

export function loadUncovered(): Uncovered {
  const { uncovered } = parse(readFileSync(paths.catalogue, 'utf8')) as { uncovered?: Uncovered };
  return uncovered ?? { why: '', operations: [] };
}

/** The kind and text of a verifier: `consumer`, "create a flow set: 201 …". */
export function describeVerifier(v: Verifier): { kind: string; ref: string } {
  const [kind = '', ref = ''] = Object.entries(v)[0] ?? [];
  return { kind, ref: String(ref) };
}

/** Consumer test names, as written in `it(…)` / `it.each(…)(…)` in the consumer test files. */
export function consumerTestNames(): Set<string> {
  const names = new Set<string>();
  for (const file of readdirSync(paths.consumerTests).filter((f) => f.endsWith('.test.ts'))) {
    const text = readFileSync(paths.consumerTests + file, 'utf8');
    for (const m of text.matchAll(/\bit(?:\.each\([^)]*\))?\(\s*'([^']+)'/g)) names.add(m[1] ?? '');
  }
  return names;
}

export function scenarioSteps(): Set<string> {
  const steps = new Set<string>();
  for (const file of readdirSync(paths.scenarios).filter((f) => f.endsWith('.yaml'))) {
    const scenario = parse(readFileSync(paths.scenarios + file, 'utf8')) as { steps: { name?: string }[] };
    for (const step of scenario.steps) if (step.name) steps.add(`${file}#${step.name}`);
  }
  return steps;
}

/** Rule ids defined in the rules package (one file per rule) that have their table test. */
export function rulesWithTests(): Map<string, boolean> {
  const rules = new Map<string, boolean>();
  for (const file of readdirSync(paths.rules).filter((f) => f.endsWith('.ts') && f !== 'index.ts')) {
    const id = /id: '([^']+)'/.exec(readFileSync(paths.rules + file, 'utf8'))?.[1];
    if (id) rules.set(id, existsSync(`${paths.ruleTests}${file.replace(/\.ts$/, '.test.ts')}`));
  }
  return rules;
}

/** Operations and success statuses documented in the spec. */
export function documentedOperations(): { id: string; status: number; docs: string }[] {
  const spec = parse(readFileSync(paths.spec, 'utf8')) as {
    paths: Record<
      string,
      Record<string, { operationId?: string; responses?: Record<string, unknown>; 'x-docs-source'?: string }>
    >;
  };
  const ops: { id: string; status: number; docs: string }[] = [];
  for (const item of Object.values(spec.paths)) {
    for (const op of Object.values(item)) {
      if (!op.operationId) continue;
      const status = Object.keys(op.responses ?? {}).find((c) => /^2\d\d$/.test(c));
      ops.push({
        id: op.operationId,
        status: Number(status),
        docs: op['x-docs-source']?.split('#')[0] ?? '',
      });
    }
  }
  return ops;
}

/** Interaction descriptions in a pact file. */
export function pactInteractions(file: string): Set<string> {
  if (!existsSync(file)) return new Set();
  const pact = JSON.parse(readFileSync(file, 'utf8')) as { interactions: { description: string }[] };
  return new Set(pact.interactions.map((i) => i.description));
}
