import { Hono } from 'hono';
import type { Sql } from 'postgres';

export type PartState = 'starting' | 'ready' | 'restarting' | 'failed' | 'stopped';
export type Part = 'postgres' | 'migrations' | 'zeroCache';

export interface StackStatus {
  postgres: PartState;
  migrations: PartState;
  zeroCache: PartState;
  /** A short reason per part when it is not ready. */
  notes: Partial<Record<Part, string>>;
  migrationsApplied: string[];
}

export function newStackStatus(): StackStatus {
  return { postgres: 'starting', migrations: 'starting', zeroCache: 'starting', notes: {}, migrationsApplied: [] };
}

/** A supervised part went down and is being restarted. */
export function markDown(status: StackStatus, part: Part, note: string): void {
  status[part] = 'restarting';
  status.notes[part] = note;
}

export function markUp(status: StackStatus, part: Part): void {
  status[part] = 'ready';
  delete status.notes[part];
}

export interface HealthDeps {
  status: StackStatus;
  adminSql: Sql;
  zeroKeepaliveUrl: string;
}

/**
 * GET /api/health: 200 only when Postgres answers, migrations are applied and
 * zero-cache answers its keepalive; otherwise 503. The body names each part.
 */
export function healthRoutes({ status, adminSql, zeroKeepaliveUrl }: HealthDeps) {
  const app = new Hono();
  app.get('/', async (c) => {
    const postgres =
      status.postgres === 'ready' ? await probePostgres(adminSql) : { state: status.postgres, note: status.notes.postgres };
    const zeroCache =
      status.zeroCache === 'ready'
        ? await probeZero(zeroKeepaliveUrl)
        : { state: status.zeroCache, note: status.notes.zeroCache };
    const migrations = { state: status.migrations, note: status.notes.migrations, applied: status.migrationsApplied.length };
    const ok = postgres.state === 'ready' && migrations.state === 'ready' && zeroCache.state === 'ready';
    return c.json({ status: ok ? 'ok' : 'unavailable', parts: { postgres, migrations, zeroCache } }, ok ? 200 : 503);
  });
  return app;
}

async function probePostgres(sql: Sql): Promise<{ state: PartState; note?: string }> {
  try {
    await Promise.race([sql`SELECT 1`, new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 2000))]);
    return { state: 'ready' };
  } catch (err) {
    return { state: 'failed', note: `Postgres did not answer: ${(err as Error).message}` };
  }
}

async function probeZero(url: string): Promise<{ state: PartState; note?: string }> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return res.ok ? { state: 'ready' } : { state: 'failed', note: `keepalive answered ${res.status}` };
  } catch (err) {
    return { state: 'failed', note: `zero-cache did not answer: ${(err as Error).message}` };
  }
}
