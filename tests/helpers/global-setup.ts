import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadEnv } from '../../server/env.ts';
import { freePort } from '../../server/stack/ports.ts';
import { startStack } from '../../server/stack/run-stack.ts';

export interface StackInfo {
  url: string;
  zeroURL: string;
  /** Superuser URL: for test set-up and for reading what was written. */
  databaseUrl: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

/** Boots the real stack once per run: embedded Postgres, migrations, server, zero-cache. */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'live-kpi-test-'));
  const port = await freePort();
  let zeroPort = await freePort();
  while (zeroPort === port) zeroPort = await freePort();
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
  });
  const lines: string[] = [];
  const stack = await startStack(env, {
    webDist: path.resolve('web/dist'),
    zeroEnv: { ZERO_LOG_LEVEL: 'warn' },
    log: (l) => lines.push(l),
  });
  project.provide('stack', {
    url: `http://localhost:${port}`,
    zeroURL: `http://localhost:${zeroPort}`,
    databaseUrl: stack.databaseUrl,
  });
  return async () => {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
