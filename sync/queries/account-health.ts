import { defineQuery } from '@rocicorp/zero';
import { z } from 'zod';
import { idSchema as id } from '../../shared/validation.ts';
import '../context.ts';
import { scoped } from '../tenant.ts';
import { orgArgs as org } from './args.ts';

const account = org.extend({ accountID: id });

/** Live health's synced queries (customer-success pack), in the `health` group. */
export const accountHealthQueries = {
  /** One account's current health (none until its first computation). */
  account: defineQuery(account, ({ args, ctx }) =>
    scoped('accountHealth', args.orgID, ctx).where('accountID', args.accountID).one(),
  ),
  /** Every account's current health in the organization, with its account. */
  portfolio: defineQuery(org, ({ args, ctx }) =>
    scoped('accountHealth', args.orgID, ctx)
      .related('account', (a) => a.one())
      .orderBy('accountID', 'asc'),
  ),
  /** One account's monthly snapshots, oldest first. */
  trend: defineQuery(account, ({ args, ctx }) =>
    scoped('healthTrend', args.orgID, ctx).where('accountID', args.accountID).orderBy('month', 'asc'),
  ),
  /** Every account's monthly snapshots in the organization, by month. */
  portfolioTrend: defineQuery(org, ({ args, ctx }) =>
    scoped('healthTrend', args.orgID, ctx).orderBy('month', 'asc').orderBy('accountID', 'asc'),
  ),
  /** Re-score runs, newest first, with who asked. */
  rescores: defineQuery(org.extend({ limit: z.number().int().min(1).max(100).default(20) }), ({ args, ctx }) =>
    scoped('healthRescore', args.orgID, ctx)
      .related('requester', (r) => r.one())
      .orderBy('requestedAt', 'desc')
      .limit(args.limit),
  ),
};
