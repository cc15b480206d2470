import { defineConfig } from 'vitest/config';

/**
 * Two projects: unit tests (test/unit) run in parallel; end-to-end tests (test/e2e) build the whole
 * site, so they get long timeouts and run one file at a time, after the unit tests, so that two
 * Astro builds never compete for the same cores.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
