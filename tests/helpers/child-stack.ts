import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ZERO_ADMIN_PASSWORD_FILE } from '../../server/auth/secret.ts';
import { freePort, freePortPair, urlHost } from '../../server/stack/ports.ts';
import { stopMarked } from '../../server/stack/process-marker.ts';
import type { StackInfo } from './stack-info.ts';

/**
 * The stack as `npm start` runs it (server/start.ts in its own process), on
 * free ports with its data in a temporary folder: for tests that list its
 * sockets or kill its parts. Waits for /api/health to answer 200.
 */
export interface ChildStack {
  info: StackInfo;
  /** The server process (it supervises Postgres and zero-cache). */
  pid: number;
  host: string;
  ports: { server: number; zero: number; pg: number };
  dataDir: string;
  /** Everything the server printed so far. */
  output(): string;
  /** PID of zero-cache's main process, or of the Postgres postmaster, now. */
  zeroCachePid(): number | undefined;
  postgresPid(): number | undefined;
  health(): Promise<{ status: number; body: HealthBody | null }>;
  /** Polls /api/health until it answers 200; resolves with the time it took. */
  waitHealthy(timeoutMs?: number): Promise<number>;
  stop(): Promise<void>;
}

export interface HealthBody {
  status: string;
  parts: Record<string, { state: string; note?: string }>;
}

const root = path.resolve(import.meta.dirname, '..', '..');

/** `npm start`'s command line (package.json), as arguments to this Node: the child runs what a person starts. */
function npmStartArgs(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [command, ...args] = pkg.scripts.start.trim().split(/\s+/);
  if (command !== 'node') throw new Error(`npm start runs "${command}", not node: tests/helpers/child-stack.ts cannot follow it`);
  return args.map((a) => (a.startsWith('-') ? a : path.join(root, a)));
}

export async function startChildStack(opts: { host?: string; env?: Record<string, string> } = {}): Promise<ChildStack> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'live-kpi-child-'));
  const host = opts.host ?? '127.0.0.1';
  const server = await freePort();
  const zero = await freePortPair([server]);
  const pg = await freePort();
  const child: ChildProcess = spawn(process.execPath, npmStartArgs(), {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      HOST: host,
      PORT: String(server),
      ZERO_PORT: String(zero),
      PG_PORT: String(pg),
      SEED_DEMO: 'false',
      TRUST_PROXY: 'loopback',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start server/start.ts');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://${urlHost(host)}:${server}`;

  const health = async () => {
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3000) });
      return { status: res.status, body: (await res.json()) as HealthBody };
    } catch {
      return { status: 0, body: null };
    }
  };
  const waitHealthy = async (timeoutMs = 90_000) => {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if (child.exitCode !== null) throw new Error(`server/start.ts exited (${child.exitCode}):\n${out.slice(-3000)}`);
      if ((await health()).status === 200) return Date.now() - started;
      await sleep(100);
    }
    throw new Error(`stack not healthy after ${timeoutMs} ms:\n${out.slice(-3000)}`);
  };
  // Tests of a child stack read what was written as the superuser; the
  // restricted roles' passwords stay inside the server.
  const adminUrl = `postgres://postgres:postgres@127.0.0.1:${pg}/postgres`;
  const stack: ChildStack = {
    info: {
      url: `http://localhost:${server}`,
      zeroURL: `http://localhost:${zero}`,
      databaseUrl: adminUrl,
      appDatabaseUrl: adminUrl,
      authDatabaseUrl: adminUrl,
      zeroAdminPassword: '',
    },
    pid,
    host,
    ports: { server, zero, pg },
    dataDir,
    output: () => out,
    zeroCachePid: () => childrenOf(pid).find((c) => c.args.includes('zero/src/cli.js'))?.pid,
    postgresPid: () => childrenOf(pid).find((c) => c.comm === 'postgres')?.pid,
    health,
    waitHealthy,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, sleep(30_000)]);
      }
      // A server that crashed (the very thing some tests look for) leaves its
      // children behind: stop whatever still works on this data folder.
      await stopMarked(`zero-cache:${dataDir}`, 'SIGKILL', 0);
      for (const pid of processesUsing(dataDir)) process.kill(pid, 'SIGKILL');
      // FAULTS_DEBUG keeps the data folder (zero-cache.log above all) to read after a failure.
      if (process.env.FAULTS_DEBUG) console.log(`child stack data kept in ${dataDir}`);
      else await rm(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await waitHealthy();
    stack.info.zeroAdminPassword = await readDataFile(stack, ZERO_ADMIN_PASSWORD_FILE);
  } catch (err) {
    await stack.stop();
    throw err;
  }
  return stack;
}

export interface ProcessInfo {
  pid: number;
  ppid: number;
  comm: string;
  args: string;
}

/** Every process on the machine now, read once from /proc (Linux). */
export function processTable(): ProcessInfo[] {
  const table: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
      const close = stat.lastIndexOf(')');
      const ppid = Number(stat.slice(close + 2).split(' ')[1]);
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      table.push({ pid: Number(entry), ppid, comm, args });
    } catch {
      // gone meanwhile
    }
  }
  return table;
}

/** Direct children of `pid`. */
export function childrenOf(pid: number): ProcessInfo[] {
  return processTable().filter((p) => p.ppid === pid);
}

/** Processes whose command line names `dir` (an embedded Postgres on it). */
function processesUsing(dir: string): number[] {
  return processTable()
    .filter((p) => p.args.includes(dir))
    .map((p) => p.pid);
}

/** Reads a file the stack keeps in its data folder (e.g. a generated secret). */
export function readDataFile(stack: ChildStack, name: string): Promise<string> {
  return readFile(path.join(stack.dataDir, name), 'utf8').then((s) => s.trim());
}
