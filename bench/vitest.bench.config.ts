import { defineConfig } from 'vitest/config';

/** Benchmarks print numbers; they assert nothing about time. Run: npx vitest run --config bench/vitest.bench.config.ts */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['bench/**/*.bench.ts'],
    testTimeout: 300_000,
    pool: 'forks',
  },
});
