import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pactFile } from '../../src/names.js';
import { verificationTestName } from '../../src/outcomes.js';
import { verifyProvider } from '../../src/verify.js';

describe('provider: the simulator honours every consumer pact', () => {
  it('the consumer tests wrote the pact (turbo and the test script run the consumer first)', () => {
    expect(
      existsSync(pactFile),
      `${pactFile} is missing: run the consumer tests first (pnpm test runs both in order)`,
    ).toBe(true);
  });

  it('holds each interaction once, as the current consumer tests wrote it', () => {
    const pact = JSON.parse(readFileSync(pactFile, 'utf8')) as {
      interactions: { description: string; providerStates?: unknown }[];
    };
    const keys = pact.interactions.map((i) => `${i.description} | ${JSON.stringify(i.providerStates ?? [])}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  // Named by a constant: `pact:` behaviours take their outcome from this test.
  it(verificationTestName, async () => {
    await expect(verifyProvider()).resolves.toBeUndefined();
  });
});
