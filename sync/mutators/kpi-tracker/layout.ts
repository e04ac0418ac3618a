import { defineMutator } from '@rocicorp/zero';
import { z } from 'zod';
import { idSchema as id } from '../../../shared/validation.ts';
import { authorize } from '../../permissions.ts';

const layoutArgs = z.object({
  layout: z
    .array(
      z.object({ kpiID: id, w: z.union([z.literal(1), z.literal(2), z.literal(3)]), h: z.union([z.literal(1), z.literal(2)]) }),
    )
    .max(2000),
});

export const layoutMutators = {
  /** Each person's own arrangement of the dashboard, following them to their other devices. */
  save: defineMutator(layoutArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'dashboardLayout', 'update');
    await tx.mutate.dashboardLayout.upsert({
      id: `${orgID}:${ctx.userID}`,
      organizationID: orgID,
      userID: ctx.userID,
      layout: args.layout,
      updatedAt: Date.now(),
    });
  }),
};
