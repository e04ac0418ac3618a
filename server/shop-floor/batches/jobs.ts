import type { Sql } from 'postgres';
import { z } from 'zod';
import type { JobQueue } from '../../jobs/queue.ts';
import { type BatchImportJob, importBatch } from './import.ts';

/** Imports a confirmed CSV production batch (server/shop-floor/batches/import.ts). */
export const BATCH_IMPORT_JOB = 'production-batch-import';

declare module '../../jobs/payloads.ts' {
  interface JobPayloads {
    [BATCH_IMPORT_JOB]: BatchImportJob;
  }
}

const key = z.string().min(1);

/**
 * The batch import: one job per batch (a second confirm never queues a
 * second run: the confirm route answers 409, and the key keeps one running),
 * resumable from the batch's cursor if the job is retried or the server restarts.
 */
export function registerBatchJobs(queue: JobQueue, deps: { appSql: Sql }): void {
  queue.registerJob(BATCH_IMPORT_JOB, (d, job) => importBatch(deps.appSql, d, job.signal), {
    schema: z.object({ orgID: key, batchID: key, userID: key, confirmedBy: key }),
    singletonKey: (d) => `${d.orgID}:${d.batchID}`,
    expireInSeconds: 3600,
    localConcurrency: 2,
  });
}
