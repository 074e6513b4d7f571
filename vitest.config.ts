import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    // PGlite boots in seconds on a 2-core machine; the shared instance makes later tests fast.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
