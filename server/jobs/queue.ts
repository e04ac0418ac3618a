import { PgBoss } from 'pg-boss';
import type { z } from 'zod';
import type { JobName, JobPayloads, JobTask } from './payloads.ts';

export interface JobOptions<N extends JobName> {
  /** Checks each job's data before the handler sees it; a malformed job is dropped, not retried. */
  schema: z.ZodType<JobPayloads[N]>;
  /**
   * At most one job per key waits and one runs ('stately' queue): a burst of
   * requests for the same thing costs one or two runs, and none is missed.
   */
  singletonKey?: (data: JobPayloads[N]) => string;
  /** Seconds a queued job waits before it may start (lets a burst land). */
  startAfterSeconds?: number;
  retryLimit?: number;
  retryDelaySeconds?: number;
  expireInSeconds?: number;
  /** Jobs this instance runs at once. */
  localConcurrency?: number;
  /**
   * Also queued by pg-boss's scheduler on this cron (UTC): once per
   * occurrence, whichever instance's scheduler sees it first.
   */
  cron?: string;
  /** An error retrying cannot help (e.g. the member lost their role): logged and dropped. Returns why, or null. */
  permanent?: (err: unknown) => string | null;
}

export type JobHandler<N extends JobName> = (data: JobPayloads[N], job: { id: string; signal: AbortSignal }) => Promise<void>;

export interface JobQueueOptions {
  /** A role that may create pg-boss's schema (the admin URL); pg-boss keeps its jobs there. */
  databaseUrl: string;
  log: (line: string) => void;
  /** How often an idle worker looks for due jobs (seconds; at least 0.5). */
  pollingIntervalSeconds?: number;
  /** How long a send that failed (database briefly away) keeps being retried, in ms. */
  sendRetryMs?: number;
}

export interface JobQueue {
  /** Adds a job type; call before `start()`. Every pack registers its jobs from its own `jobs.ts`. */
  registerJob<N extends JobName>(name: N, handler: JobHandler<N>, options: JobOptions<N>): void;
  /** Queues jobs; never throws and never waits (a failed send is retried, then logged). */
  send(tasks: readonly JobTask[]): void;
  /** Connects and creates the registered queues. */
  start(): Promise<void>;
  /** Starts taking jobs on this instance (any number of instances may share the queue). */
  startWorkers(): Promise<void>;
  /** Stops taking jobs and waits for the running ones to finish. */
  stopWorkers(): Promise<void>;
  /** Sends still queued, for tests and shutdown: resolves when none is in flight. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

interface Registered {
  name: JobName;
  handler: JobHandler<JobName>;
  options: JobOptions<JobName>;
}

const SEND_RETRY_STEP_MS = 500;

/**
 * The platform's one job queue: pg-boss in Postgres, so jobs survive a
 * restart and any server instance may run them. Packs add job types with
 * `registerJob(name, handler, options)`; writes queue them through post-commit
 * task lists (server/mutators/), never from inside a transaction.
 */
export function createJobQueue(opts: JobQueueOptions): JobQueue {
  const { log } = opts;
  const boss = new PgBoss({
    connectionString: opts.databaseUrl,
    application_name: 'kpi-jobs',
    max: 4,
    // Cron jobs (registerJob's `cron`) and maintenance (expiry, retention).
    schedule: true,
  });
  boss.on('error', (err) => log(`[jobs] queue error: ${err.message}`));
  const jobs = new Map<JobName, Registered>();
  const inFlight = new Set<Promise<void>>();
  let started = false;
  let stopped = false;
  let working = false;

  /**
   * Sends that failed (Postgres briefly away), by job and singleton key:
   * while the database restarts, a stream of writes collapses to one waiting
   * send per key (the latest), retried by one loop, instead of a retry loop
   * per write that would all hit the database the moment it is back.
   */
  const waiting = new Map<string, { task: JobTask; job: Registered; deadline: number }>();
  let retrying: Promise<void> | null = null;
  let unkeyed = 0;

  const singletonOf = (task: JobTask, job: Registered) => job.options.singletonKey?.(task.data);

  const sendNow = (task: JobTask, job: Registered) => {
    const singletonKey = singletonOf(task, job);
    return boss.send(task.job, task.data as object, {
      ...(singletonKey ? { singletonKey } : {}),
      ...(job.options.startAfterSeconds ? { startAfter: job.options.startAfterSeconds } : {}),
    });
  };

  const retryWaiting = async (): Promise<void> => {
    while (waiting.size > 0 && !stopped) {
      await new Promise((r) => setTimeout(r, SEND_RETRY_STEP_MS));
      for (const [key, { task, job, deadline }] of [...waiting]) {
        try {
          await sendNow(task, job);
          waiting.delete(key);
        } catch (err) {
          if (Date.now() <= deadline) break; // still away: try the rest next round
          waiting.delete(key);
          log(`[jobs] could not queue ${task.job}: ${(err as Error).message}`);
        }
      }
    }
    for (const { task } of waiting.values()) log(`[jobs] could not queue ${task.job}: the queue stopped`);
    waiting.clear();
  };

  const sendOne = async (task: JobTask): Promise<void> => {
    const job = jobs.get(task.job);
    if (!job) {
      log(`[jobs] no job type "${task.job}" is registered; dropped`);
      return;
    }
    if (waiting.size === 0) {
      try {
        await sendNow(task, job);
        return;
      } catch {
        // Postgres briefly away (a restart): keep the work rather than lose it.
      }
    }
    const singletonKey = singletonOf(task, job);
    const key = singletonKey ? `${task.job}:${singletonKey}` : `${task.job}#${unkeyed++}`;
    const deadline = waiting.get(key)?.deadline ?? Date.now() + (opts.sendRetryMs ?? 60_000);
    waiting.set(key, { task, job, deadline });
    // Until this task is sent or given up (a loop that was just finishing may have missed it).
    while (waiting.get(key)?.task === task) {
      if (!retrying) retrying = retryWaiting().finally(() => (retrying = null));
      await retrying;
    }
  };

  const run = (job: Registered) => async (batch: { id: string; data: unknown; signal: AbortSignal }[]) => {
    for (const item of batch) {
      const parsed = job.options.schema.safeParse(item.data);
      if (!parsed.success) {
        log(`[jobs] ${job.name}: dropping malformed job ${item.id}`);
        continue;
      }
      try {
        await job.handler(parsed.data, { id: item.id, signal: item.signal });
      } catch (err) {
        const why = job.options.permanent?.(err) ?? null;
        if (why) {
          log(`[jobs] ${job.name} ${item.id}: ${why}; skipped`);
          continue;
        }
        log(`[jobs] ${job.name} ${item.id} failed (${(err as Error).message}); pg-boss retries it`);
        throw err;
      }
    }
  };

  return {
    registerJob(name, handler, options) {
      if (started) throw new Error(`Register job "${name}" before the queue starts.`);
      if (jobs.has(name)) throw new Error(`Job "${name}" is registered twice.`);
      jobs.set(name, { name, handler, options } as unknown as Registered);
    },
    send(tasks) {
      if (stopped) return;
      for (const task of tasks) {
        const p = sendOne(task).finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
    },
    async start() {
      started = true;
      await boss.start();
      for (const job of jobs.values()) {
        await boss.createQueue(job.name, {
          policy: job.options.singletonKey ? 'stately' : 'standard',
          retryLimit: job.options.retryLimit ?? 3,
          retryDelay: job.options.retryDelaySeconds ?? 2,
          retryBackoff: true,
          expireInSeconds: job.options.expireInSeconds ?? 120,
          deleteAfterSeconds: 24 * 3600,
        });
        if (job.options.cron) await boss.schedule(job.name, job.options.cron, {});
      }
    },
    async startWorkers() {
      if (working || stopped) return;
      working = true;
      for (const job of jobs.values()) {
        await boss.work(
          job.name,
          {
            pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 0.5,
            localConcurrency: job.options.localConcurrency ?? 1,
            batchSize: 1,
          },
          run(job),
        );
      }
    },
    async stopWorkers() {
      if (!working) return;
      working = false;
      for (const job of jobs.values()) await boss.offWork(job.name, { wait: true });
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async stop() {
      stopped = true;
      await Promise.allSettled([...inFlight]);
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
