import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['development'] },
  test: {
    include: ['test/**/*.test.ts'],
    // Each case cruises a workspace or runs turbo twice: seconds on a busy two-core machine, not milliseconds.
    testTimeout: 60_000,
  },
});
