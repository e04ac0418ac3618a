import { defineQuery } from '@rocicorp/zero';
import { z } from 'zod';
import '../context.ts';
import { scoped } from '../tenant.ts';
import { accountHealthQueries } from './account-health.ts';
import { orgArgs as org } from './args.ts';

/** The health configuration's synced queries (customer-success pack), and live health's (./account-health.ts). */
export const healthQueries = {
  health: {
    /** Every reference range of the organization, by KPI name. */
    ranges: defineQuery(org, ({ args, ctx }) => scoped('referenceRange', args.orgID, ctx).orderBy('kpiName', 'asc')),
    /** The organization's category weights (none: the defaults apply). */
    weights: defineQuery(org, ({ args, ctx }) => scoped('healthCategoryWeights', args.orgID, ctx).one()),
    /** Changes to ranges and weights, newest first. */
    versions: defineQuery(org.extend({ limit: z.number().int().min(1).max(500).default(50) }), ({ args, ctx }) =>
      scoped('healthConfigVersion', args.orgID, ctx)
        .related('author', (a) => a.one())
        .orderBy('version', 'desc')
        .limit(args.limit),
    ),
    ...accountHealthQueries,
  },
};
