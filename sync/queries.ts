import { defineQueries, defineQuery } from '@rocicorp/zero';
import { z } from 'zod';
import './context.ts';
import {
  apiKeysOf,
  dataPointsOf,
  goalsOf,
  insightsOf,
  kpiOptionsOf,
  kpisOf,
  layoutOf,
  membersOf,
  organizationsOf,
} from './tenant.ts';

const id = z.string().min(1).max(64);
const org = z.object({ orgID: id });
const orgKpi = org.extend({ kpiID: id });
/** Points a dashboard card draws in its sparkline. */
export const SPARKLINE_POINTS = 30;

/**
 * Synced queries. The organization is an argument (so a switch takes effect
 * at once); the tenant filter checks the caller's membership on the server.
 */
export const queries = defineQueries({
  organizations: {
    mine: defineQuery(({ ctx }) =>
      organizationsOf(ctx?.userID)
        .related('members', (m) => m.where('userID', ctx?.userID ?? '').one())
        .orderBy('name', 'asc'),
    ),
  },
  members: {
    list: defineQuery(org, ({ args, ctx }) =>
      membersOf(args.orgID, ctx?.userID)
        .related('user', (u) => u.one())
        .orderBy('createdAt', 'asc'),
    ),
  },
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
  apiKeys: {
    list: defineQuery(org, ({ args, ctx }) =>
      apiKeysOf(args.orgID, ctx?.userID)
        .related('creator', (c) => c.one())
        .orderBy('createdAt', 'desc'),
    ),
  },
  layouts: {
    mine: defineQuery(org, ({ args, ctx }) => layoutOf(args.orgID, ctx?.userID)),
  },
});

export type Queries = typeof queries;
