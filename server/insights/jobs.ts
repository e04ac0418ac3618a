import type { Sql } from 'postgres';
import { z } from 'zod';
import type { JobTask } from '../jobs/payloads.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Narrator } from './narrator.ts';
import { type InsightJob, recomputeInsight } from './recompute.ts';

/** Recomputes a KPI's insight and its goals' pace after its data changed. */
export const INSIGHT_JOB = 'kpi-insights';

declare module '../jobs/payloads.ts' {
  interface JobPayloads {
    [INSIGHT_JOB]: InsightJob;
  }
}

const insightJob = z.object({ orgID: z.string().min(1), userID: z.string().min(1), kpiID: z.string().min(1) });

export interface InsightJobDeps {
  /** The app pool the jobs read and write through, under row-level security. */
  appSql: Sql;
  narrator: Narrator;
  /** How long a KPI's recompute waits for more of a burst to land (seconds). */
  debounceSeconds?: number;
}

/**
 * The insights pack's jobs. One singleton key per KPI: a change queues a
 * recompute that starts after a short debounce; changes landing while it
 * waits add nothing (the job reads the data when it runs), and a change
 * landing while it runs queues exactly one follow-up.
 */
export function registerInsightJobs(queue: JobQueue, deps: InsightJobDeps): void {
  queue.registerJob(INSIGHT_JOB, (data, job) => recomputeInsight(deps, data, job.signal).then(() => undefined), {
    schema: insightJob,
    singletonKey: (d) => `${d.orgID}:${d.kpiID}`,
    startAfterSeconds: deps.debounceSeconds ?? 1,
    localConcurrency: 2,
    // The member lost their role or membership since the write: retrying cannot help.
    permanent: (err) =>
      (err as { code?: string }).code === '42501' ? 'the triggering member may no longer write insights' : null,
  });
}

/** One recompute per KPI whose data a committed write changed. */
export function insightTasks(change: { orgID: string; userID: string; kpiIDs: Iterable<string> }): JobTask[] {
  return [...new Set(change.kpiIDs)].map((kpiID) => ({
    job: INSIGHT_JOB,
    data: { orgID: change.orgID, userID: change.userID, kpiID },
  }));
}
