import { defineQuery } from '@rocicorp/zero';
import { z } from 'zod';
import { idSchema as id } from '../../shared/validation.ts';
import '../context.ts';
import { scoped } from '../tenant.ts';
import { orgArgs as org } from './args.ts';

/** How many recent batches the import page lists. */
export const RECENT_BATCHES = 20;

/** CSV production batches, live: the import page's list and one batch's progress. */
export const shopFloorBatchQueries = {
  productionBatches: {
    /** The organization's latest batches, newest first, with who uploaded each. */
    recent: defineQuery(org.extend({ limit: z.number().int().min(1).max(100).optional() }), ({ args, ctx }) =>
      scoped('productionBatch', args.orgID, ctx)
        .related('author', (a) => a.one())
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .limit(args.limit ?? RECENT_BATCHES),
    ),
    /** One batch: its status and progress. */
    byId: defineQuery(org.extend({ id }), ({ args, ctx }) =>
      scoped('productionBatch', args.orgID, ctx)
        .where('id', args.id)
        .related('author', (a) => a.one())
        .one(),
    ),
  },
};
