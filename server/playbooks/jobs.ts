import type { Sql } from 'postgres';
import { z } from 'zod';
import type { JobQueue } from '../jobs/queue.ts';
import { evaluateTriggers, type TriggerJob } from './evaluate.ts';

/** Evaluates an account's automatic playbook triggers after its data changed. */
export const TRIGGER_JOB = 'playbook-triggers';

declare module '../jobs/payloads.ts' {
  interface JobPayloads {
    [TRIGGER_JOB]: TriggerJob;
  }
}

const triggerJob = z.object({ orgID: z.string().min(1), userID: z.string().min(1), accountID: z.string().min(1) });

/**
 * One singleton key per account: a burst of data points costs one or two
 * evaluations (the job reads the data when it runs), and a point landing
 * while one runs queues exactly one more. No debounce: an execution must
 * start within seconds of the write that crossed a threshold.
 */
export function registerPlaybookJobs(queue: JobQueue, deps: { appSql: Sql; log: (line: string) => void }): void {
  queue.registerJob(
    TRIGGER_JOB,
    async (data) => {
      const started = await evaluateTriggers(deps.appSql, data);
      if (started.length) deps.log(`[playbooks] started ${started.join(', ')} on account ${data.accountID}`);
    },
    {
      schema: triggerJob,
      singletonKey: (d) => `${d.orgID}:${d.accountID}`,
      localConcurrency: 2,
      permanent: (err) =>
        (err as { code?: string }).code === '42501' ? 'the triggering member may no longer start playbooks' : null,
    },
  );
}
