/** @module Vitest: small (pure) and medium (real database, in-process HTTP) tiers; e2e runs in Playwright. */
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'content/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    globalSetup: ['tests/setup/global-setup.ts'],
    setupFiles: ['tests/setup/fail-on-console-error.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest leaves a core free by default, which on CI's two cores means one file at a time. The medium tests wait on
    // PostgreSQL and PGlite's I/O as much as they compute, so two at a time finish the suite in about 60 % of the time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
