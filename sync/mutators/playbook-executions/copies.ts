import { defineMutator } from '@rocicorp/zero';
import { z } from 'zod';
import { BUILTIN_PLAYBOOKS } from '../../../shared/playbooks/builtins.ts';
import { playbookCopyPatch, sourcePlaybookInput } from '../../../shared/playbooks/copies.ts';
import { idSchema as id } from '../../../shared/validation.ts';
import { insertNew } from '../../insert-new.ts';
import { authorize, validate } from '../../permissions.ts';
import { findOwned } from '../../tenant.ts';

const patchArgs = {
  name: z.string().optional(),
  durationDays: z.number().optional(),
  steps: z.array(z.any()).optional(),
  exitCriteria: z.array(z.string()).optional(),
};

export const playbookCopyMutators = {
  /** Copies a built-in playbook into the organization (managers), to edit; the built-in stays as it is. */
  create: defineMutator(z.object({ id, sourcePlaybookID: z.string(), ...patchArgs }), async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'playbook', 'manage');
    const { id: copyID, sourcePlaybookID, ...rest } = args;
    const source =
      BUILTIN_PLAYBOOKS[validate(z.object({ sourcePlaybookID: sourcePlaybookInput }), { sourcePlaybookID }).sourcePlaybookID];
    const patch = validate(playbookCopyPatch, rest);
    const now = Date.now();
    await insertNew(tx, 'playbookCopy', [
      {
        id: copyID,
        organizationID: orgID,
        sourcePlaybookID: source.id,
        name: patch.name ?? `${source.name} (copy)`,
        durationDays: patch.durationDays ?? source.durationDays,
        steps: patch.steps ?? source.steps,
        exitCriteria: patch.exitCriteria ?? source.exitCriteria,
        createdBy: ctx.userID,
        createdAt: now,
        updatedAt: now,
      },
    ]);
  }),

  /** Edits a copy's name, steps, duration or exit criteria (managers); running executions keep what they started with. */
  update: defineMutator(z.object({ id, ...patchArgs }), async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'playbook', 'manage');
    const { id: copyID, ...rest } = args;
    const patch = validate(playbookCopyPatch, rest);
    await findOwned(tx, 'playbookCopy', orgID, copyID);
    await tx.mutate.playbookCopy.update({ id: copyID, ...patch, updatedAt: Date.now() });
  }),

  /** Removes a copy (managers); executions started from it keep their steps. */
  delete: defineMutator(z.object({ id }), async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'playbook', 'manage');
    if (await findOwned(tx, 'playbookCopy', orgID, args.id)) await tx.mutate.playbookCopy.delete({ id: args.id });
  }),
};
