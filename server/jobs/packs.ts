import type { Sql } from 'postgres';
import { registerHealthJobs } from '../customer-success/health/jobs.ts';
import { registerInsightJobs } from '../insights/jobs.ts';
import type { Narrator } from '../insights/narrator.ts';
import { registerPlaybookJobs } from '../playbooks/jobs.ts';
import type { ReportEmailJobDeps } from '../report-email/jobs.ts';
import { registerReportEmailJobs } from '../report-email/jobs.ts';
import { registerBatchJobs } from '../shop-floor/batches/jobs.ts';
import { registerShopFloorJobs } from '../shop-floor/jobs.ts';
import type { JobQueue } from './queue.ts';

/** What the packs' job handlers may use. */
export interface PackJobDeps extends Omit<ReportEmailJobDeps, 'appSql' | 'log'> {
  /** The app pool: jobs read and write under row-level security, acting as the member who asked. */
  appSql: Sql;
  narrator: Narrator;
  log: (line: string) => void;
}

/** Every pack's jobs on the one queue; a new pack adds its `register…Jobs` call here. */
export function registerPackJobs(queue: JobQueue, deps: PackJobDeps): void {
  registerInsightJobs(queue, deps);
  registerHealthJobs(queue, deps);
  registerPlaybookJobs(queue, deps);
  registerShopFloorJobs(queue, deps);
  registerBatchJobs(queue, deps);
  registerReportEmailJobs(queue, deps);
}
