import { ruleIds } from '@sds-toolkit/rules';
import { documentedBehaviours } from '@sds-toolkit/simulator';
import { describe, expect, it } from 'vitest';
import {
  consumerTestNames,
  describeVerifier,
  documentedOperations,
  loadCatalogue,
  pactInteractions,
  scenarioSteps,
} from '../../src/catalogue.js';
import { pactFile } from '../../src/names.js';
import { defaultScenariosDir, scenariosDirVariable } from '../../src/scenarios.js';

const catalogue = loadCatalogue();
const scenariosDir = process.env[scenariosDirVariable] || defaultScenariosDir;
const verifiers = catalogue.flatMap((b) => b.verifiedBy.map((v) => ({ id: b.id, ...describeVerifier(v) })));

describe('the behaviour catalogue', () => {
  it('every documented operation has a behaviour at its documented success status', () => {
    const covered = new Set(catalogue.map((b) => `${b.operation} ${b.status}`));
    const missing = documentedOperations()
      .map((o) => `${o.id} ${o.status}`)
      .filter((o) => !covered.has(o));
    expect(missing).toEqual([]);
  });

  it('a behaviour names an operation of the spec, at that operation’s success status', () => {
    const documented = new Map(documentedOperations().map((o) => [o.id, o.status]));
    const wrong = catalogue
      .filter((b) => b.operation !== undefined)
      .filter((b) => documented.get(b.operation ?? '') !== b.status)
      .map((b) => `${b.id}: ${b.operation} ${b.status}`);
    expect(wrong).toEqual([]);
  });

  it('ids are unique, and every behaviour cites the page it comes from', () => {
    const ids = catalogue.map((b) => b.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(
      catalogue.filter((b) => !/^(api-reference\/beta\/.+\.md|https:\/\/)/.test(b.docs)).map((b) => b.id),
    ).toEqual([]);
  });

  it('every rule the rules package exports has a behaviour', () => {
    const covered = new Set(verifiers.filter((v) => v.kind === 'rule').map((v) => v.ref));
    expect(ruleIds.filter((id) => !covered.has(id))).toEqual([]);
  });

  it('every behaviour module of the simulator is a behaviour here, by its id, citing the same page', () => {
    const here = new Map(catalogue.map((b) => [b.id, b.docs]));
    const missing = documentedBehaviours
      .filter((b) => here.get(b.id) !== b.docs)
      .map((b) => `${b.id} (${b.docs}): ${here.has(b.id) ? `cites ${here.get(b.id)}` : 'missing'}`);
    expect(missing).toEqual([]);
  });

  it('every behaviour has a verifier, and every verifier names a test that exists', async () => {
    const consumers = await consumerTestNames();
    const steps = scenarioSteps(scenariosDir);
    const interactions = pactInteractions(pactFile);
    const exists: Record<string, (ref: string) => boolean> = {
      consumer: (ref) => consumers.has(ref),
      scenario: (ref) => steps.has(ref),
      rule: (ref) => ruleIds.includes(ref),
      pact: (ref) => interactions.has(ref),
    };
    const dangling = [
      ...catalogue.filter((b) => b.verifiedBy.length === 0).map((b) => `${b.id}: no verifier`),
      ...verifiers
        .filter((v) => !exists[v.kind]?.(v.ref))
        .map((v) => `${v.id}: ${v.kind} "${v.ref}" not found`),
    ];
    expect(dangling).toEqual([]);
  }, 60_000);
});
