import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startSmtpServer } from './mailbox.ts';
import './stack-info.ts';
import { startTestStack } from './test-stack.ts';

/** Every message the stack mails (reports, invitations), as the tests' SMTP server received it. */
const MAILBOX = path.resolve('test-results', 'mailbox');

/** The shared stack's own log (jobs, supervisor, server): `npm test` prints its tail when a test failed. */
const SERVER_LOG = path.resolve('test-results', 'server.log');

/**
 * Boots the real stack once per run and hands its addresses to every test
 * file, with a local SMTP server of the tests' own as its mail server. Its log goes to SERVER_LOG; STACK_LOG=1 prints it to stderr as well
 * (a 500's cause, as it happens).
 */
export default async function setup(project: TestProject) {
  mkdirSync(path.dirname(SERVER_LOG), { recursive: true });
  rmSync(SERVER_LOG, { force: true });
  const log = (line: string) => {
    appendFileSync(SERVER_LOG, `${new Date().toISOString()} ${line}\n`);
    if (process.env.STACK_LOG) console.error(`[stack] ${line}`);
  };
  rmSync(MAILBOX, { recursive: true, force: true });
  const smtp = await startSmtpServer(MAILBOX);
  const stack = await startTestStack(log, undefined, { SMTP_URL: smtp.url, MAIL_FROM: 'Live KPI <reports@test.example>' });
  project.provide('stack', stack.info);
  project.provide('mailbox', MAILBOX);
  project.provide('smtpUrl', smtp.url);
  return async () => {
    await stack.stop();
    await smtp.stop();
  };
}
