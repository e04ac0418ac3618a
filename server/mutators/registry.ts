import { defineMutators } from '@rocicorp/zero';
import { mutators } from '../../sync/mutators.ts';
import { healthServerMutators } from '../customer-success/health/mutators.ts';
import { kpiUploadServerMutators } from '../customer-success/uploads/mutators.ts';
import { kpiTrackerServerMutators } from '../kpi-tracker/mutators.ts';
import { playbookServerMutators } from '../playbooks/mutators.ts';
import { shopFloorServerMutators } from '../shop-floor/mutators.ts';
import type { PostCommitTasks } from './post-commit.ts';

/**
 * The one mutator registry the server runs, for Zero's mutate endpoint and
 * every REST write alike: the shared mutators, with each pack's server
 * overrides (which push post-commit tasks onto `tasks`) spread over them.
 * A pack adds its overrides here; groups not overridden run as shared.
 */
export function createServerMutators(tasks: PostCommitTasks) {
  const kpiTracker = kpiTrackerServerMutators(tasks);
  const uploads = kpiUploadServerMutators(tasks);
  const tracked = defineMutators(mutators, {
    ...kpiTracker,
    ...uploads,
    // Playbook triggers wrap the KPI tracker's data point and the uploads' overrides, so every pack's tasks are queued.
    ...playbookServerMutators(tasks, kpiTracker.dataPoint, uploads.kpiUpload),
    ...shopFloorServerMutators(tasks),
  });
  // Overrides that wrap the registry so far (the same mutator may carry several packs' tasks).
  return defineMutators(tracked, healthServerMutators(tasks, tracked as never));
}

export type ServerMutators = ReturnType<typeof createServerMutators>;
