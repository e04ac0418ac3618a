import { defineMutators } from '@rocicorp/zero';
import { mutators } from '../../sync/mutators.ts';
import { kpiTrackerServerMutators } from '../kpi-tracker/mutators.ts';
import { playbookServerMutators } from '../playbooks/mutators.ts';
import type { PostCommitTasks } from './post-commit.ts';

/**
 * The one mutator registry the server runs, for Zero's mutate endpoint and
 * every REST write alike: the shared mutators, with each pack's server
 * overrides (which push post-commit tasks onto `tasks`) spread over them.
 * A pack adds its overrides here; groups not overridden run as shared.
 */
export function createServerMutators(tasks: PostCommitTasks) {
  const kpiTracker = kpiTrackerServerMutators(tasks);
  return defineMutators(mutators, {
    ...kpiTracker,
    // Playbook triggers wrap the KPI tracker's data point overrides, so both packs' tasks are queued.
    ...playbookServerMutators(tasks, kpiTracker.dataPoint),
  });
}

export type ServerMutators = ReturnType<typeof createServerMutators>;
