import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveZeroAdminPassword } from '../../server/auth/secret.ts';
import { loadEnv } from '../../server/env.ts';
import { freePort, freePortPair } from '../../server/stack/ports.ts';
import { startStack } from '../../server/stack/run-stack.ts';
import { scriptedChatModel } from './chat-model.ts';
import type { StackInfo } from './stack-info.ts';

/** Tests re-check sessions every 3 s (the product: 60 s), so a revoked one is seen soon. */
const TEST_ZERO_ENV = { ZERO_LOG_LEVEL: 'warn', ZERO_AUTH_REVALIDATE_INTERVAL_SECONDS: '3' };

/** The test stack's CHAT_MESSAGES_PER_HOUR. */
export const CHAT_TEST_HOURLY_LIMIT = 8;

/** Where the last run's zero-cache log is kept: `npm test` prints its tail when a test failed. */
export const KEPT_ZERO_CACHE_LOG = path.resolve('test-results', 'zero-cache.log');

/** Keeps zero-cache's log (warnings and errors at the tests' level) after the stack's folder is removed. */
async function keepZeroCacheLog(dataDir: string): Promise<void> {
  await mkdir(path.dirname(KEPT_ZERO_CACHE_LOG), { recursive: true });
  await copyFile(path.join(dataDir, 'zero-cache.log'), KEPT_ZERO_CACHE_LOG).catch(() => {});
}

/**
 * The real stack on free ports with its data in a temporary folder:
 * embedded Postgres, migrations, the server (serving web/dist) and zero-cache.
 */
export async function startTestStack(
  log: (line: string) => void = () => {},
  /** zero-cache settings over the product's; by default the tests' quick session revalidation. */
  zeroEnv: Record<string, string> = TEST_ZERO_ENV,
  /** More server settings (the tests' SMTP_URL). */
  extraEnv: Record<string, string> = {},
): Promise<{ info: StackInfo; stop(): Promise<void> }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'live-kpi-test-'));
  const port = await freePort();
  const zeroPort = await freePortPair([port]);
  const env = loadEnv({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    PORT: String(port),
    ZERO_PORT: String(zeroPort),
    PG_PORT: String(await freePort()),
    SEED_DEMO: 'false',
    // Test people each present their own address through X-Forwarded-For,
    // so the per-client auth rate limits apply per person as in production.
    TRUST_PROXY: 'loopback',
    ...extraEnv,
    // Low enough that a test reaches the chat's hourly limit in a few questions (each test has its own organization).
    CHAT_MESSAGES_PER_HOUR: String(CHAT_TEST_HOURLY_LIMIT),
    // A report e-mail refused for now is tried again after a second, not a minute.
    REPORT_SEND_RETRY_SECONDS: '1',
  });
  const stack = await startStack(env, {
    webDist: path.resolve('web/dist'),
    zeroEnv,
    log,
    // OpenAI is out of reach: the chat's model is the AI SDK's mock, scripted by markers in each question.
    chatModel: scriptedChatModel(),
  });
  return {
    info: {
      url: `http://localhost:${port}`,
      zeroURL: `http://localhost:${zeroPort}`,
      databaseUrl: stack.databaseUrls.admin,
      appDatabaseUrl: stack.databaseUrls.app,
      authDatabaseUrl: stack.databaseUrls.auth,
      zeroAdminPassword: await resolveZeroAdminPassword(env),
    },
    stop: async () => {
      await stack.stop();
      await keepZeroCacheLog(dataDir);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
