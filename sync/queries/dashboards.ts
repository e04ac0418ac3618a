import { defineQuery, type Query } from '@rocicorp/zero';
import { z } from 'zod';
import { idSchema as id } from '../../shared/validation.ts';
import type { ZeroContext } from '../context.ts';
import '../context.ts';
import type { Schema } from '../schema.ts';
import { callerID, scoped } from '../tenant.ts';
import { orgArgs as org } from './args.ts';

/** The most points per KPI a dashboard syncs: a year of daily values and the year before, with room. */
export const DASHBOARD_POINTS_MAX = 800;

/** Points recorded since (epoch ms, a day boundary so the argument changes once a day): the range and the period before it. */
export const sinceArg = z.number().int().min(0);
const dashboardArgs = org.extend({ dashboardID: id });

type Caller = Pick<ZeroContext, 'userID'> | undefined;

/** Shared dashboards, or the caller's own private ones: the keeper's rule, on top of the tenant filter. */
const keptOrShared = <Q extends Query<'dashboard', Schema>>(q: Q, ctx: Caller): Q =>
  q.where(({ or, cmp }) => or(cmp('shared', true), cmp('createdBy', callerID(ctx)))) as Q;

/** The dashboards of `orgID` the caller may see. */
export const visibleDashboards = (orgID: string, ctx: Caller) => keptOrShared(scoped('dashboard', orgID, ctx), ctx);

/**
 * A dashboard with everything its widgets draw: the widgets in grid order,
 * each with its KPIs (in order, with their points since `since`) or its goal
 * (with its weighted KPIs). One query, so a wall screen or a page syncs a
 * dashboard in one go. Used by the members' and the share link's queries.
 */
export function withWidgets<R>(q: Query<'dashboard', Schema, R>, since: number) {
  return q.related('widgets', (w) =>
    w
      .orderBy('y', 'asc')
      .orderBy('x', 'asc')
      .related('kpiLinks', (l) =>
        l
          .orderBy('position', 'asc')
          .related('kpi', (k) =>
            k
              .related('dataPoints', (p) =>
                p.where('recordedAt', '>=', since).orderBy('recordedAt', 'desc').limit(DASHBOARD_POINTS_MAX),
              )
              .one(),
          ),
      )
      .related('goal', (g) => g.related('goalKpis', (gk) => gk.related('kpi', (k) => k.one())).one()),
  );
}

/** Dashboards' synced queries. */
export const dashboardQueries = {
  dashboards: {
    /** Shared ones and the caller's private ones, by name. */
    list: defineQuery(org, ({ args, ctx }) => visibleDashboards(args.orgID, ctx).orderBy('name', 'asc').orderBy('id', 'asc')),
    /** One dashboard with its widgets and their data. */
    byId: defineQuery(dashboardArgs.extend({ since: sinceArg }), ({ args, ctx }) =>
      withWidgets(visibleDashboards(args.orgID, ctx).where('id', args.dashboardID), args.since).one(),
    ),
    /** Who is on the dashboard now (the client hides rows past PRESENCE_STALE_MS). */
    presence: defineQuery(dashboardArgs, ({ args, ctx }) =>
      scoped('dashboardPresence', args.orgID, ctx)
        .where('dashboardID', args.dashboardID)
        .whereExists('dashboard', (d) => keptOrShared(d, ctx))
        .related('user', (u) => u.one())
        .orderBy('seenAt', 'desc'),
    ),
    /** The dashboard's live share links (admins; never the tokens). */
    shares: defineQuery(dashboardArgs, ({ args, ctx }) =>
      scoped('dashboardShare', args.orgID, ctx)
        .where('dashboardID', args.dashboardID)
        .where('revokedAt', 'IS', null)
        .orderBy('createdAt', 'desc'),
    ),
    /** The caller's default dashboard in the organization. */
    preference: defineQuery(org, ({ args, ctx }) => scoped('dashboardPreference', args.orgID, ctx).one()),
  },
};
