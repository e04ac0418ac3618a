import { defineConfig } from 'vitest/config';

// Unit, integration and end-to-end tests share one run and one real stack
// (tests/helpers/global-setup.ts boots it once).
export default defineConfig({
  test: {
    root: '.',
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: run test files two at a time at most.
    maxWorkers: 2,
    pool: 'forks',
  },
});
