import { defineMutator, type Transaction } from '@rocicorp/zero';
import { z } from 'zod';
import { isFinal, jobInput, jobPatch, STATUS_LABELS } from '../../../shared/shop-floor/work-orders.ts';
import { idSchema as id } from '../../../shared/validation.ts';
import { insertNew } from '../../insert-new.ts';
import { authorize, mutatorError, validate } from '../../permissions.ts';
import { zql } from '../../schema.ts';
import { findOwned } from '../../tenant.ts';
import { checkReferences } from './references.ts';

// Argument shapes only; the rules are shared/shop-floor/work-orders.ts'.
const createArgs = z.object({ id, workOrderID: id, name: z.string(), lineID: z.string(), plannedQuantity: z.number() });
const updateArgs = z.object({
  id,
  name: z.string().optional(),
  lineID: z.string().optional(),
  plannedQuantity: z.number().optional(),
});

/** The field rules, the line the organization's (not archived), and the name free within the order. */
async function validateJob<S extends z.ZodType>(
  tx: Transaction,
  orgID: string,
  job: { id: string; workOrderID: string },
  schema: S,
  value: unknown,
): Promise<z.infer<S>> {
  const fields = validate(schema, value) as { name?: string; lineID?: string };
  const issues = await checkReferences(tx, orgID, [{ field: 'lineID', table: 'line', id: fields.lineID, noun: 'Line' }]);
  if (tx.location === 'server' && fields.name !== undefined) {
    const same = await tx.run(
      zql.job.where('organizationID', orgID).where('workOrderID', job.workOrderID).where('name', fields.name),
    );
    if (same.some((j) => j.id !== job.id)) {
      issues.push({
        loc: ['name'],
        msg: `Name “${fields.name}” is already used by another job of this work order`,
        type: 'taken',
      });
    }
  }
  if (issues.length) throw mutatorError('VALIDATION_FAILED', issues.map((i) => i.msg).join('; '), issues);
  return fields as z.infer<S>;
}

export const jobMutators = {
  /** A job of a work order that is still open; it starts in the order's status. */
  create: defineMutator(createArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'job', 'create');
    const { id: jobID, workOrderID, ...rest } = args;
    const order = await findOwned(tx, 'workOrder', orgID, workOrderID);
    const fields = await validateJob(tx, orgID, { id: jobID, workOrderID }, jobInput, rest);
    if (!order) return;
    if (isFinal(order.status)) {
      const msg = `Work order ${order.number} is ${STATUS_LABELS[order.status].toLowerCase()}: it takes no new jobs`;
      throw mutatorError('CONFLICT', msg, [{ loc: ['workOrderID'], msg, type: 'final' }]);
    }
    const now = Date.now();
    await insertNew(tx, 'job', [
      {
        id: jobID,
        organizationID: orgID,
        workOrderID,
        ...fields,
        status: order.status,
        createdBy: ctx.userID,
        createdAt: now,
        updatedAt: now,
      },
    ]);
  }),

  /** Edits a job's name, line or planned quantity; its status follows the order's. */
  update: defineMutator(updateArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'job', 'update');
    const { id: jobID, ...rest } = args;
    const job = await findOwned(tx, 'job', orgID, jobID);
    if (!job) return;
    const patch = await validateJob(tx, orgID, job, jobPatch, rest);
    if (Object.keys(patch).length === 0) return;
    await tx.mutate.job.update({ id: jobID, ...patch, updatedAt: Date.now() });
  }),
};
