import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['development'] },
  test: {
    include: ['test/**/*.test.ts'],
    // turbo runs every package's suite side by side on CI's two cores: a test may wait on the others far past
    // vitest's 5 s default. Speed is measured by the benchmarks, never by a test's timeout.
    testTimeout: 60_000,
    // The database tests' setup and clean-up (a PostgreSQL cluster started or stopped, schemas dropped) wait on
    // the disk, slow while every suite runs.
    hookTimeout: 120_000,
  },
});
