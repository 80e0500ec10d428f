import { fileURLToPath } from 'node:url';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { describe, expect, it } from 'vitest';

// The public surface is a decision: api/client.api.md is committed, and this fails when the built
// declarations (turbo builds before the tests) say something else. After an intended change:
// `pnpm --filter @sds-toolkit/client build && pnpm --filter @sds-toolkit/client api`, and commit the report.
describe('the API report (API Extractor)', () => {
  it('api/client.api.md is what the package exports', () => {
    const config = ExtractorConfig.loadFileAndPrepare(
      fileURLToPath(new URL('../api-extractor.json', import.meta.url)),
    );
    const messages: string[] = [];
    const result = Extractor.invoke(config, {
      localBuild: false,
      messageCallback: (message) => {
        if (message.logLevel === 'error' || message.logLevel === 'warning') messages.push(message.text);
        message.handled = true;
      },
    });
    expect(messages).toEqual([]);
    expect(
      result.apiReportChanged,
      'the public API changed: run `pnpm --filter @sds-toolkit/client api`',
    ).toBe(false);
    expect(result.succeeded).toBe(true);
  }, 60_000);
});
