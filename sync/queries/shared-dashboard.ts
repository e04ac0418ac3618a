import { defineQuery, type Query } from '@rocicorp/zero';
import { z } from 'zod';
import { idSchema as id } from '../../shared/validation.ts';
import type { ZeroContext } from '../context.ts';
import '../context.ts';
import { type Schema, zql } from '../schema.ts';
import { sinceArg, withWidgets } from './dashboards.ts';

const shareArgs = z.object({ shareID: id });

/**
 * The share link a wall screen was opened with, while it is live: the
 * server sets ctx.share only after checking the link's secret token
 * (server/dashboards/share-tokens.ts), so naming another link's id matches
 * nothing, and a revoked or expired link stops matching at once (the
 * dashboard's rows below join through it).
 */
const liveShare = (q: Query<'dashboardShare', Schema>, ctx: Pick<ZeroContext, 'share'> | undefined, shareID: string) =>
  q
    // A primary key is never null, so the other branch matches nothing. (Not the tenant
    // filter's NUL id: zero-cache writes a primary-key lookup into its SQLite query as a
    // literal, where a NUL ends the statement.)
    .where(({ cmp }) => (ctx?.share?.id === shareID ? cmp('id', shareID) : cmp('id', 'IS', null)))
    .where('revokedAt', 'IS', null)
    .where(({ or, cmp }) => or(cmp('expiresAt', 'IS', null), cmp('expiresAt', '>', Date.now())));

/**
 * What a read-only share link may read: its own link row, and its one
 * dashboard (only while shared) with its widgets' KPIs, points and goals.
 * Nothing else is readable with a link: these are the only queries the
 * server runs for it, and members' queries give a link nothing (it is no member).
 */
export const sharedDashboardQueries = {
  sharedDashboard: {
    link: defineQuery(shareArgs, ({ args, ctx }) => liveShare(zql.dashboardShare, ctx, args.shareID).one()),
    dashboard: defineQuery(shareArgs.extend({ dashboardID: id, since: sinceArg }), ({ args, ctx }) =>
      withWidgets(
        zql.dashboard
          .where('id', args.dashboardID)
          .where('shared', true)
          .whereExists('shares', (s) => liveShare(s, ctx, args.shareID))
          // Its organization's name and formats (locale, currency), to show numbers as its members see them.
          .related('organization', (o) => o.one()),
        args.since,
      ).one(),
    ),
  },
};

/** The query names a share link may run. */
export const SHARE_QUERY_NAMES: ReadonlySet<string> = new Set(
  Object.keys(sharedDashboardQueries.sharedDashboard).map((name) => `sharedDashboard.${name}`),
);
