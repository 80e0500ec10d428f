import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryOfType, typeDefinitions } from './arbitrary.js';
import { codecOf, deserialize, serialize } from './wire.js';

const models = Object.keys(typeDefinitions)
  .filter((name) => name.includes('.industryData.') || name.endsWith('.entity'))
  .filter((name) => {
    try {
      codecOf(name);
      return true;
    } catch {
      return false; // enums have no codec
    }
  })
  .sort();

describe('property-based: random instances of every model survive JSON → model → JSON', () => {
  it('covers the flow set and every flow type', () => {
    expect(models).toEqual(
      expect.arrayContaining([
        'microsoft.graph.industryData.outboundProvisioningFlowSet',
        'microsoft.graph.industryData.classGroupProvisioningFlow',
        'microsoft.graph.industryData.userProvisioningFlow',
      ]),
    );
  });

  it.each(models)('%s', (name) => {
    const { factory, serializer } = codecOf(name);
    fc.assert(
      fc.property(arbitraryOfType(name), (json) => {
        if (json === null || typeof json !== 'object') return;
        expect(serialize(deserialize(json, factory), serializer)).toEqual(json);
      }),
      { numRuns: 60, seed: 20261122 },
    );
  });
});
