import { defineQuery } from '@rocicorp/zero';
import { z } from 'zod';
import { idSchema as id } from '../../shared/validation.ts';
import '../context.ts';
import { scoped } from '../tenant.ts';
import { orgArgs as org } from './args.ts';

/** A day as epoch ms at UTC midnight (a shift date). */
const dayArg = z.number().int();
/** Shift dates from and to, both included. */
const range = org.extend({ from: dayArg, to: dayArg });

/**
 * The stored per-shift rollups (sums only; KPIs from them through
 * shared/shop-floor/rollup-kpis.ts) and the recomputes that rebuild them,
 * as synced queries: every viewer sees them move as entries land.
 */
export const shopFloorRollupQueries = {
  shiftRollups: {
    /** One line's rollups over a range of shift dates, oldest first. */
    byLine: defineQuery(range.extend({ lineID: id }), ({ args, ctx }) =>
      scoped('shiftRollup', args.orgID, ctx)
        .where('lineID', args.lineID)
        .where('shiftDate', '>=', args.from)
        .where('shiftDate', '<=', args.to)
        .orderBy('shiftDate', 'asc')
        .orderBy('id', 'asc'),
    ),
    /** Every line's rollups over a range of shift dates, oldest first. */
    inRange: defineQuery(range, ({ args, ctx }) =>
      scoped('shiftRollup', args.orgID, ctx)
        .where('shiftDate', '>=', args.from)
        .where('shiftDate', '<=', args.to)
        .orderBy('shiftDate', 'asc')
        .orderBy('id', 'asc'),
    ),
  },
  rollupRecomputes: {
    /** Recomputes, newest first, with who asked. */
    recent: defineQuery(org.extend({ limit: z.number().int().min(1).max(100).default(10) }), ({ args, ctx }) =>
      scoped('rollupRecompute', args.orgID, ctx)
        .related('requester', (r) => r.one())
        .orderBy('requestedAt', 'desc')
        .orderBy('id', 'desc')
        .limit(args.limit),
    ),
  },
};
