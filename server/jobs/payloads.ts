/**
 * What each job carries, by job name. Every pack adds its jobs here by
 * module augmentation from its own `jobs.ts`:
 *
 *   declare module '../jobs/payloads.ts' {
 *     interface JobPayloads { 'kpi-insights': InsightJob }
 *   }
 *
 * so `registerJob`, `send` and the post-commit task lists are typed by name.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by module augmentation
export interface JobPayloads {}

export type JobName = keyof JobPayloads & string;

/** A job to queue once the write that asked for it has committed. */
export interface JobTask<N extends JobName = JobName> {
  job: N;
  data: JobPayloads[N];
}
