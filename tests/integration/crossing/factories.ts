import { accountHealthMutators, accountHealthQueries } from './account-health-factories.ts';
import { type MutatorFactory, mergeFactories, type QueryFactory } from './cases.ts';
import { chatQueries } from './chat-factories.ts';
import { customerSuccessMutators, customerSuccessQueries } from './customer-success-factories.ts';
import { dashboardsMutators, dashboardsQueries } from './dashboards-factories.ts';
import { healthMutators, healthQueries } from './health-factories.ts';
import { kpiTrackerMutators, kpiTrackerQueries } from './kpi-tracker-factories.ts';
import { platformMutators, platformQueries } from './platform-factories.ts';
import { playbookExecutionMutators, playbookExecutionQueries } from './playbook-executions-factories.ts';
import { reportEmailQueries } from './report-email-factories.ts';
import { shopFloorBatchQueries } from './shop-floor-batches-factories.ts';
import { shopFloorEntryMutators, shopFloorEntryQueries } from './shop-floor-entries-factories.ts';
import { shopFloorMutators, shopFloorQueries } from './shop-floor-factories.ts';
import { shopFloorRollupMutators, shopFloorRollupQueries } from './shop-floor-rollups-factories.ts';

/**
 * Every pack's crossing factories, by registered name. A pack adds its
 * `<pack>-factories.ts` next to these and spreads it in here.
 */
export const queryFactories = mergeFactories<QueryFactory>(
  platformQueries,
  kpiTrackerQueries,
  dashboardsQueries,
  healthQueries,
  customerSuccessQueries,
  accountHealthQueries,
  playbookExecutionQueries,
  shopFloorQueries,
  shopFloorEntryQueries,
  shopFloorRollupQueries,
  shopFloorBatchQueries,
  reportEmailQueries,
  chatQueries,
);
export const mutatorFactories = mergeFactories<MutatorFactory>(
  platformMutators,
  kpiTrackerMutators,
  dashboardsMutators,
  healthMutators,
  customerSuccessMutators,
  accountHealthMutators,
  playbookExecutionMutators,
  shopFloorMutators,
  shopFloorEntryMutators,
  shopFloorRollupMutators,
);

/** Where a missing factory goes, for the failure message. */
export const FACTORY_HOME = 'tests/integration/crossing/<pack>-factories.ts (spread into crossing/factories.ts)';
