import { defineMutator } from '@rocicorp/zero';
import { z } from 'zod';
import { daysInRange, recomputeInput } from '../../../shared/shop-floor/recompute.ts';
import { idSchema as id } from '../../../shared/validation.ts';
import { insertNew } from '../../insert-new.ts';
import { authorize, validate } from '../../permissions.ts';

/** Loose shapes: the shared rules (validate) give the field-level messages. */
const startArgs = z.object({ id, from: z.number(), to: z.number() });

export const rollupRecomputeMutators = {
  /**
   * Starts rebuilding the organization's stored rollups for the shift dates
   * from..to (after a master-data change). Managers and up. The run is a
   * queued row; the server's job rebuilds the range in chunks and reports
   * its progress on the row, which every member sees.
   */
  start: defineMutator(startArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'kpiRecompute', 'start');
    const { from, to } = validate(recomputeInput, { from: args.from, to: args.to });
    const now = Date.now();
    await insertNew(tx, 'rollupRecompute', [
      {
        id: args.id,
        organizationID: orgID,
        fromDate: from,
        toDate: to,
        status: 'queued',
        processed: 0,
        total: daysInRange(from, to),
        requestedBy: ctx.userID,
        requestedAt: now,
        updatedAt: now,
      },
    ]);
  }),
};
