import { createBuilder, createSchema, type Row } from '@rocicorp/zero';
import { accountHealthRelationships, accountHealthScopes, accountHealthTables } from './schema/account-health.ts';
import { chatRelationships, chatScopes, chatTables } from './schema/chat.ts';
import { customerSuccessRelationships, customerSuccessScopes, customerSuccessTables } from './schema/customer-success.ts';
import { dashboardsRelationships, dashboardsScopes, dashboardsTables } from './schema/dashboards.ts';
import { healthRelationships, healthScopes, healthTables } from './schema/health.ts';
import { kpiTrackerRelationships, kpiTrackerScopes, kpiTrackerTables } from './schema/kpi-tracker.ts';
import { kpiUploadRelationshipsList, kpiUploadScopes, kpiUploadTables } from './schema/kpi-uploads.ts';
import { platformRelationships, platformScopes, platformTables } from './schema/platform.ts';
import {
  playbookExecutionRelationships,
  playbookExecutionScopes,
  playbookExecutionTables,
} from './schema/playbook-executions.ts';
import { playbookRelationships, playbookScopes, playbookTables } from './schema/playbooks.ts';
import { reportEmailRelationships, reportEmailScopes, reportEmailTables } from './schema/report-email.ts';
import { shopFloorRelationships, shopFloorScopes, shopFloorTables } from './schema/shop-floor.ts';
import { shopFloorBatchRelationships, shopFloorBatchScopes, shopFloorBatchTables } from './schema/shop-floor-batches.ts';
import { shopFloorEntryRelationships, shopFloorEntryScopes, shopFloorEntryTables } from './schema/shop-floor-entries.ts';
import { shopFloorRollupRelationships, shopFloorRollupScopes, shopFloorRollupTables } from './schema/shop-floor-rollups.ts';

export type { GoalPace } from '../shared/goals.ts';
export type { LayoutItem } from './schema/kpi-tracker.ts';
export type { JobRunStatus, TenantScope } from './schema/platform.ts';

/**
 * The Zero schema: the client-visible subset of the Postgres tables (see the
 * publication in db/migrations), combined from one module per pack
 * (sync/schema/<pack>.ts: its tables, relationships and tenant scopes).
 * tests/integration/schema-drift.test.ts fails when this and Postgres disagree.
 */
export const schema = createSchema({
  tables: [
    ...platformTables,
    ...kpiTrackerTables,
    ...dashboardsTables,
    ...healthTables,
    ...playbookTables,
    ...customerSuccessTables,
    ...accountHealthTables,
    ...kpiUploadTables,
    ...playbookExecutionTables,
    ...shopFloorTables,
    ...shopFloorEntryTables,
    ...shopFloorRollupTables,
    ...shopFloorBatchTables,
    ...reportEmailTables,
    ...chatTables,
  ],
  relationships: [
    ...platformRelationships,
    ...kpiTrackerRelationships,
    ...dashboardsRelationships,
    ...healthRelationships,
    ...playbookRelationships,
    ...customerSuccessRelationships,
    ...accountHealthRelationships,
    ...kpiUploadRelationshipsList,
    ...playbookExecutionRelationships,
    ...shopFloorRelationships,
    ...shopFloorEntryRelationships,
    ...shopFloorRollupRelationships,
    ...shopFloorBatchRelationships,
    ...reportEmailRelationships,
    ...chatRelationships,
  ],
  enableLegacyQueries: false,
  enableLegacyMutators: false,
});

export type Schema = typeof schema;
export const zql = createBuilder(schema);

/** Every tenant table and how reads of it are scoped (sync/tenant.ts). */
export const tenantScopes = {
  ...platformScopes,
  ...kpiTrackerScopes,
  ...dashboardsScopes,
  ...healthScopes,
  ...playbookScopes,
  ...customerSuccessScopes,
  ...accountHealthScopes,
  ...kpiUploadScopes,
  ...playbookExecutionScopes,
  ...shopFloorScopes,
  ...shopFloorEntryScopes,
  ...shopFloorRollupScopes,
  ...shopFloorBatchScopes,
  ...reportEmailScopes,
  ...chatScopes,
};
export type TenantTable = keyof typeof tenantScopes;

export type Organization = Row<typeof schema.tables.organization>;
export type Member = Row<typeof schema.tables.member>;
export type User = Row<typeof schema.tables.user>;
export type Kpi = Row<typeof schema.tables.kpi>;
export type DataPoint = Row<typeof schema.tables.dataPoint>;
export type KpiOption = Row<typeof schema.tables.kpiOption>;
export type Goal = Row<typeof schema.tables.goal>;
export type GoalKpi = Row<typeof schema.tables.goalKpi>;
export type Insight = Row<typeof schema.tables.insight>;
export type ApiKey = Row<typeof schema.tables.apiKey>;
export type DashboardLayout = Row<typeof schema.tables.dashboardLayout>;
export type Dashboard = Row<typeof schema.tables.dashboard>;
export type DashboardWidget = Row<typeof schema.tables.dashboardWidget>;
export type DashboardWidgetKpi = Row<typeof schema.tables.dashboardWidgetKpi>;
export type DashboardShare = Row<typeof schema.tables.dashboardShare>;
export type DashboardPresence = Row<typeof schema.tables.dashboardPresence>;
export type ReferenceRangeRow = Row<typeof schema.tables.referenceRange>;
export type Account = Row<typeof schema.tables.account>;
export type AccountHealth = Row<typeof schema.tables.accountHealth>;
export type HealthTrend = Row<typeof schema.tables.healthTrend>;
export type HealthRescore = Row<typeof schema.tables.healthRescore>;
export type KpiUpload = Row<typeof schema.tables.kpiUpload>;
export type PlaybookExecution = Row<typeof schema.tables.playbookExecution>;
export type PlaybookStepRow = Row<typeof schema.tables.playbookStep>;
export type Line = Row<typeof schema.tables.line>;
export type Product = Row<typeof schema.tables.product>;
export type Shift = Row<typeof schema.tables.shift>;
export type Employee = Row<typeof schema.tables.employee>;
export type DowntimeReason = Row<typeof schema.tables.downtimeReason>;
export type DefectType = Row<typeof schema.tables.defectType>;
export type WorkOrder = Row<typeof schema.tables.workOrder>;
export type Job = Row<typeof schema.tables.job>;
export type WorkOrderTransition = Row<typeof schema.tables.workOrderTransition>;
export type WorkOrderHold = Row<typeof schema.tables.workOrderHold>;
export type ProductionEntry = Row<typeof schema.tables.productionEntry>;
export type QualityEntry = Row<typeof schema.tables.qualityEntry>;
export type DowntimeEntry = Row<typeof schema.tables.downtimeEntry>;
export type AttendanceEntry = Row<typeof schema.tables.attendanceEntry>;
export type ShiftRollup = Row<typeof schema.tables.shiftRollup>;
export type RollupRecompute = Row<typeof schema.tables.rollupRecompute>;
export type ProductionBatch = Row<typeof schema.tables.productionBatch>;
export type ReportSchedule = Row<typeof schema.tables.reportSchedule>;
export type ReportSend = Row<typeof schema.tables.reportSend>;
export type ChatThread = Row<typeof schema.tables.chatThread>;
export type ChatMessage = Row<typeof schema.tables.chatMessage>;
export type ChatToolCall = Row<typeof schema.tables.chatToolCall>;
