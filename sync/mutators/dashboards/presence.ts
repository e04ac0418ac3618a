import { defineMutator } from '@rocicorp/zero';
import { z } from 'zod';
import { idSchema as id } from '../../../shared/validation.ts';
import { authorize } from '../../permissions.ts';
import { zql } from '../../schema.ts';
import { dashboardAccess } from './access.ts';

/** How often an open dashboard says "still here", and how long after the last word someone counts as gone. */
export const PRESENCE_HEARTBEAT_MS = 10_000;
export const PRESENCE_STALE_MS = 30_000;

const presenceID = (dashboardID: string, userID: string) => `${dashboardID}:${userID}`;

export const presenceMutators = {
  /** The caller is on this dashboard (arranging it, and which widget they hold, or just looking). */
  touch: defineMutator(
    z.object({ dashboardID: id, arranging: z.boolean(), widgetID: id.nullable().optional() }),
    async ({ tx, args, ctx }) => {
      const orgID = await authorize(tx, ctx, 'dashboardPresence', 'update');
      await dashboardAccess(tx, ctx, args.dashboardID, 'read');
      await tx.mutate.dashboardPresence.upsert({
        id: presenceID(args.dashboardID, ctx.userID),
        organizationID: orgID,
        dashboardID: args.dashboardID,
        userID: ctx.userID,
        arranging: args.arranging,
        widgetID: args.widgetID ?? null,
        seenAt: Date.now(),
      });
    },
  ),

  /** The caller left the dashboard. */
  leave: defineMutator(z.object({ dashboardID: id }), async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'dashboardPresence', 'update');
    const rowID = presenceID(args.dashboardID, ctx.userID);
    const row = await tx.run(zql.dashboardPresence.where('organizationID', orgID).where('id', rowID).one());
    if (row) await tx.mutate.dashboardPresence.delete({ id: rowID });
  }),
};
