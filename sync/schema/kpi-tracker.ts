import { enumeration, json, number, string, table } from '@rocicorp/zero';
import type { GoalStatus } from '../../shared/goal-fields.ts';
import type { GoalPace } from '../../shared/goals.ts';
import type { DataSource, Direction, Frequency } from '../../shared/kpi.ts';
import { authorship, editTimes, type TenantScope, tenantKey, tenantRelationships, user } from './platform.ts';

/**
 * The KPI tracker pack's tables: KPIs, their data points, the organization's
 * extra units and categories, goals of weighted KPIs, insights, and each
 * person's dashboard arrangement.
 */
const kpi = table('kpi')
  .columns({
    ...tenantKey,
    name: string(),
    description: string(),
    unit: string(),
    category: string(),
    target: number(),
    direction: enumeration<Direction>(),
    frequency: enumeration<Frequency>(),
    ownerID: string().from('owner_id').optional(),
    accountID: string().from('account_id').optional(),
    /** The health category it counts towards (shared/customer-success/categories.ts), and its weight there. */
    healthCategory: string().from('health_category').optional(),
    weight: number(),
    currentValue: number().from('current_value').optional(),
    currentAt: number().from('current_at').optional(),
    ...authorship,
    ...editTimes,
  })
  .primaryKey('id');

const dataPoint = table('dataPoint')
  .from('data_point')
  .columns({
    ...tenantKey,
    kpiID: string().from('kpi_id'),
    value: number(),
    recordedAt: number().from('recorded_at'),
    source: enumeration<DataSource>(),
    note: string(),
    ...authorship,
    updatedAt: number().from('updated_at').optional(),
  })
  .primaryKey('id');

const kpiOption = table('kpiOption')
  .from('kpi_option')
  .columns({
    ...tenantKey,
    kind: enumeration<'unit' | 'category'>(),
    value: string(),
    ...authorship,
  })
  .primaryKey('id');

const goal = table('goal')
  .columns({
    ...tenantKey,
    title: string(),
    description: string(),
    targetDate: number().from('target_date'),
    status: enumeration<GoalStatus>(),
    progress: number().optional(),
    pace: enumeration<GoalPace>(),
    ...authorship,
    ...editTimes,
  })
  .primaryKey('id');

const goalKpi = table('goalKpi')
  .from('goal_kpi')
  .columns({
    ...tenantKey,
    goalID: string().from('goal_id'),
    kpiID: string().from('kpi_id'),
    weight: number(),
  })
  .primaryKey('id');

const insight = table('insight')
  .columns({
    ...tenantKey,
    kpiID: string().from('kpi_id'),
    summary: string(),
    narrator: enumeration<'ai' | 'rules'>(),
    model: string().optional(),
    trend: string(),
    confidence: number(),
    facts: json(),
    citedPointIDs: json<string[]>().from('cited_point_ids'),
    generatedAt: number().from('generated_at'),
  })
  .primaryKey('id');

/** A person's card arrangement: KPI ids in order, each with a size. */
export type LayoutItem = { kpiID: string; w: 1 | 2 | 3; h: 1 | 2 };
const dashboardLayout = table('dashboardLayout')
  .from('dashboard_layout')
  .columns({
    ...tenantKey,
    userID: string().from('user_id'),
    layout: json<LayoutItem[]>(),
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('id');

const kpiRelationships = tenantRelationships(kpi, ({ many, one }) => ({
  dataPoints: many({ sourceField: ['id'], destSchema: dataPoint, destField: ['kpiID'] }),
  goalKpis: many({ sourceField: ['id'], destSchema: goalKpi, destField: ['kpiID'] }),
  insights: many({ sourceField: ['id'], destSchema: insight, destField: ['kpiID'] }),
  owner: one({ sourceField: ['ownerID'], destSchema: user, destField: ['id'] }),
}));
const goalRelationships = tenantRelationships(goal, ({ many }) => ({
  goalKpis: many({ sourceField: ['id'], destSchema: goalKpi, destField: ['goalID'] }),
}));
const goalKpiRelationships = tenantRelationships(goalKpi, ({ one }) => ({
  kpi: one({ sourceField: ['kpiID'], destSchema: kpi, destField: ['id'] }),
  goal: one({ sourceField: ['goalID'], destSchema: goal, destField: ['id'] }),
}));
const kpiOptionRelationships = tenantRelationships(kpiOption);
const insightRelationships = tenantRelationships(insight);
const dashboardLayoutRelationships = tenantRelationships(dashboardLayout);
const dataPointRelationships = tenantRelationships(dataPoint, ({ one }) => ({
  author: one({ sourceField: ['createdBy'], destSchema: user, destField: ['id'] }),
}));

export { goal, kpi };

export const kpiTrackerTables = [kpi, dataPoint, kpiOption, goal, goalKpi, insight, dashboardLayout] as const;
export const kpiTrackerRelationships = [
  kpiRelationships,
  dataPointRelationships,
  kpiOptionRelationships,
  goalRelationships,
  goalKpiRelationships,
  insightRelationships,
  dashboardLayoutRelationships,
] as const;

/** Goal links are read with their goal's right. */
export const kpiTrackerScopes = {
  kpi: { resource: 'kpi', noun: 'KPI' },
  dataPoint: { resource: 'dataPoint', noun: 'Data point' },
  kpiOption: { resource: 'kpiOption', noun: 'Option' },
  goal: { resource: 'goal', noun: 'Goal' },
  goalKpi: { resource: 'goal', noun: 'Goal KPI' },
  insight: { resource: 'insight', noun: 'Insight' },
  dashboardLayout: { resource: 'dashboardLayout', noun: 'Layout', perUser: true },
} as const satisfies Record<string, TenantScope>;
