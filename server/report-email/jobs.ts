import type { Sql } from 'postgres';
import { z } from 'zod';
import type { JobQueue } from '../jobs/queue.ts';
import { claimDueSchedules, staleQueuedSends } from './claim.ts';
import { type DeliverDeps, deliverSend } from './deliver.ts';

/** Every minute: claims the due schedules and queues their sends. */
export const REPORT_SCHEDULE_TICK_JOB = 'report-schedule-tick';
/** Mails one report (a claimed scheduled run or a "send now") and logs the outcome. */
export const REPORT_SEND_JOB = 'report-send';

export interface ReportSendJob {
  sendID: string;
  orgID: string;
  /** Schedule and due time for a scheduled run, the send's id for a manual one. */
  runKey: string;
}

declare module '../jobs/payloads.ts' {
  interface JobPayloads {
    [REPORT_SCHEDULE_TICK_JOB]: Record<string, never>;
    [REPORT_SEND_JOB]: ReportSendJob;
  }
}

export type ReportEmailJobDeps = DeliverDeps & {
  adminSql: Sql;
  /** The first pause before a send refused for now is tried again (REPORT_SEND_RETRY_SECONDS; it doubles each time). */
  sendRetrySeconds?: number;
};

/** Tries of a send refused for now: with the pause doubling from a minute, they span more than its hour (RETRY_WINDOW_MS). */
const SEND_RETRIES = 8;

/** Claims due schedules (claim.ts) and hands each claimed run to the send job. */
export async function runScheduleTick(deps: { adminSql: Sql; send: JobQueue['send'] }): Promise<number> {
  const runs = [...(await claimDueSchedules(deps.adminSql)), ...(await staleQueuedSends(deps.adminSql))];
  deps.send(runs.map((data) => ({ job: REPORT_SEND_JOB, data })));
  return runs.length;
}

/**
 * Scheduled report e-mail on the one job queue. pg-boss's scheduler queues
 * the tick once a minute for the whole cluster; any instance may run it, and
 * the claim (claim.ts) makes each due run one send whatever runs at once.
 * The send job's key (schedule + due time) keeps one job per run.
 */
export function registerReportEmailJobs(queue: JobQueue, deps: ReportEmailJobDeps): void {
  queue.registerJob(
    REPORT_SCHEDULE_TICK_JOB,
    () => runScheduleTick({ adminSql: deps.adminSql, send: queue.send }).then(() => {}),
    {
      schema: z.object({}).strip() as unknown as z.ZodType<Record<string, never>>,
      cron: '* * * * *',
      retryLimit: 0,
      expireInSeconds: 60,
    },
  );
  queue.registerJob(
    REPORT_SEND_JOB,
    async (d) => {
      await deliverSend(deps, d.sendID);
    },
    {
      schema: z.object({ sendID: z.string().min(1), orgID: z.string().min(1), runKey: z.string().min(1) }),
      singletonKey: (d) => d.runKey,
      expireInSeconds: 300,
      localConcurrency: 2,
      // A send the SMTP server refused for now throws SendDeferred (deliver.ts) and runs again after a pause.
      retryLimit: SEND_RETRIES,
      retryDelaySeconds: deps.sendRetrySeconds ?? 60,
    },
  );
}
