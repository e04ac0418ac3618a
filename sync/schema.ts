import { createBuilder, createSchema, enumeration, json, number, type Row, relationships, string, table } from '@rocicorp/zero';
import type { GoalStatus } from '../shared/goal-fields.ts';
import type { DataSource, Direction, Frequency } from '../shared/kpi.ts';

export type GoalPace = 'on-track' | 'at-risk' | 'off-track' | 'completed' | 'no-data';

/**
 * The Zero schema: the client-visible subset of the Postgres tables (see the
 * publication in db/migrations). tests/integration/schema-drift.test.ts fails
 * when this and Postgres disagree.
 */
const organization = table('organization')
  .columns({
    id: string(),
    name: string(),
    slug: string(),
    logo: string().optional(),
    createdAt: number(),
  })
  .primaryKey('id');

const member = table('member')
  .columns({
    id: string(),
    organizationID: string().from('organizationId'),
    userID: string().from('userId'),
    role: string(),
    createdAt: number(),
  })
  .primaryKey('id');

const user = table('user')
  .columns({
    id: string(),
    name: string(),
    image: string().optional(),
  })
  .primaryKey('id');

const kpi = table('kpi')
  .columns({
    id: string(),
    organizationID: string().from('organization_id'),
    name: string(),
    description: string(),
    unit: string(),
    category: string(),
    target: number(),
    direction: enumeration<Direction>(),
    frequency: enumeration<Frequency>(),
    ownerID: string().from('owner_id').optional(),
    accountID: string().from('account_id').optional(),
    currentValue: number().from('current_value').optional(),
    currentAt: number().from('current_at').optional(),
    createdBy: string().from('created_by').optional(),
    createdAt: number().from('created_at'),
    updatedAt: number().from('updated_at'),
    archivedAt: number().from('archived_at').optional(),
  })
  .primaryKey('id');

const dataPoint = table('dataPoint')
  .from('data_point')
  .columns({
    id: string(),
    organizationID: string().from('organization_id'),
    kpiID: string().from('kpi_id'),
    value: number(),
    recordedAt: number().from('recorded_at'),
    source: enumeration<DataSource>(),
    note: string(),
    createdBy: string().from('created_by').optional(),
    createdAt: number().from('created_at'),
    updatedAt: number().from('updated_at').optional(),
  })
  .primaryKey('id');

const kpiOption = table('kpiOption')
  .from('kpi_option')
  .columns({
    id: string(),
    organizationID: string().from('organization_id'),
    kind: enumeration<'unit' | 'category'>(),
    value: string(),
    createdBy: string().from('created_by').optional(),
    createdAt: number().from('created_at'),
  })
  .primaryKey('id');

const goal = table('goal')
  .columns({
    id: string(),
    organizationID: string().from('organization_id'),
    title: string(),
    description: string(),
    targetDate: number().from('target_date'),
    status: enumeration<GoalStatus>(),
    progress: number().optional(),
    pace: enumeration<GoalPace>(),
    createdBy: string().from('created_by').optional(),
    createdAt: number().from('created_at'),
    updatedAt: number().from('updated_at'),
    archivedAt: number().from('archived_at').optional(),
  })
  .primaryKey('id');

const goalKpi = table('goalKpi')
  .from('goal_kpi')
  .columns({
    id: string(),
    organizationID: string().from('organization_id'),
    goalID: string().from('goal_id'),
    kpiID: string().from('kpi_id'),
    weight: number(),
  })
  .primaryKey('id');

const insight = table('insight')
  .columns({
    id: string(),
    organizationID: string().from('organization_id'),
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

const apiKey = table('apiKey')
  .from('api_key')
  .columns({
    id: string(),
    organizationID: string().from('organization_id'),
    name: string(),
    prefix: string(),
    role: string(),
    createdBy: string().from('created_by').optional(),
    createdAt: number().from('created_at'),
    lastUsedAt: number().from('last_used_at').optional(),
    revokedAt: number().from('revoked_at').optional(),
  })
  .primaryKey('id');

/** A person's card arrangement: KPI ids in order, each with a size. */
export type LayoutItem = { kpiID: string; w: 1 | 2 | 3; h: 1 | 2 };
const dashboardLayout = table('dashboardLayout')
  .from('dashboard_layout')
  .columns({
    id: string(),
    organizationID: string().from('organization_id'),
    userID: string().from('user_id'),
    layout: json<LayoutItem[]>(),
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('id');

// Every tenant table reaches the organization's members in one hop, which is
// what the tenant filter in sync/tenant.ts walks.
const organizationRelationships = relationships(organization, ({ many }) => ({
  members: many({ sourceField: ['id'], destSchema: member, destField: ['organizationID'] }),
}));
const memberRelationships = relationships(member, ({ one }) => ({
  user: one({ sourceField: ['userID'], destSchema: user, destField: ['id'] }),
  organization: one({ sourceField: ['organizationID'], destSchema: organization, destField: ['id'] }),
}));
const kpiRelationships = relationships(kpi, ({ many, one }) => ({
  members: many({ sourceField: ['organizationID'], destSchema: member, destField: ['organizationID'] }),
  dataPoints: many({ sourceField: ['id'], destSchema: dataPoint, destField: ['kpiID'] }),
  goalKpis: many({ sourceField: ['id'], destSchema: goalKpi, destField: ['kpiID'] }),
  insights: many({ sourceField: ['id'], destSchema: insight, destField: ['kpiID'] }),
  owner: one({ sourceField: ['ownerID'], destSchema: user, destField: ['id'] }),
}));
const goalRelationships = relationships(goal, ({ many }) => ({
  members: many({ sourceField: ['organizationID'], destSchema: member, destField: ['organizationID'] }),
  goalKpis: many({ sourceField: ['id'], destSchema: goalKpi, destField: ['goalID'] }),
}));
const goalKpiRelationships = relationships(goalKpi, ({ many, one }) => ({
  members: many({ sourceField: ['organizationID'], destSchema: member, destField: ['organizationID'] }),
  kpi: one({ sourceField: ['kpiID'], destSchema: kpi, destField: ['id'] }),
  goal: one({ sourceField: ['goalID'], destSchema: goal, destField: ['id'] }),
}));
const kpiOptionRelationships = relationships(kpiOption, ({ many }) => ({
  members: many({ sourceField: ['organizationID'], destSchema: member, destField: ['organizationID'] }),
}));
const insightRelationships = relationships(insight, ({ many }) => ({
  members: many({ sourceField: ['organizationID'], destSchema: member, destField: ['organizationID'] }),
}));
const apiKeyRelationships = relationships(apiKey, ({ many, one }) => ({
  members: many({ sourceField: ['organizationID'], destSchema: member, destField: ['organizationID'] }),
  creator: one({ sourceField: ['createdBy'], destSchema: user, destField: ['id'] }),
}));
const dashboardLayoutRelationships = relationships(dashboardLayout, ({ many }) => ({
  members: many({ sourceField: ['organizationID'], destSchema: member, destField: ['organizationID'] }),
}));
const dataPointRelationships = relationships(dataPoint, ({ one, many }) => ({
  members: many({ sourceField: ['organizationID'], destSchema: member, destField: ['organizationID'] }),
  author: one({ sourceField: ['createdBy'], destSchema: user, destField: ['id'] }),
}));

export const schema = createSchema({
  tables: [organization, member, user, kpi, dataPoint, kpiOption, goal, goalKpi, insight, apiKey, dashboardLayout],
  relationships: [
    organizationRelationships,
    memberRelationships,
    kpiRelationships,
    dataPointRelationships,
    kpiOptionRelationships,
    goalRelationships,
    goalKpiRelationships,
    insightRelationships,
    apiKeyRelationships,
    dashboardLayoutRelationships,
  ],
  enableLegacyQueries: false,
  enableLegacyMutators: false,
});

export type Schema = typeof schema;
export const zql = createBuilder(schema);

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
