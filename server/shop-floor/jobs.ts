import type { Sql } from 'postgres';
import { z } from 'zod';
import type { JobQueue } from '../jobs/queue.ts';
import { type RecomputeActor, recomputeRollups } from './recompute.ts';

/** Rebuilds an organization's stored rollups over a range (a sf_rollup_recompute run). */
export const ROLLUP_RECOMPUTE_JOB = 'rollup-recompute';
export type RollupRecomputeJob = RecomputeActor & { runID: string };

declare module '../jobs/payloads.ts' {
  interface JobPayloads {
    [ROLLUP_RECOMPUTE_JOB]: RollupRecomputeJob;
  }
}

const key = z.string().min(1);

// The member lost their role or membership since asking: retrying cannot help.
const permanent = (err: unknown) =>
  (err as { code?: string }).code === '42501' ? 'the member who asked may no longer recompute KPIs' : null;

/** The shop-floor pack's jobs. */
export function registerShopFloorJobs(queue: JobQueue, deps: { appSql: Sql }): void {
  queue.registerJob(ROLLUP_RECOMPUTE_JOB, (d) => recomputeRollups(deps.appSql, d, d.runID), {
    schema: z.object({ orgID: key, userID: key, runID: key }),
    singletonKey: (d) => `${d.orgID}:${d.runID}`,
    expireInSeconds: 3600,
    retryLimit: 1,
    permanent,
  });
}
