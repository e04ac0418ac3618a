import type { Sql } from 'postgres';
import { z } from 'zod';
import type { JobTask } from '../../jobs/payloads.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { type HealthActor, recomputeHealth, rescore } from './compute.ts';

/** Recomputes one account's current health (and this month's snapshot). */
export const ACCOUNT_HEALTH_JOB = 'account-health';
/** Recomputes every account of an organization (a range or the weights changed). */
export const ORG_HEALTH_JOB = 'account-health-org';
/** Re-scores past months (a health_rescore run). */
export const RESCORE_JOB = 'health-rescore';

export type AccountHealthJob = HealthActor & { accountID: string };
export type RescoreJob = HealthActor & { rescoreID: string };

declare module '../../jobs/payloads.ts' {
  interface JobPayloads {
    [ACCOUNT_HEALTH_JOB]: AccountHealthJob;
    [ORG_HEALTH_JOB]: HealthActor;
    [RESCORE_JOB]: RescoreJob;
  }
}

const key = z.string().min(1);
const actor = z.object({ orgID: key, userID: key });

export interface HealthJobDeps {
  /** The app pool: the jobs read and write under row-level security, as the member who asked. */
  appSql: Sql;
}

// The member lost their role or membership since the write: retrying cannot help.
const permanent = (err: unknown) =>
  (err as { code?: string }).code === '42501' ? 'the triggering member may no longer write account health' : null;

/**
 * Live health's jobs. The recomputes start at once (the score must be
 * visible within a second of the write) and are singletons per account (per
 * organization for the fan-out): a burst queues at most one run behind the
 * running one, which reads the data as it is when it starts.
 */
export function registerHealthJobs(queue: JobQueue, deps: HealthJobDeps): void {
  queue.registerJob(ACCOUNT_HEALTH_JOB, (d) => recomputeHealth(deps.appSql, d, d.accountID).then(() => undefined), {
    schema: actor.extend({ accountID: key }),
    singletonKey: (d) => `${d.orgID}:${d.accountID}`,
    localConcurrency: 2,
    permanent,
  });
  queue.registerJob(ORG_HEALTH_JOB, (d) => recomputeHealth(deps.appSql, d).then(() => undefined), {
    schema: actor,
    singletonKey: (d) => d.orgID,
    expireInSeconds: 600,
    permanent,
  });
  queue.registerJob(RESCORE_JOB, (d) => rescore(deps.appSql, d, d.rescoreID), {
    schema: actor.extend({ rescoreID: key }),
    singletonKey: (d) => `${d.orgID}:${d.rescoreID}`,
    expireInSeconds: 3600,
    retryLimit: 1,
    permanent,
  });
}

/** One recompute per account a committed write touched, or one for the whole organization. */
export function healthTasks(actor: HealthActor, accounts: Iterable<string> | 'all'): JobTask[] {
  if (accounts === 'all') return [{ job: ORG_HEALTH_JOB, data: { orgID: actor.orgID, userID: actor.userID } }];
  return [...new Set(accounts)].map((accountID) => ({
    job: ACCOUNT_HEALTH_JOB,
    data: { orgID: actor.orgID, userID: actor.userID, accountID },
  }));
}
