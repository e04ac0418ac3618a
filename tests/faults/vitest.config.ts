import { defineConfig } from 'vitest/config';

// Tests that start their own `npm start` stack in a child process and break
// it on purpose (kill its parts, list its sockets). They run after the main
// suite, one file at a time and with no shared stack, so that recovery times
// measure the stack, not the other test files competing for two cores.
export default defineConfig({
  test: {
    root: '.',
    include: ['tests/faults/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    maxWorkers: 1,
    pool: 'forks',
  },
});
