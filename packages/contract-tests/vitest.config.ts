import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['development'] },
  test: {
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
      { extends: true, test: { name: 'catalogue', include: ['test/catalogue/**/*.test.ts'] } },
    ],
  },
});
