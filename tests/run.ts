import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * `npm test`: builds the web app (the end-to-end tests load it), runs every
 * vitest file against one real stack, then prints the plain total as the last
 * line: "N passed, N failed[, N skipped]". Exits non-zero when anything
 * failed or when no test ran at all.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultFile = path.join(root, 'test-results', 'vitest.json');

await build({ root: path.join(root, 'web'), configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
await rm(resultFile, { force: true });

const vitestBin = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const args = [
  vitestBin,
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${resultFile}`,
  ...process.argv.slice(2),
];
const code: number = await new Promise((resolve) => {
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
  child.on('exit', (c) => resolve(c ?? 1));
});

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const report = JSON.parse(await readFile(resultFile, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numFailedTestSuites: number;
  };
  passed = report.numPassedTests;
  failed =
    report.numFailedTests + (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? report.numFailedTestSuites : 0);
  skipped = report.numPendingTests + report.numTodoTests;
} catch {
  failed = Math.max(failed, 1);
  console.error('The test run produced no results file; counting it as a failure.');
}
if (code !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
