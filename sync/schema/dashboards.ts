import { boolean, enumeration, json, number, type ReadonlyJSONValue, string, table } from '@rocicorp/zero';
import type { TimeRange } from '../../shared/dashboards/time-range.ts';
import { goal, kpi } from './kpi-tracker.ts';
import { authorship, organization, type TenantScope, tenantKey, tenantRelationships, user } from './platform.ts';

/**
 * Dashboards: the organization's shared ones and each person's private ones,
 * their widgets (one row each, so concurrent moves of different widgets never
 * collide), the KPIs each widget shows, read-only share links, who is on a
 * dashboard now, and each person's default.
 */
const dashboard = table('dashboard')
  .columns({
    ...tenantKey,
    name: string(),
    shared: boolean(),
    timeRange: enumeration<TimeRange>().from('time_range'),
    rangeStart: number().from('range_start').optional(),
    rangeEnd: number().from('range_end').optional(),
    ...authorship,
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('id');

const dashboardWidget = table('dashboardWidget')
  .from('dashboard_widget')
  .columns({
    ...tenantKey,
    dashboardID: string().from('dashboard_id'),
    type: string(),
    goalID: string().from('goal_id').optional(),
    text: string(),
    x: number(),
    y: number(),
    w: number(),
    h: number(),
    options: json<{ readonly [key: string]: ReadonlyJSONValue }>(),
    updatedBy: string().from('updated_by').optional(),
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('id');

const dashboardWidgetKpi = table('dashboardWidgetKpi')
  .from('dashboard_widget_kpi')
  .columns({
    ...tenantKey,
    dashboardID: string().from('dashboard_id'),
    widgetID: string().from('widget_id'),
    kpiID: string().from('kpi_id'),
    position: number(),
  })
  .primaryKey('id');

const dashboardShare = table('dashboardShare')
  .from('dashboard_share')
  .columns({
    ...tenantKey,
    dashboardID: string().from('dashboard_id'),
    prefix: string(),
    ...authorship,
    expiresAt: number().from('expires_at').optional(),
    revokedAt: number().from('revoked_at').optional(),
  })
  .primaryKey('id');

const dashboardPresence = table('dashboardPresence')
  .from('dashboard_presence')
  .columns({
    ...tenantKey,
    dashboardID: string().from('dashboard_id'),
    userID: string().from('user_id'),
    arranging: boolean(),
    widgetID: string().from('widget_id').optional(),
    seenAt: number().from('seen_at'),
  })
  .primaryKey('id');

const dashboardPreference = table('dashboardPreference')
  .from('dashboard_preference')
  .columns({
    ...tenantKey,
    userID: string().from('user_id'),
    defaultDashboardID: string().from('default_dashboard_id').optional(),
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('id');

const dashboardRelationships = tenantRelationships(dashboard, ({ many, one }) => ({
  widgets: many({ sourceField: ['id'], destSchema: dashboardWidget, destField: ['dashboardID'] }),
  shares: many({ sourceField: ['id'], destSchema: dashboardShare, destField: ['dashboardID'] }),
  presence: many({ sourceField: ['id'], destSchema: dashboardPresence, destField: ['dashboardID'] }),
  creator: one({ sourceField: ['createdBy'], destSchema: user, destField: ['id'] }),
  organization: one({ sourceField: ['organizationID'], destSchema: organization, destField: ['id'] }),
}));
const widgetRelationships = tenantRelationships(dashboardWidget, ({ many, one }) => ({
  kpiLinks: many({ sourceField: ['id'], destSchema: dashboardWidgetKpi, destField: ['widgetID'] }),
  goal: one({ sourceField: ['goalID'], destSchema: goal, destField: ['id'] }),
  dashboard: one({ sourceField: ['dashboardID'], destSchema: dashboard, destField: ['id'] }),
}));
const widgetKpiRelationships = tenantRelationships(dashboardWidgetKpi, ({ one }) => ({
  kpi: one({ sourceField: ['kpiID'], destSchema: kpi, destField: ['id'] }),
  dashboard: one({ sourceField: ['dashboardID'], destSchema: dashboard, destField: ['id'] }),
}));
const shareRelationships = tenantRelationships(dashboardShare, ({ one }) => ({
  dashboard: one({ sourceField: ['dashboardID'], destSchema: dashboard, destField: ['id'] }),
}));
const presenceRelationships = tenantRelationships(dashboardPresence, ({ one }) => ({
  user: one({ sourceField: ['userID'], destSchema: user, destField: ['id'] }),
  dashboard: one({ sourceField: ['dashboardID'], destSchema: dashboard, destField: ['id'] }),
}));
const preferenceRelationships = tenantRelationships(dashboardPreference);

export const dashboardsTables = [
  dashboard,
  dashboardWidget,
  dashboardWidgetKpi,
  dashboardShare,
  dashboardPresence,
  dashboardPreference,
] as const;
export const dashboardsRelationships = [
  dashboardRelationships,
  widgetRelationships,
  widgetKpiRelationships,
  shareRelationships,
  presenceRelationships,
  preferenceRelationships,
] as const;

/** Widgets and their KPI links are read with their dashboard's right (and its keeper's rule, sync/queries/dashboards.ts). */
export const dashboardsScopes = {
  dashboard: { resource: 'dashboard', noun: 'Dashboard' },
  dashboardWidget: { resource: 'dashboard', noun: 'Widget' },
  dashboardWidgetKpi: { resource: 'dashboard', noun: 'Widget KPI' },
  dashboardShare: { resource: 'dashboardShare', noun: 'Share link' },
  dashboardPresence: { resource: 'dashboardPresence', noun: 'Presence' },
  dashboardPreference: { resource: 'dashboardPreference', noun: 'Preference', perUser: true },
} as const satisfies Record<string, TenantScope>;
