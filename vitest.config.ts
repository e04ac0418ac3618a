import { defineConfig } from 'vitest/config';
import { SYNC_DEADLINE_MS } from './tests/helpers/deadlines.ts';

// Unit, integration and end-to-end tests share one run and one real stack
// (tests/helpers/global-setup.ts boots it once).
export default defineConfig({
  test: {
    root: '.',
    include: ['tests/**/*.test.ts'],
    // Run on their own afterwards (tests/faults/vitest.config.ts).
    exclude: ['tests/faults/**', 'node_modules/**'],
    environment: 'node',
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Most polls wait for another device, a cold client or the server, which
    // take seconds on a busy CI machine; vitest's own default is 1 s.
    expect: { poll: { timeout: SYNC_DEADLINE_MS } },
    // Two cores: run test files two at a time at most.
    maxWorkers: 2,
    pool: 'forks',
  },
});
