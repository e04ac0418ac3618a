import { PgBoss } from 'pg-boss';
import type { Sql } from 'postgres';
import { z } from 'zod';
import type { Narrator } from './narrator.ts';
import type { KpiChangeNotifier } from './notify.ts';
import { type InsightJob, recomputeInsight } from './recompute.ts';

export const INSIGHT_QUEUE = 'kpi-insights';

export interface InsightQueueOptions {
  /** A role that may create pg-boss's schema (the admin URL); pg-boss keeps its jobs there. */
  databaseUrl: string;
  /** The app pool the jobs read and write through, under row-level security. */
  appSql: Sql;
  narrator: Narrator;
  log: (line: string) => void;
  /** How long a KPI's recompute waits for more of a burst to land (seconds). */
  debounceSeconds?: number;
  /** How often an idle worker looks for due jobs (seconds; at least 0.5). */
  pollingIntervalSeconds?: number;
}

export interface InsightQueue {
  /** Queues a recompute per KPI; never throws and never waits (hand it to the request handlers). */
  notify: KpiChangeNotifier;
  /** Starts taking jobs on this instance (any number of instances may share the queue). */
  startWorker(): Promise<void>;
  /** Stops taking jobs and waits for the running ones to finish. */
  stopWorker(): Promise<void>;
  stop(): Promise<void>;
}

const jobData = z.object({ orgID: z.string().min(1), userID: z.string().min(1), kpiID: z.string().min(1) });

/**
 * The insight queue, on pg-boss in Postgres: jobs survive a restart and any
 * server instance may run them. The queue is 'stately' with one singleton key
 * per KPI, so at most one recompute per KPI waits and one runs. A change
 * queues a recompute that starts after a short debounce; changes landing
 * while it waits add nothing (the job reads the data when it runs), and a
 * change landing while it runs queues exactly one follow-up. So a burst of
 * points for one KPI costs one or two recomputes, and none is ever missed.
 */
export async function startInsightQueue(opts: InsightQueueOptions): Promise<InsightQueue> {
  const { log, appSql, narrator } = opts;
  const debounceSeconds = opts.debounceSeconds ?? 1;
  const boss = new PgBoss({
    connectionString: opts.databaseUrl,
    application_name: 'kpi-jobs',
    max: 4,
    // No cron schedules here; maintenance (expiry, retention) stays on.
    schedule: false,
  });
  boss.on('error', (err) => log(`[insights] queue error: ${err.message}`));
  await boss.start();
  await boss.createQueue(INSIGHT_QUEUE, {
    policy: 'stately',
    retryLimit: 3,
    retryDelay: 2,
    retryBackoff: true,
    expireInSeconds: 120,
    deleteAfterSeconds: 24 * 3600,
  });

  let stopped = false;
  let workerID: string | null = null;

  const notify: KpiChangeNotifier = (change) => {
    if (stopped) return;
    for (const kpiID of new Set(change.kpiIDs)) {
      const data: InsightJob = { orgID: change.orgID, userID: change.userID, kpiID };
      boss
        .send(INSIGHT_QUEUE, data, { singletonKey: `${change.orgID}:${kpiID}`, startAfter: debounceSeconds })
        .catch((err: Error) => log(`[insights] could not queue KPI ${kpiID}: ${err.message}`));
    }
  };

  const run = async (job: { id: string; data: unknown; signal: AbortSignal }) => {
    const parsed = jobData.safeParse(job.data);
    if (!parsed.success) {
      log(`[insights] dropping malformed job ${job.id}`);
      return;
    }
    try {
      await recomputeInsight({ appSql, narrator }, parsed.data, job.signal);
    } catch (err) {
      // The member lost their role or membership since the write: retrying cannot help.
      if ((err as { code?: string }).code === '42501') {
        log(`[insights] KPI ${parsed.data.kpiID}: the triggering member may no longer write insights; skipped`);
        return;
      }
      log(`[insights] KPI ${parsed.data.kpiID}: recompute failed (${(err as Error).message}); pg-boss retries it`);
      throw err;
    }
  };

  return {
    notify,
    async startWorker() {
      if (workerID || stopped) return;
      workerID = await boss.work(
        INSIGHT_QUEUE,
        { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 0.5, localConcurrency: 2, batchSize: 1 },
        async (jobs) => {
          for (const job of jobs) await run(job);
        },
      );
    },
    async stopWorker() {
      if (!workerID) return;
      workerID = null;
      await boss.offWork(INSIGHT_QUEUE, { wait: true });
    },
    async stop() {
      stopped = true;
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
