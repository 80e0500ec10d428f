import { describe, expect, it } from 'vitest';
import { apiReport } from '../scripts/api-report.js';

// The public surface is a decision: api/rules.api.md is committed, and this fails when the sources say
// something else. After an intended change: `pnpm --filter @sds-toolkit/rules api`, and commit the report.
describe('the API report (API Extractor)', () => {
  it('api/rules.api.md is what the package exports', () => {
    const { changed, succeeded, messages } = apiReport(false);
    expect(messages.filter((m) => !m.includes('You have changed the public API signature'))).toEqual([]);
    expect(changed, 'the public API changed: run `pnpm --filter @sds-toolkit/rules api`').toBe(false);
    expect(succeeded).toBe(true);
  }, 120_000);
});
