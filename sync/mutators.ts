import { defineMutators } from '@rocicorp/zero';
import { withCheckedArgs } from './checked-args.ts';
import './context.ts';
import { accountHealthMutators } from './mutators/account-health/index.ts';
import { customerSuccessMutators } from './mutators/customer-success/index.ts';
import { dashboardsMutators } from './mutators/dashboards/index.ts';
import { healthMutators } from './mutators/health/index.ts';
import { kpiTrackerMutators } from './mutators/kpi-tracker/index.ts';
import { kpiUploadMutators } from './mutators/kpi-uploads/index.ts';
import { platformMutators } from './mutators/platform/index.ts';
import { playbookRunMutators } from './mutators/playbook-executions/index.ts';
import { playbookMutators } from './mutators/playbooks/index.ts';
import { shopFloorMutators } from './mutators/shop-floor/index.ts';

/**
 * Every mutator, by name ("kpi.create", "dataPoint.add", ...), from one
 * folder per pack (sync/mutators/<pack>/<object>.ts; the platform's own in
 * sync/mutators/platform/): run optimistically on the client and with
 * authority on the server, each after its arguments pass their schema and
 * the shared input rules.
 */
export const mutators = defineMutators(
  withCheckedArgs({
    ...platformMutators,
    ...kpiTrackerMutators,
    ...dashboardsMutators,
    ...healthMutators,
    ...playbookMutators,
    ...customerSuccessMutators,
    ...accountHealthMutators,
    kpiUpload: kpiUploadMutators,
    ...playbookRunMutators,
    ...shopFloorMutators,
  }),
);

export type Mutators = typeof mutators;
