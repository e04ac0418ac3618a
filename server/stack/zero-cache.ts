import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ORG_HEADER } from '../../sync/context.ts';
import { urlHost } from './ports.ts';
import { markerEnv, stopMarked } from './process-marker.ts';

export const ZERO_APP_ID = 'zkpi';
export const ZERO_PUBLICATION = 'zkpi_pub';

export interface ZeroCacheOptions {
  upstreamUrl: string;
  port: number;
  dataDir: string;
  /** Base URL of our Hono server, e.g. http://127.0.0.1:3000 */
  apiBase: string;
  apiKey: string;
  /** Guards /statz and the inspector; never empty (an empty one lets anyone in). */
  adminPassword: string;
  /** Address every zero-cache port binds to (the server's HOST); the change-streamer stays on loopback. */
  bindHost: string;
  /** Marks zero-cache and all its workers, so none outlives a stop or a crash. */
  marker: string;
  /** Extra ZERO_* settings (tests shorten intervals). */
  extraEnv?: Record<string, string>;
}

export interface ZeroCacheProcess {
  pid: number;
  logFile: string;
  /** Resolves with the exit code when the main process ends, for whatever reason. */
  exited: Promise<number>;
  stop(): Promise<void>;
}

const BIND_HOST_PRELOAD = new URL('./bind-host.ts', import.meta.url).href;

/**
 * Runs zero-cache as a child in its own process group (detached), so one
 * signal to the group stops all its workers, and on this Node (process.execPath),
 * not whatever `node` is first on PATH.
 */
export async function startZeroCache(
  opts: ZeroCacheOptions,
  { timeoutMs = 90_000, signal }: { timeoutMs?: number; signal?: AbortSignal | undefined } = {},
): Promise<ZeroCacheProcess> {
  // cli.js sits beside the package's main module (out/zero/src/zero.js).
  const cli = path.join(path.dirname(createRequire(import.meta.url).resolve('@rocicorp/zero')), 'cli.js');
  const logFile = path.join(opts.dataDir, 'zero-cache.log');
  const log = createWriteStream(logFile, { flags: 'a' });
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    // Always production mode: in development mode zero-cache treats every
    // client as signed in to its inspector, whatever the password, and its
    // analyze-query then reads any table with no permission filter.
    NODE_ENV: 'production',
    ZERO_UPSTREAM_DB: opts.upstreamUrl,
    ZERO_REPLICA_FILE: path.join(opts.dataDir, 'zero-replica.db'),
    ZERO_PORT: String(opts.port),
    ZERO_APP_ID,
    ZERO_APP_PUBLICATIONS: ZERO_PUBLICATION,
    ZERO_QUERY_URL: `${opts.apiBase}/api/zero/query`,
    ZERO_MUTATE_URL: `${opts.apiBase}/api/zero/mutate`,
    ZERO_QUERY_API_KEY: opts.apiKey,
    ZERO_MUTATE_API_KEY: opts.apiKey,
    ZERO_QUERY_FORWARD_COOKIES: 'true',
    ZERO_MUTATE_FORWARD_COOKIES: 'true',
    ZERO_MUTATE_ALLOWED_CLIENT_HEADERS: ORG_HEADER,
    ZERO_ENABLE_TELEMETRY: 'false',
    DO_NOT_TRACK: '1',
    ZERO_ENABLE_CRUD_MUTATIONS: 'false',
    ZERO_NUM_SYNC_WORKERS: '1',
    // Re-check every open connection's session each minute (default 300 s),
    // so a signed-out or revoked session stops syncing soon.
    ZERO_AUTH_REVALIDATE_INTERVAL_SECONDS: '60',
    // One node: nothing hands the replication stream over, so take it at once
    // (the default waits 15 s for a load balancer), and a restart is quick.
    ZERO_CHANGE_STREAMER_STARTUP_DELAY_MS: '0',
    ZERO_LOG_LEVEL: 'info',
    // zero-cache starts five Node processes, each compiling the same large
    // module graph; Node's on-disk compile cache makes every start after the
    // first (a restart above all) several seconds quicker on a busy machine.
    NODE_COMPILE_CACHE: path.join(opts.dataDir, 'node-compile-cache'),
    ZERO_ADMIN_PASSWORD: opts.adminPassword,
    // Our own task id: left unset, zero-cache picks a nanoid and hands it to its
    // workers as ZERO_TASK_ID; one that starts with '-' (1 start in 64) is read
    // back as a flag and the worker dies with "Expected string at taskID".
    ZERO_TASK_ID: `zkpi-${randomBytes(8).toString('hex')}`,
    ZKPI_BIND_HOST: opts.bindHost,
    ZKPI_LOOPBACK_PORTS: String(opts.port + 1),
    ...opts.extraEnv,
    ...markerEnv(opts.marker),
  };
  if (!env.ZERO_ADMIN_PASSWORD) throw new Error('zero-cache needs an admin password');
  // Workers are forked with this process's execArgv, so they get the preload too.
  const child: ChildProcess = spawn(process.execPath, ['--import', BIND_HOST_PRELOAD, cli], {
    env,
    cwd: opts.dataDir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: number | null = null;
  const exitedPromise = new Promise<number>((resolve) =>
    child.once('exit', (code) => {
      exited = code ?? -1;
      resolve(exited);
    }),
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('zero-cache could not be started');

  // The main process stops its workers on SIGTERM; anything left (a crash,
  // a -9) is found by the marker and stopped too.
  const stop = async () => {
    // Workers left by a main process that died have nothing to finish.
    const crashed = exited !== null;
    if (!crashed) {
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([exitedPromise, sleep(10_000)]);
    }
    await stopMarked(opts.marker, crashed ? 'SIGKILL' : 'SIGTERM', crashed ? 0 : 5_000);
    await Promise.race([exitedPromise, sleep(2000)]);
    log.end();
  };
  const handle = { pid, logFile, exited: exitedPromise, stop };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (signal?.aborted) {
      await stop();
      signal.throwIfAborted();
    }
    if (exited !== null) {
      await stop();
      throw new Error(
        `zero-cache exited with code ${exited} while starting. Last output (full log: ${logFile}):\n${tail.slice(-1500)}`,
      );
    }
    try {
      const res = await fetch(`http://${urlHost(opts.bindHost)}:${opts.port}/keepalive`);
      if (res.ok) return handle;
    } catch {
      // not listening yet
    }
    await sleep(150);
  }
  await stop();
  throw new Error(`zero-cache was not ready after ${timeoutMs / 1000}s. See ${logFile}.`);
}
