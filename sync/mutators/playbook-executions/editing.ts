import { defineMutator } from '@rocicorp/zero';
import { z } from 'zod';
import { STEP_FIELDS } from '../../../shared/playbooks/executions.ts';
import { idSchema as id } from '../../../shared/validation.ts';
import { authorize, mutatorError } from '../../permissions.ts';
import { zql } from '../../schema.ts';
import { findOwned } from '../../tenant.ts';

/** How often an open execution page says "still here", and how long after the last word someone counts as gone. */
export const EDITING_HEARTBEAT_MS = 10_000;
export const EDITING_STALE_MS = 30_000;

const editingID = (executionID: string, userID: string) => `${executionID}:${userID}`;

export const playbookEditingMutators = {
  /** The caller is on this execution, editing one field of one step (or none). */
  touch: defineMutator(
    z.object({ executionID: id, stepID: z.string().max(100).nullable(), field: z.enum(STEP_FIELDS).nullable() }),
    async ({ tx, args, ctx }) => {
      const orgID = await authorize(tx, ctx, 'playbookEditing', 'update');
      await findOwned(tx, 'playbookExecution', orgID, args.executionID);
      if (args.stepID) {
        const step = await findOwned(tx, 'playbookStep', orgID, args.stepID);
        if (step && step.executionID !== args.executionID && tx.location === 'server') {
          throw mutatorError('NOT_FOUND', 'Step not found.');
        }
      }
      await tx.mutate.playbookStepEditing.upsert({
        id: editingID(args.executionID, ctx.userID),
        organizationID: orgID,
        executionID: args.executionID,
        stepID: args.stepID,
        field: args.field,
        userID: ctx.userID,
        seenAt: Date.now(),
      });
    },
  ),

  /** The caller left the execution page. */
  leave: defineMutator(z.object({ executionID: id }), async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'playbookEditing', 'update');
    const rowID = editingID(args.executionID, ctx.userID);
    const row = await tx.run(zql.playbookStepEditing.where('organizationID', orgID).where('id', rowID).one());
    if (row) await tx.mutate.playbookStepEditing.delete({ id: rowID });
  }),
};
