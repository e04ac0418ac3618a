import type { TestProject } from 'vitest/node';
import './stack-info.ts';
import { startTestStack } from './test-stack.ts';

/**
 * Boots the real stack once per run and hands its addresses to every test
 * file. STACK_LOG=1 prints the server's log (a 500's cause, say) to stderr.
 */
export default async function setup(project: TestProject) {
  const stack = await startTestStack(process.env.STACK_LOG ? (line) => console.error(`[stack] ${line}`) : undefined);
  project.provide('stack', stack.info);
  return () => stack.stop();
}
