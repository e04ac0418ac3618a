import { defineConfig } from 'vitest/config';
import { SYNC_DEADLINE_MS } from './tests/helpers/deadlines.ts';

// Three projects in one run (`npm test` runs them all; tests/run.ts):
// - unit: pure code, no stack, no build (`npm run test:unit`, seconds);
// - bundle: builds the production web bundle and inspects it, no stack;
// - stack: integration and end-to-end tests against one real stack, which
//   tests/helpers/global-setup.ts boots once, and only when a file of this
//   project runs (vitest runs a project's globalSetup only then).
// The fault tests run on their own afterwards (tests/faults/vitest.config.ts).
const UNIT = 'tests/unit/**/*.test.ts';
const BUNDLE = 'tests/bundle/**/*.test.ts';

export default defineConfig({
  test: {
    root: '.',
    environment: 'node',
    // Room for two waits across sync that each meet a stall (tests/helpers/deadlines.ts).
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Most polls wait for another device, a cold client or the server, which
    // take seconds on a busy CI machine; vitest's own default is 1 s.
    expect: { poll: { timeout: SYNC_DEADLINE_MS } },
    // Two cores: run test files two at a time at most.
    maxWorkers: 2,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: [UNIT] } },
      // A production build takes a while on a busy machine.
      { extends: true, test: { name: 'bundle', include: [BUNDLE], testTimeout: 300_000 } },
      {
        extends: true,
        test: {
          name: 'stack',
          include: ['tests/**/*.test.ts'],
          exclude: [UNIT, BUNDLE, 'tests/faults/**', 'node_modules/**'],
          globalSetup: ['tests/helpers/global-setup.ts'],
        },
      },
    ],
  },
});
