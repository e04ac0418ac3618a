import type { JobName, JobPayloads, JobTask } from '../jobs/payloads.ts';

/**
 * The work one write asks for, to run once its transaction has committed
 * (zbugs' request-scoped task list). Server mutators push onto it; the
 * transport that ran them (Zero's mutate endpoint or a REST route) hands it
 * to the job queue after commit, and drops it when the write rolled back.
 */
export class PostCommitTasks {
  readonly #tasks: JobTask[] = [];

  push<N extends JobName>(job: N, data: JobPayloads[N]): void {
    this.#tasks.push({ job, data } as JobTask);
  }

  pushAll(tasks: Iterable<JobTask>): void {
    for (const task of tasks) this.#tasks.push(task);
  }

  get tasks(): readonly JobTask[] {
    return this.#tasks;
  }
}

/** Where committed writes' tasks go: the job queue's `send`. Must never throw or wait. */
export type PostCommit = (tasks: readonly JobTask[]) => void;

export const dropTasks: PostCommit = () => {};

/** Hands tasks over; a failing sink never fails the write that already committed. */
export function flushTasks(postCommit: PostCommit, tasks: PostCommitTasks, log?: (line: string) => void): void {
  if (tasks.tasks.length === 0) return;
  try {
    postCommit(tasks.tasks);
  } catch (err) {
    log?.(`[jobs] post-commit tasks lost: ${(err as Error).message}`);
  }
}
