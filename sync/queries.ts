import { defineQueries, defineQuery } from '@rocicorp/zero';
import { z } from 'zod';
import './context.ts';
import { dataPointsOf, kpisOf, membersOf, organizationsOf } from './tenant.ts';

const id = z.string().min(1).max(64);
const orgArgs = z.object({ orgID: id });

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
    list: defineQuery(orgArgs, ({ args, ctx }) =>
      membersOf(args.orgID, ctx?.userID)
        .related('user', (u) => u.one())
        .orderBy('createdAt', 'asc'),
    ),
  },
  kpis: {
    list: defineQuery(orgArgs, ({ args, ctx }) =>
      kpisOf(args.orgID, ctx?.userID).where('archivedAt', 'IS', null).orderBy('name', 'asc'),
    ),
    byId: defineQuery(orgArgs.extend({ kpiID: id }), ({ args, ctx }) =>
      kpisOf(args.orgID, ctx?.userID).where('id', args.kpiID).one(),
    ),
  },
  dataPoints: {
    forKpi: defineQuery(orgArgs.extend({ kpiID: id, limit: z.number().int().min(1).max(1000).default(100) }), ({ args, ctx }) =>
      dataPointsOf(args.orgID, ctx?.userID)
        .where('kpiID', args.kpiID)
        .related('author', (a) => a.one())
        .orderBy('recordedAt', 'desc')
        .limit(args.limit),
    ),
  },
});

export type Queries = typeof queries;
