import { defineQueries } from '@rocicorp/zero';
import './context.ts';
import { chatQueries } from './queries/chat.ts';
import { customerSuccessQueries } from './queries/customer-success.ts';
import { dashboardQueries } from './queries/dashboards.ts';
import { healthQueries } from './queries/health.ts';
import { kpiTrackerQueries } from './queries/kpi-tracker.ts';
import { kpiUploadQueries } from './queries/kpi-uploads.ts';
import { platformQueries } from './queries/platform.ts';
import { playbookExecutionQueries } from './queries/playbook-executions.ts';
import { playbookQueries } from './queries/playbooks.ts';
import { reportEmailQueries } from './queries/report-email.ts';
import { sharedDashboardQueries } from './queries/shared-dashboard.ts';
import { shopFloorQueries } from './queries/shop-floor.ts';
import { shopFloorBatchQueries } from './queries/shop-floor-batches.ts';
import { shopFloorEntryQueries } from './queries/shop-floor-entries.ts';
import { shopFloorRollupQueries } from './queries/shop-floor-rollups.ts';

export { SPARKLINE_POINTS } from './queries/kpi-tracker.ts';

/**
 * Every synced query, by name ("kpis.list", "goals.byId", ...), from one
 * module per pack (sync/queries/<pack>.ts). The organization is an argument
 * (so a switch takes effect at once); the tenant filter checks the caller's
 * membership on the server.
 */
export const queries = defineQueries({
  ...platformQueries,
  ...kpiTrackerQueries,
  ...dashboardQueries,
  ...sharedDashboardQueries,
  ...healthQueries,
  ...playbookQueries,
  ...customerSuccessQueries,
  ...kpiUploadQueries,
  ...playbookExecutionQueries,
  ...shopFloorQueries,
  ...shopFloorEntryQueries,
  ...shopFloorRollupQueries,
  ...shopFloorBatchQueries,
  ...reportEmailQueries,
  ...chatQueries,
});

export type Queries = typeof queries;
