import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['development'] },
  test: {
    include: ['test/**/*.test.ts'],
    // Tests here extract the real corpus, run Spectral and spawn the command; turbo runs every package's
    // suite side by side on CI's two cores, so a test may wait on the others far past vitest's 5 s default.
    testTimeout: 60_000,
  },
});
