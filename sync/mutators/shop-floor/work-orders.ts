import { defineMutator, type Transaction } from '@rocicorp/zero';
import { z } from 'zod';
import type { FieldIssue } from '../../../shared/errors.ts';
import { can } from '../../../shared/roles.ts';
import {
  holdSeconds,
  takenNumberMessage,
  transitionAction,
  transitionInput,
  transitionIssues,
  workOrderInput,
  workOrderPatch,
} from '../../../shared/shop-floor/work-orders.ts';
import { idSchema as id } from '../../../shared/validation.ts';
import { insertNew } from '../../insert-new.ts';
import { authorize, authorizeWithRole, forbidden, mutatorError, validate } from '../../permissions.ts';
import { zql } from '../../schema.ts';
import { findOwned } from '../../tenant.ts';
import { checkReferences } from './references.ts';

// Argument shapes only; the rules (with field messages) are the shared
// schemas (shared/shop-floor/work-orders.ts), checked inside each mutator.
const optionalFields = {
  productID: z.string().nullable().optional(),
  plannedStart: z.number().nullable().optional(),
  plannedShipDate: z.number().nullable().optional(),
};
const createArgs = z.object({ id, number: z.string(), plannedQuantity: z.number(), ...optionalFields });
const updateArgs = z.object({
  id,
  number: z.string().optional(),
  plannedQuantity: z.number().optional(),
  ...optionalFields,
  actualShipDate: z.number().nullable().optional(),
});
/** `transitionID`: the id of the transition row (and of the hold it starts), chosen by the client like every new row's. */
const transitionArgs = z.object({ id, transitionID: id, to: z.string(), reason: z.string().nullable().optional() });

/** The creation's transition row: one per order, so its id follows from the order's. */
export const creationTransitionID = (workOrderID: string) => `${workOrderID}:created`;

/** The field rules, then what only the server sees: the number free, the product the organization's and not archived. */
async function validateWorkOrder<S extends z.ZodType>(
  tx: Transaction,
  orgID: string,
  workOrderID: string,
  schema: S,
  value: unknown,
): Promise<z.infer<S>> {
  const fields = validate(schema, value) as { number?: string; productID?: string | null };
  const issues: FieldIssue[] = await checkReferences(tx, orgID, [
    { field: 'productID', table: 'product', id: fields.productID, noun: 'Product' },
  ]);
  if (issues.length) throw mutatorError('VALIDATION_FAILED', issues.map((i) => i.msg).join('; '), issues);
  if (tx.location === 'server' && fields.number !== undefined) {
    const same = await tx.run(zql.workOrder.where('organizationID', orgID).where('number', fields.number));
    if (same.some((w) => w.id !== workOrderID)) {
      const msg = takenNumberMessage(fields.number);
      throw mutatorError('CONFLICT', msg, [{ loc: ['number'], msg, type: 'taken' }]);
    }
  }
  return fields as z.infer<S>;
}

/**
 * On the server, takes the order's row lock before its status is read, so
 * two people moving the same order at once are checked one after the
 * other: the second sees the first one's status, and the lifecycle decides.
 */
async function lockOrder(tx: Transaction, orgID: string, workOrderID: string) {
  if (tx.location !== 'server') return;
  await tx.dbTransaction.query('SELECT id FROM sf_work_order WHERE organization_id = $1 AND id = $2 FOR UPDATE', [
    orgID,
    workOrderID,
  ]);
}

export const workOrderMutators = {
  /** A new work order, ACTIVE, with its creation kept as its first transition. */
  create: defineMutator(createArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'workOrder', 'create');
    const { id: workOrderID, ...rest } = args;
    const fields = await validateWorkOrder(tx, orgID, workOrderID, workOrderInput, rest);
    const now = Date.now();
    await insertNew(tx, 'workOrder', [
      {
        id: workOrderID,
        organizationID: orgID,
        ...fields,
        actualShipDate: null,
        status: 'ACTIVE',
        createdBy: ctx.userID,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    await insertNew(tx, 'workOrderTransition', [
      {
        id: creationTransitionID(workOrderID),
        organizationID: orgID,
        workOrderID,
        from: null,
        to: 'ACTIVE',
        reason: null,
        actorID: ctx.userID,
        createdAt: now,
      },
    ]);
  }),

  /** Edits the order's fields (any status: an actual ship date comes after completion); the status moves only by `transition`. */
  update: defineMutator(updateArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'workOrder', 'update');
    const { id: workOrderID, ...rest } = args;
    const patch = await validateWorkOrder(tx, orgID, workOrderID, workOrderPatch, rest);
    await findOwned(tx, 'workOrder', orgID, workOrderID);
    if (Object.keys(patch).length === 0) return;
    await tx.mutate.workOrder.update({ id: workOrderID, ...patch, updatedAt: Date.now() });
  }),

  /**
   * Moves the order as the lifecycle allows (shared/shop-floor/work-orders.ts),
   * keeping the transition (from, to, reason, who, when). Going ON_HOLD
   * starts a hold; leaving ON_HOLD ends it with its duration. The order's
   * jobs follow its status. All of it in the one transaction, or none.
   */
  transition: defineMutator(transitionArgs, async ({ tx, args, ctx }) => {
    // Every transition needs at least 'hold'; which one it needs depends on `to`, read after.
    const { orgID, role } = await authorizeWithRole(tx, ctx, 'workOrder', 'hold');
    const input = validate(transitionInput, { to: args.to, reason: args.reason });
    const action = transitionAction(input.to);
    if (role && !can(role, 'workOrder', action)) throw forbidden(role, 'workOrder', action);
    await lockOrder(tx, orgID, args.id);
    const order = await findOwned(tx, 'workOrder', orgID, args.id, (q) => q.related('jobs').related('holds'));
    // Not synced yet on this device: the server decides.
    if (!order) return;
    const issues = transitionIssues(order.status, input);
    if (issues.length) throw mutatorError('VALIDATION_FAILED', issues.map((i) => i.msg).join('; '), issues);

    const now = Date.now();
    const { to, reason } = input;
    await tx.mutate.workOrder.update({ id: order.id, status: to, updatedAt: now });
    for (const job of order.jobs) await tx.mutate.job.update({ id: job.id, status: to, updatedAt: now });
    const transition = { organizationID: orgID, workOrderID: order.id, reason, createdAt: now };
    await insertNew(tx, 'workOrderTransition', [
      { id: args.transitionID, ...transition, from: order.status, to, actorID: ctx.userID },
    ]);
    for (const hold of order.holds.filter((h) => h.endedAt == null)) {
      const durationSeconds = holdSeconds(hold.startedAt, now);
      await tx.mutate.workOrderHold.update({ id: hold.id, endedAt: now, endedBy: ctx.userID, durationSeconds });
    }
    if (to === 'ON_HOLD') {
      const hold = { id: args.transitionID, organizationID: orgID, workOrderID: order.id, reason: reason ?? '' };
      await insertNew(tx, 'workOrderHold', [{ ...hold, startedBy: ctx.userID, startedAt: now }]);
    }
  }),
};
