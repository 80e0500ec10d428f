import { defineConfig } from 'vitest/config';
import type { TestCase, TestModule, TestSuite } from 'vitest/node';

/**
 * Negative tests: Pact prints its failure report and an ERROR line for them, which is what they expect.
 * The log says so, so that a reader does not take them for failures.
 */
const negativeTests: Record<string, string> = {
  'test/provider/wrong-provider.test.ts':
    'verifies the pact against a deliberately wrong provider (200 instead of 204): the Pact failure report and "Verification unsuccessful" ERROR are expected',
};

const negativeReason = (module: TestModule | undefined) =>
  module && Object.entries(negativeTests).find(([file]) => module.moduleId.endsWith(file));

export default defineConfig({
  resolve: { conditions: ['development'] },
  test: {
    // Pact's native core announces anonymous usage tracking in every process unless this is set.
    env: { PACT_DO_NOT_TRACK: process.env.PACT_DO_NOT_TRACK ?? 'true' },
    reporters: [
      'default',
      {
        onTestModuleStart(module: TestModule) {
          const negative = negativeReason(module);
          if (negative) process.stdout.write(`\n[negative test] ${negative[0]} ${negative[1]}\n`);
        },
      },
    ],
    onConsoleLog(log: string, _type, entity: TestModule | TestSuite | TestCase | undefined) {
      const module = entity && ('module' in entity ? entity.module : entity);
      const negative = negativeReason(module);
      if (negative && log.includes('Verification unsuccessful')) {
        process.stdout.write(
          `[negative test] ${negative[0]}: Pact logged "Verification unsuccessful", as expected\n`,
        );
        return false;
      }
    },
    projects: [
      // Pact's native core does not survive worker threads: forks, one file at a time.
      {
        extends: true,
        test: {
          name: 'consumer',
          include: ['test/consumer/**/*.test.ts'],
          globalSetup: ['test/consumer/reset-pact.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'provider',
          include: ['test/provider/**/*.test.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
      // The simulator's scenario files, a test per step: where `scenario:` behaviours take their outcome.
      { extends: true, test: { name: 'scenarios', include: ['test/scenarios/**/*.test.ts'] } },
      { extends: true, test: { name: 'catalogue', include: ['test/catalogue/**/*.test.ts'] } },
      // runContracts itself: it runs suites through vitest's Node API (the scenario files, in temporary copies).
      {
        extends: true,
        test: {
          name: 'runner',
          include: ['test/runner/**/*.test.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 180_000,
        },
      },
    ],
  },
});
