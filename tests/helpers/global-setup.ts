import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import './stack-info.ts';
import { startTestStack } from './test-stack.ts';

/** The shared stack's own log (jobs, supervisor, server): `npm test` prints its tail when a test failed. */
const SERVER_LOG = path.resolve('test-results', 'server.log');

/**
 * Boots the real stack once per run and hands its addresses to every test
 * file. Its log goes to SERVER_LOG; STACK_LOG=1 prints it to stderr as well
 * (a 500's cause, as it happens).
 */
export default async function setup(project: TestProject) {
  mkdirSync(path.dirname(SERVER_LOG), { recursive: true });
  rmSync(SERVER_LOG, { force: true });
  const log = (line: string) => {
    appendFileSync(SERVER_LOG, `${new Date().toISOString()} ${line}\n`);
    if (process.env.STACK_LOG) console.error(`[stack] ${line}`);
  };
  const stack = await startTestStack(log);
  project.provide('stack', stack.info);
  return () => stack.stop();
}
