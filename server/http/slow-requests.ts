import type { MiddlewareHandler } from 'hono';
import type { Sql } from 'postgres';

/** A request still unanswered after this long is logged, with what Postgres is doing at that moment. */
const SLOW_MS = 10_000;
const CHECK_EVERY_MS = 2_500;

interface InFlight {
  method: string;
  path: string;
  id: string;
  started: number;
  reported: boolean;
}

export interface SlowRequestLog {
  middleware: MiddlewareHandler;
  /** Stops the periodic check (tests; the timer never keeps the process alive). */
  stop(): void;
}

/**
 * Logs requests that take long: once when one passes SLOW_MS unanswered,
 * and again when it ends. zero-cache waits on /api/zero/query and
 * /api/zero/mutate without a deadline of its own, holding the client group's
 * sync while it waits, so a request that hangs shows up to users as a
 * screen that stopped updating. The first line says which request and for
 * how long; the next ones list the Postgres sessions that are not idle
 * (waiting on a lock, or holding a transaction open), which is where such a
 * wait usually is.
 */
export function slowRequestLog(deps: { adminSql: Sql; log: (line: string) => void; slowMs?: number }): SlowRequestLog {
  const slowMs = deps.slowMs ?? SLOW_MS;
  const inFlight = new Set<InFlight>();
  let seq = 0;

  const describeDatabase = async () => {
    try {
      const rows = await deps.adminSql<
        { pid: number; app: string; state: string; waiting: string | null; xact_ms: number | null; query: string }[]
      >`
        SELECT pid, application_name AS app, state, nullif(concat_ws(':', wait_event_type, wait_event), '') AS waiting,
               (extract(epoch FROM now() - xact_start) * 1000)::int AS xact_ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query
          FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND state IS DISTINCT FROM 'idle'
           AND backend_type = 'client backend'
         ORDER BY xact_start NULLS LAST
         LIMIT 12`;
      if (rows.length === 0) return ['  Postgres: no session busy'];
      return rows.map(
        (r) =>
          `  Postgres pid ${r.pid} (${r.app || '?'}) ${r.state}${r.waiting ? `, waiting on ${r.waiting}` : ''}` +
          `${r.xact_ms === null ? '' : `, transaction open ${r.xact_ms} ms`}: ${r.query}`,
      );
    } catch (err) {
      return [`  Postgres could not be asked: ${(err as Error).message}`];
    }
  };

  const check = async () => {
    const now = Date.now();
    const late = [...inFlight].filter((r) => !r.reported && now - r.started >= slowMs);
    if (late.length === 0) return;
    for (const r of late) {
      r.reported = true;
      deps.log(`[slow] ${r.method} ${r.path} (${r.id}) unanswered after ${now - r.started} ms`);
    }
    for (const line of await describeDatabase()) deps.log(line);
  };
  const timer = setInterval(() => void check(), Math.min(CHECK_EVERY_MS, slowMs / 2));
  timer.unref();

  const middleware: MiddlewareHandler = async (c, next) => {
    const entry: InFlight = {
      method: c.req.method,
      path: c.req.path,
      id: (c.get('requestId' as never) as string | undefined) ?? `r${++seq}`,
      started: Date.now(),
      reported: false,
    };
    inFlight.add(entry);
    try {
      await next();
    } finally {
      inFlight.delete(entry);
      if (entry.reported) {
        deps.log(
          `[slow] ${entry.method} ${entry.path} (${entry.id}) answered ${c.res.status} after ${Date.now() - entry.started} ms`,
        );
      }
    }
  };
  return { middleware, stop: () => clearInterval(timer) };
}
