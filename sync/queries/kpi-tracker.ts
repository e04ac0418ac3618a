import { defineQuery } from '@rocicorp/zero';
import { z } from 'zod';
import { idSchema as id } from '../../shared/validation.ts';
import '../context.ts';
import { scoped } from '../tenant.ts';
import { orgArgs as org, orgKpiArgs as orgKpi } from './args.ts';

/** Points a dashboard card draws in its sparkline. */
export const SPARKLINE_POINTS = 30;

/** The KPI tracker's synced queries. */
export const kpiTrackerQueries = {
  kpis: {
    list: defineQuery(org, ({ args, ctx }) =>
      scoped('kpi', args.orgID, ctx).where('archivedAt', 'IS', null).orderBy('name', 'asc'),
    ),
    /** The dashboard grid: active KPIs with their latest points for sparklines. */
    dashboard: defineQuery(org, ({ args, ctx }) =>
      scoped('kpi', args.orgID, ctx)
        .where('archivedAt', 'IS', null)
        .related('dataPoints', (p) => p.orderBy('recordedAt', 'desc').limit(SPARKLINE_POINTS))
        .orderBy('name', 'asc'),
    ),
    archived: defineQuery(org, ({ args, ctx }) =>
      scoped('kpi', args.orgID, ctx).where('archivedAt', 'IS NOT', null).orderBy('name', 'asc'),
    ),
    byId: defineQuery(orgKpi, ({ args, ctx }) =>
      scoped('kpi', args.orgID, ctx)
        .where('id', args.kpiID)
        .related('owner', (o) => o.one())
        .one(),
    ),
  },
  dataPoints: {
    forKpi: defineQuery(orgKpi.extend({ limit: z.number().int().min(1).max(5000).default(100) }), ({ args, ctx }) =>
      scoped('dataPoint', args.orgID, ctx)
        .where('kpiID', args.kpiID)
        .related('author', (a) => a.one())
        .orderBy('recordedAt', 'desc')
        .limit(args.limit),
    ),
  },
  goals: {
    list: defineQuery(org.extend({ archived: z.boolean().default(false) }), ({ args, ctx }) =>
      scoped('goal', args.orgID, ctx)
        .where('archivedAt', args.archived ? 'IS NOT' : 'IS', null)
        .related('goalKpis', (l) => l.related('kpi', (k) => k.one()))
        .orderBy('targetDate', 'asc'),
    ),
    byId: defineQuery(org.extend({ goalID: id }), ({ args, ctx }) =>
      scoped('goal', args.orgID, ctx)
        .where('id', args.goalID)
        .related('goalKpis', (l) => l.related('kpi', (k) => k.one()))
        .one(),
    ),
    /** The goals a KPI feeds. */
    forKpi: defineQuery(orgKpi, ({ args, ctx }) =>
      scoped('goal', args.orgID, ctx)
        .where('archivedAt', 'IS', null)
        .whereExists('goalKpis', (l) => l.where('kpiID', args.kpiID))
        .related('goalKpis', (l) => l.where('kpiID', args.kpiID))
        .orderBy('targetDate', 'asc'),
    ),
  },
  insights: {
    /** Newest first. */
    forKpi: defineQuery(orgKpi.extend({ limit: z.number().int().min(1).max(50).default(5) }), ({ args, ctx }) =>
      scoped('insight', args.orgID, ctx).where('kpiID', args.kpiID).orderBy('generatedAt', 'desc').limit(args.limit),
    ),
  },
  kpiOptions: {
    list: defineQuery(org, ({ args, ctx }) => scoped('kpiOption', args.orgID, ctx).orderBy('value', 'asc')),
  },
  layouts: {
    mine: defineQuery(org, ({ args, ctx }) => scoped('dashboardLayout', args.orgID, ctx).one()),
  },
};
