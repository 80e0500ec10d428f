import { describe, expect, it } from 'vitest';
import {
  consumerTestNames,
  describeVerifier,
  documentedOperations,
  loadCatalogue,
  loadUncovered,
  pactInteractions,
  rulesWithTests,
  scenarioSteps,
} from '../../src/catalogue.js';
import { pactFile } from '../../src/names.js';

const catalogue = loadCatalogue();

describe('the behaviour catalogue', () => {
  it('every documented operation and status has a behaviour, or is listed as not covered yet', () => {
    const covered = new Set(catalogue.map((b) => `${b.operation} ${b.status}`));
    const listed = new Set(loadUncovered().operations.map((o) => `${o.operation} ${o.status}`));
    const documented = documentedOperations().map((o) => `${o.id} ${o.status}`);
    expect(documented.filter((o) => !covered.has(o) && !listed.has(o))).toEqual([]);
    // A listed operation that a behaviour now covers, or that the spec no longer has, must leave the list.
    expect([...listed].filter((o) => covered.has(o) || !documented.includes(o))).toEqual([]);
  });

  it('every rule of the rules package has a behaviour, and a table test', () => {
    const rules = rulesWithTests();
    const covered = new Set(
      catalogue
        .flatMap((b) => b.verifiedBy.map(describeVerifier))
        .filter((v) => v.kind === 'rule')
        .map((v) => v.ref),
    );
    expect([...rules.keys()].filter((id) => !covered.has(id))).toEqual([]);
    expect([...rules].filter(([, tested]) => !tested).map(([id]) => id)).toEqual([]);
  });

  it('every behaviour has at least one verifying test, and every verifier points at a real test', () => {
    const consumers = consumerTestNames();
    const scenarios = scenarioSteps();
    const rules = rulesWithTests();
    const interactions = pactInteractions(pactFile);
    const dangling: string[] = [];
    for (const b of catalogue) {
      if (b.verifiedBy.length === 0) dangling.push(`${b.id}: no verifying test`);
      for (const v of b.verifiedBy.map(describeVerifier)) {
        const found =
          v.kind === 'consumer'
            ? consumers.has(v.ref)
            : v.kind === 'scenario'
              ? scenarios.has(v.ref)
              : v.kind === 'rule'
                ? rules.has(v.ref)
                : v.kind === 'pact'
                  ? interactions.has(v.ref)
                  : false;
        if (!found) dangling.push(`${b.id}: ${v.kind} "${v.ref}" not found`);
      }
    }
    expect(dangling).toEqual([]);
  });
});
