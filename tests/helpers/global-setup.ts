import type { TestProject } from 'vitest/node';
import './stack-info.ts';
import { startTestStack } from './test-stack.ts';

/** Boots the real stack once per run and hands its addresses to every test file. */
export default async function setup(project: TestProject) {
  const stack = await startTestStack();
  project.provide('stack', stack.info);
  return () => stack.stop();
}
