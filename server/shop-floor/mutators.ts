import { defineMutator, type ReadonlyJSONValue, type Transaction } from '@rocicorp/zero';
import type { ZeroContext } from '../../sync/context.ts';
import { mutators } from '../../sync/mutators.ts';
import type { PostCommitTasks } from '../mutators/post-commit.ts';
import { ROLLUP_RECOMPUTE_JOB } from './jobs.ts';

type Options = { tx: Transaction; args: ReadonlyJSONValue | undefined; ctx: ZeroContext };

/** The shop-floor pack's server overrides: a recompute started queues the job that runs it, once committed. */
export function shopFloorServerMutators(tasks: PostCommitTasks) {
  return {
    rollupRecompute: {
      start: defineMutator(async (options: Options) => {
        await mutators.rollupRecompute.start.fn(options as never);
        const { orgID, userID } = options.ctx;
        const args = options.args as { id?: unknown } | undefined;
        if (orgID && typeof args?.id === 'string') tasks.push(ROLLUP_RECOMPUTE_JOB, { orgID, userID, runID: args.id });
      }),
    },
  };
}
