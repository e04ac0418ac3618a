import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * `npm test`: builds the web app (the end-to-end tests load it), runs every
 * vitest file against one real stack, then the fault tests (tests/faults/,
 * each with its own stack, one at a time), then prints the plain total as the
 * last line: "N passed, N failed[, N skipped]". Exits non-zero when anything
 * failed or when no test ran at all.
 *
 * `npm test -- <files or filters>` runs the main suite with them;
 * `npm run test:faults` (`--faults`) runs only the fault tests.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitestBin = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

async function runVitest(name: string, configFile: string, extraArgs: string[]): Promise<Totals> {
  const resultFile = path.join(root, 'test-results', `${name}.json`);
  await rm(resultFile, { force: true });
  const args = [
    vitestBin,
    'run',
    `--config=${configFile}`,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${resultFile}`,
    ...extraArgs,
  ];
  const code: number = await new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
    child.on('exit', (c) => resolve(c ?? 1));
  });
  const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
  try {
    const report = JSON.parse(await readFile(resultFile, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numFailedTestSuites: number;
    };
    totals.passed = report.numPassedTests;
    totals.failed =
      report.numFailedTests + (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? report.numFailedTestSuites : 0);
    totals.skipped = report.numPendingTests + report.numTodoTests;
  } catch {
    totals.failed = Math.max(totals.failed, 1);
    console.error(`The ${name} run produced no results file; counting it as a failure.`);
  }
  if (code !== 0 && totals.failed === 0) totals.failed = 1;
  return totals;
}

/**
 * After a failure, the end of one of the shared stack's logs: zero-cache's
 * (kept by tests/helpers/test-stack.ts), where sync stalls show, and the
 * server's own (tests/helpers/global-setup.ts), where failed and retried jobs show.
 */
async function printLogTail(file: string, what: string, lines = 80): Promise<void> {
  const text = await readFile(path.join(root, 'test-results', file), 'utf8').catch(() => '');
  if (!text) return;
  console.log(`--- last ${lines} lines of the test stack's ${what} (test-results/${file})`);
  console.log(text.trimEnd().split('\n').slice(-lines).join('\n'));
}

const argv = process.argv.slice(2);
const onlyFaults = argv.includes('--faults');
const filters = argv.filter((a) => a !== '--faults');
const runs: Totals[] = [];
if (!onlyFaults) {
  // Test mode keeps the end-to-end test hook (window.__liveKpi) that
  // production builds leave out (web/features/sync/zero-root.tsx).
  await build({ root: path.join(root, 'web'), configFile: path.join(root, 'vite.config.ts'), mode: 'test', logLevel: 'warn' });
  for (const log of ['zero-cache.log', 'server.log']) await rm(path.join(root, 'test-results', log), { force: true });
  const main = await runVitest('vitest', path.join(root, 'vitest.config.ts'), filters);
  runs.push(main);
  if (main.failed > 0) {
    await printLogTail('zero-cache.log', 'zero-cache log');
    await printLogTail('server.log', 'server log (jobs, supervisor)', 40);
  }
}
// A filtered run of the main suite (one file while working) skips the fault tests.
if (onlyFaults || filters.length === 0) {
  runs.push(await runVitest('faults', path.join(root, 'tests', 'faults', 'vitest.config.ts'), []));
}
const passed = runs.reduce((n, r) => n + r.passed, 0);
const failed = runs.reduce((n, r) => n + r.failed, 0);
const skipped = runs.reduce((n, r) => n + r.skipped, 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
