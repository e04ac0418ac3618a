import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { serve } from '@hono/node-server';
import type { LanguageModel } from 'ai';
import { startEmbeddedPostgres } from '../../db/embedded-postgres.ts';
import { createApp } from '../app.ts';
import { type Auth, createAuth } from '../auth/auth.ts';
import { resolveAuthSecret, resolveZeroAdminPassword } from '../auth/secret.ts';
import { createPools, type Pools } from '../db/pools.ts';
import { type PreparedDatabase, prepareDatabase } from '../db/prepare.ts';
import type { DatabaseUrls } from '../db/roles.ts';
import { type Env, publicUrl } from '../env.ts';
import { markDown, markUp, newStackStatus, type StackStatus } from '../http/health.ts';
import { aiNarrationEnabled, languageModelFromEnv } from '../insights/ai-model.ts';
import { insightTasks } from '../insights/jobs.ts';
import { createNarrator } from '../insights/narrator.ts';
import { registerPackJobs } from '../jobs/packs.ts';
import { createJobQueue } from '../jobs/queue.ts';
import { createMailer } from '../mail/mailer.ts';
import { renderReport } from '../reports/render.ts';
import { seedDemo } from '../seed.ts';
import { assertPortsFree, urlHost } from './ports.ts';
import { stopMarked } from './process-marker.ts';
import { supervise } from './supervisor.ts';
import { startZeroCache, type ZeroCacheOptions } from './zero-cache.ts';

export interface StackOptions {
  /** Built web app to serve; omit when Vite serves it (npm run dev). */
  webDist?: string;
  extraOrigins?: string[];
  /** Extra zero-cache settings (tests shorten intervals). */
  zeroEnv?: Record<string, string>;
  log?: (line: string) => void;
  /** Aborting it (a signal during start-up) stops what was started and rejects. */
  signal?: AbortSignal;
  /** The chat's model instead of the one OPENAI_* / AI_MODEL configure (tests pass a scripted mock). */
  chatModel?: LanguageModel | null;
}

export interface Stack {
  url: string;
  databaseUrls: DatabaseUrls;
  zeroURL: string;
  pools: Pools;
  auth: Auth;
  status: StackStatus;
  seeded: boolean;
  stop(): Promise<void>;
}

/**
 * Brings up the whole backend in order: Postgres (embedded unless
 * DATABASE_URL), migrations, demo seed, the HTTP server, then zero-cache.
 * On any failure it stops what it had started and rethrows.
 */
export async function startStack(env: Env, opts: StackOptions = {}): Promise<Stack> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const status = newStackStatus();
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const fn of cleanups.reverse()) await fn().catch((err) => log(`[stop] ${(err as Error).message}`));
    cleanups.length = 0;
  };
  const checkpoint = () => opts.signal?.throwIfAborted();
  try {
    const dataDir = path.resolve(env.DATA_DIR);
    await mkdir(dataDir, { recursive: true });
    const spawnZero = !env.ZERO_CACHE_URL;
    // zero-cache and its workers carry this marker; one left by a run that
    // was killed would hold the replica and the ports, so it goes first.
    const zeroMarker = `zero-cache:${dataDir}`;
    if (spawnZero) await stopMarked(zeroMarker);
    await assertPortsFree([
      { port: env.PORT, what: 'web and API server', envVar: 'PORT' },
      ...(spawnZero
        ? [
            { port: env.ZERO_PORT, what: 'zero-cache', envVar: 'ZERO_PORT' },
            { port: env.ZERO_PORT + 1, what: "zero-cache's change streamer (ZERO_PORT + 1)", envVar: 'ZERO_PORT' },
          ]
        : []),
      ...(env.DATABASE_URL ? [] : [{ port: env.PG_PORT, what: 'embedded Postgres', envVar: 'PG_PORT' }]),
    ]);

    let databaseUrl = env.DATABASE_URL;
    if (!databaseUrl) {
      const pgOptions = { dataDir, port: env.PG_PORT };
      const first = await startEmbeddedPostgres(pgOptions);
      const pg = supervise({
        name: 'Postgres',
        first,
        restart: () => startEmbeddedPostgres(pgOptions),
        onDown: (note) => markDown(status, 'postgres', note),
        onUp: () => markUp(status, 'postgres'),
        log,
      });
      cleanups.push(() => pg.stop());
      databaseUrl = first.url;
      checkpoint();
    }
    const secret = await resolveAuthSecret(env);
    let prepared: PreparedDatabase;
    try {
      prepared = await prepareDatabase(databaseUrl, secret, log);
    } catch (err) {
      status.postgres = 'failed';
      throw err;
    }
    status.postgres = 'ready';
    status.migrations = 'ready';
    status.migrationsApplied = prepared.migrations;
    checkpoint();
    const pools = createPools(prepared.urls);
    cleanups.push(() => pools.close());

    // The platform's one job queue lives in Postgres (pg-boss, under the admin
    // role's schema "pgboss"): writes queue jobs after commit; workers start
    // once the stack is up. Stopped before the pools close.
    const jobs = createJobQueue({ databaseUrl: prepared.urls.admin, log });
    const mailer = createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM });
    cleanups.push(async () => mailer.close());
    registerPackJobs(jobs, {
      appSql: pools.app,
      adminSql: pools.admin,
      mailer,
      render: renderReport,
      appUrl: publicUrl(env),
      sendRetrySeconds: env.REPORT_SEND_RETRY_SECONDS,
      narrator: createNarrator({ model: languageModelFromEnv(env), log }),
      log,
    });
    await jobs.start();
    cleanups.push(() => jobs.stop());

    const auth = createAuth({ env, sql: pools.auth, secret, extraOrigins: opts.extraOrigins ?? [], mail: { mailer, log } });
    const demo = env.SEED_DEMO ? await seedDemo(auth, pools) : null;
    checkpoint();

    const zeroApiKey = env.ZERO_API_KEY ?? (spawnZero ? randomBytes(24).toString('base64url') : undefined);
    // How this machine reaches what listens on HOST.
    const local = urlHost(env.HOST);
    const zeroBase = env.ZERO_CACHE_URL ?? `http://${local}:${env.ZERO_PORT}`;
    const app = createApp({
      auth,
      appSql: pools.app,
      adminSql: pools.admin,
      status,
      zeroKeepaliveUrl: `${zeroBase}/keepalive`,
      zeroApiKey,
      trustProxy: env.TRUST_PROXY,
      clientConfig: {
        zeroURL: env.PUBLIC_ZERO_URL ?? null,
        zeroPort: env.ZERO_PORT,
        googleSignIn: Boolean(env.GOOGLE_CLIENT_ID),
        aiNarration: aiNarrationEnabled(env),
        mailConfigured: mailer.configured,
      },
      webDist: opts.webDist,
      postCommit: jobs.send,
      chat: {
        model: opts.chatModel !== undefined ? opts.chatModel : languageModelFromEnv(env),
        messagesPerHour: env.CHAT_MESSAGES_PER_HOUR,
        maxOutputTokens: env.CHAT_MAX_OUTPUT_TOKENS,
        timeoutMs: env.CHAT_TIMEOUT_MS,
      },
      log: (m) => log(m),
    });
    const server = await new Promise<Server>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, () => resolve(s as Server));
      (s as Server).once('error', reject);
    });
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections?.();
          server.close(() => resolve());
        }),
    );
    const url = `http://${local}:${env.PORT}`;

    if (spawnZero) {
      const zeroOptions: ZeroCacheOptions = {
        upstreamUrl: databaseUrl,
        port: env.ZERO_PORT,
        dataDir,
        apiBase: url,
        apiKey: zeroApiKey ?? '',
        adminPassword: await resolveZeroAdminPassword(env),
        bindHost: env.HOST,
        marker: zeroMarker,
        extraEnv: opts.zeroEnv ?? {},
      };
      const zc = supervise({
        name: 'zero-cache',
        first: await startZeroCache(zeroOptions, { signal: opts.signal }),
        restart: () => startZeroCache(zeroOptions),
        onDown: (note) => markDown(status, 'zeroCache', note),
        onUp: () => markUp(status, 'zeroCache'),
        log,
      });
      cleanups.push(async () => {
        status.zeroCache = 'stopped';
        await zc.stop();
      });
    } else {
      await waitForExternalZero(`${zeroBase}/keepalive`, log);
    }
    status.zeroCache = 'ready';

    checkpoint();
    await jobs.startWorkers();
    cleanups.push(() => jobs.stopWorkers());
    // The demo's history was written directly; give its KPIs their first insights.
    if (demo) jobs.send(insightTasks(demo));

    return { url, databaseUrls: prepared.urls, zeroURL: zeroBase, pools, auth, status, seeded: demo !== null, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function waitForExternalZero(url: string, log: (l: string) => void): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not up yet
    }
    if (i % 20 === 0) log(`waiting for zero-cache at ${url} ...`);
    await sleep(500);
  }
}
