import { defineMutator } from '@rocicorp/zero';
import { z } from 'zod';
import { PLAYBOOK_IDS } from '../../../shared/playbooks/builtins.ts';
import { triggerConditionsInput } from '../../../shared/playbooks/triggers.ts';
import { idSchema as id } from '../../../shared/validation.ts';
import { insertNew } from '../../insert-new.ts';
import { authorize, validate } from '../../permissions.ts';
import { zql } from '../../schema.ts';

const setArgs = z.object({
  id,
  playbookID: z.string(),
  autoTrigger: z.boolean(),
  conditions: z.array(z.object({ kpi: z.string(), op: z.string(), value: z.number() })),
});

export const playbookTriggerMutators = {
  /**
   * A playbook's trigger: its conditions (any one fires) and whether it starts
   * executions by itself. Admins. On the server every condition's KPI must be
   * named by one of the organization's reference ranges.
   */
  set: defineMutator(setArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'playbookTrigger', 'manage');
    const { playbookID } = validate(
      z.object({ playbookID: z.enum(PLAYBOOK_IDS, { error: `playbookId must be one of ${PLAYBOOK_IDS.join(', ')}` }) }),
      args,
    );
    const known =
      tx.location === 'server'
        ? (await tx.run(zql.referenceRange.where('organizationID', orgID))).map((r) => r.kpiName)
        : args.conditions.map((c) => c.kpi);
    const { conditions } = validate(z.object({ conditions: triggerConditionsInput(known) }), { conditions: args.conditions });
    const existing = await tx.run(zql.playbookTrigger.where('organizationID', orgID).where('playbookID', playbookID).one());
    const columns = { autoTrigger: args.autoTrigger, conditions, updatedBy: ctx.userID, updatedAt: Date.now() };
    if (existing) await tx.mutate.playbookTrigger.update({ id: existing.id, ...columns });
    else
      await insertNew(tx, 'playbookTrigger', [{ id: args.id, organizationID: orgID, playbookID, triggerCount: 0, ...columns }]);
  }),
};
