import { defineQuery } from '@rocicorp/zero';
import { z } from 'zod';
import '../context.ts';
import { dataPointsOf, goalsOf, insightsOf, kpiOptionsOf, kpisOf, layoutOf } from '../tenant.ts';
import { id, orgArgs as org, orgKpiArgs as orgKpi } from './args.ts';

/** Points a dashboard card draws in its sparkline. */
export const SPARKLINE_POINTS = 30;

/** The KPI tracker's synced queries. */
export const kpiTrackerQueries = {
  kpis: {
    list: defineQuery(org, ({ args, ctx }) =>
      kpisOf(args.orgID, ctx?.userID).where('archivedAt', 'IS', null).orderBy('name', 'asc'),
    ),
    /** The dashboard grid: active KPIs with their latest points for sparklines. */
    dashboard: defineQuery(org, ({ args, ctx }) =>
      kpisOf(args.orgID, ctx?.userID)
        .where('archivedAt', 'IS', null)
        .related('dataPoints', (p) => p.orderBy('recordedAt', 'desc').limit(SPARKLINE_POINTS))
        .orderBy('name', 'asc'),
    ),
    archived: defineQuery(org, ({ args, ctx }) =>
      kpisOf(args.orgID, ctx?.userID).where('archivedAt', 'IS NOT', null).orderBy('name', 'asc'),
    ),
    byId: defineQuery(orgKpi, ({ args, ctx }) =>
      kpisOf(args.orgID, ctx?.userID)
        .where('id', args.kpiID)
        .related('owner', (o) => o.one())
        .one(),
    ),
  },
  dataPoints: {
    forKpi: defineQuery(orgKpi.extend({ limit: z.number().int().min(1).max(5000).default(100) }), ({ args, ctx }) =>
      dataPointsOf(args.orgID, ctx?.userID)
        .where('kpiID', args.kpiID)
        .related('author', (a) => a.one())
        .orderBy('recordedAt', 'desc')
        .limit(args.limit),
    ),
  },
  goals: {
    list: defineQuery(org.extend({ archived: z.boolean().default(false) }), ({ args, ctx }) =>
      goalsOf(args.orgID, ctx?.userID)
        .where('archivedAt', args.archived ? 'IS NOT' : 'IS', null)
        .related('goalKpis', (l) => l.related('kpi', (k) => k.one()))
        .orderBy('targetDate', 'asc'),
    ),
    byId: defineQuery(org.extend({ goalID: id }), ({ args, ctx }) =>
      goalsOf(args.orgID, ctx?.userID)
        .where('id', args.goalID)
        .related('goalKpis', (l) => l.related('kpi', (k) => k.one()))
        .one(),
    ),
    /** The goals a KPI feeds. */
    forKpi: defineQuery(orgKpi, ({ args, ctx }) =>
      goalsOf(args.orgID, ctx?.userID)
        .where('archivedAt', 'IS', null)
        .whereExists('goalKpis', (l) => l.where('kpiID', args.kpiID))
        .related('goalKpis', (l) => l.where('kpiID', args.kpiID))
        .orderBy('targetDate', 'asc'),
    ),
  },
  insights: {
    /** Newest first. */
    forKpi: defineQuery(orgKpi.extend({ limit: z.number().int().min(1).max(50).default(5) }), ({ args, ctx }) =>
      insightsOf(args.orgID, ctx?.userID).where('kpiID', args.kpiID).orderBy('generatedAt', 'desc').limit(args.limit),
    ),
  },
  kpiOptions: {
    list: defineQuery(org, ({ args, ctx }) => kpiOptionsOf(args.orgID, ctx?.userID).orderBy('value', 'asc')),
  },
  layouts: {
    mine: defineQuery(org, ({ args, ctx }) => layoutOf(args.orgID, ctx?.userID)),
  },
};
