import { z } from 'zod';
import type { FieldIssue } from '../errors.ts';
import { idSchema } from '../validation.ts';
import { MASTER_NAME_MAX, requiredText } from './master-data.ts';

/**
 * Work orders and their jobs: the lifecycle (seed 003) and the field rules,
 * shared by the forms, the mutators and the REST API (limits mirrored by
 * 017_sf_work_orders.sql).
 *
 * | from     | to        | reason   |
 * | -------- | --------- | -------- |
 * | ACTIVE   | ON_HOLD   | required |
 * | ON_HOLD  | ACTIVE    | optional (the release ends the hold) |
 * | ACTIVE   | COMPLETED | optional |
 * | ACTIVE, ON_HOLD | CANCELLED | required |
 * | ACTIVE, ON_HOLD | REJECTED  | required |
 *
 * COMPLETED, CANCELLED and REJECTED are final.
 */
export const WORK_ORDER_STATUSES = ['ACTIVE', 'ON_HOLD', 'COMPLETED', 'CANCELLED', 'REJECTED'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

export const STATUS_LABELS: Record<WorkOrderStatus, string> = {
  ACTIVE: 'Active',
  ON_HOLD: 'On hold',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  REJECTED: 'Rejected',
};

const TRANSITIONS: Record<WorkOrderStatus, readonly WorkOrderStatus[]> = {
  ACTIVE: ['ON_HOLD', 'COMPLETED', 'CANCELLED', 'REJECTED'],
  ON_HOLD: ['ACTIVE', 'CANCELLED', 'REJECTED'],
  COMPLETED: [],
  CANCELLED: [],
  REJECTED: [],
};

/** Where a work order may go from `from` (none from a final status). */
export const nextStatuses = (from: WorkOrderStatus): readonly WorkOrderStatus[] => TRANSITIONS[from];

/** Whether the lifecycle allows moving from one status to another (staying put is not a transition). */
export const canTransition = (from: WorkOrderStatus, to: WorkOrderStatus): boolean => TRANSITIONS[from].includes(to);

export const isFinal = (status: WorkOrderStatus): boolean => TRANSITIONS[status].length === 0;

/** Transitions that must say why: a hold, a cancellation, a rejection. */
export const needsReason = (to: WorkOrderStatus): boolean => to === 'ON_HOLD' || to === 'CANCELLED' || to === 'REJECTED';

/**
 * The permission-matrix action a transition needs: holding and releasing
 * (operators and up) or closing, that is completing, cancelling or
 * rejecting (managers and up).
 */
export const transitionAction = (to: WorkOrderStatus): 'hold' | 'close' =>
  to === 'ON_HOLD' || to === 'ACTIVE' ? 'hold' : 'close';

/** What a button taking a work order from `from` to `to` says. */
export function transitionLabel(from: WorkOrderStatus, to: WorkOrderStatus): string {
  if (to === 'ACTIVE') return from === 'ON_HOLD' ? 'Release' : 'Reactivate';
  return { ON_HOLD: 'Put on hold', COMPLETED: 'Complete', CANCELLED: 'Cancel', REJECTED: 'Reject', ACTIVE: '' }[to];
}

export const REASON_MAX = 500;

/** A transition as asked for: the status to go to and, where the lifecycle asks for one, why. */
export const transitionInput = z.object({
  to: z.enum(WORK_ORDER_STATUSES, { error: `To must be one of ${WORK_ORDER_STATUSES.join(', ')}` }),
  reason: z
    .string({ error: 'Reason must be text' })
    .trim()
    .max(REASON_MAX, `Reason must be at most ${REASON_MAX} characters`)
    .nullish()
    .transform((r) => r || null),
});
export type TransitionInput = z.infer<typeof transitionInput>;

/**
 * What is wrong with moving a work order in `from` as `input` asks: a move
 * the lifecycle forbids (naming `to`), a missing reason (naming `reason`).
 * Empty when the transition may go ahead.
 */
export function transitionIssues(from: WorkOrderStatus, input: TransitionInput): FieldIssue[] {
  const { to, reason } = input;
  if (!canTransition(from, to)) {
    const where = isFinal(from)
      ? `${STATUS_LABELS[from]} is final`
      : `from ${STATUS_LABELS[from]} it can go to ${nextStatuses(from).join(', ')}`;
    const msg = `"to" cannot be ${to} while the work order is ${from}: ${where}`;
    return [{ loc: ['to'], msg, type: 'forbidden_transition' }];
  }
  if (needsReason(to) && !reason) {
    const msg = `Reason is required to move a work order to ${to}`;
    return [{ loc: ['reason'], msg, type: 'reason_required' }];
  }
  return [];
}

/** A hold's length in whole seconds, from its start to its release (or the order's closing). */
export const holdSeconds = (startedAt: number, endedAt: number): number => Math.max(0, Math.round((endedAt - startedAt) / 1000));

export const NUMBER_MAX = 40;
export const QUANTITY_MAX = 1_000_000_000;

/** A count of pieces: a whole number from 1. */
export const quantity = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(1, `${label} must be at least 1`)
    .max(QUANTITY_MAX, `${label} must be at most ${QUANTITY_MAX.toLocaleString('en-US')}`);

/** An instant as epoch ms. */
export const instant = (label: string) =>
  z.number({ error: `${label} must be a date and time` }).refine(Number.isFinite, `${label} must be a date and time`);

/** A day as epoch ms at UTC midnight (any instant of it is accepted and truncated). */
export const day = (label: string) =>
  instant(label).transform((t) => {
    const d = new Date(t);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  });

export const workOrderFields = {
  number: requiredText('Number', NUMBER_MAX),
  plannedQuantity: quantity('Planned quantity'),
  /** The product made: one of the organization's products (the mutators check), or none yet. */
  productID: idSchema.nullable(),
  plannedStart: instant('Planned start').nullable(),
  plannedShipDate: day('Planned ship date').nullable(),
  actualShipDate: day('Actual ship date').nullable(),
};

/** A new work order: number and planned quantity; the rest optional. It starts ACTIVE. */
export const workOrderInput = z.object({
  number: workOrderFields.number,
  plannedQuantity: workOrderFields.plannedQuantity,
  productID: workOrderFields.productID.default(null),
  plannedStart: workOrderFields.plannedStart.default(null),
  plannedShipDate: workOrderFields.plannedShipDate.default(null),
});
export type WorkOrderInput = z.infer<typeof workOrderInput>;

/** An edit: any subset of the fields (the status changes only by transitions). */
export const workOrderPatch = z.object(workOrderFields).partial();
export type WorkOrderPatch = z.infer<typeof workOrderPatch>;

export const jobFields = {
  name: requiredText('Name', MASTER_NAME_MAX),
  /** The line that runs the job: one of the organization's lines (the mutators check). */
  lineID: idSchema,
  plannedQuantity: quantity('Planned quantity'),
};
export const jobInput = z.object(jobFields);
export const jobPatch = jobInput.partial();

export const takenNumberMessage = (number: string) =>
  `Number “${number}” is already taken by another work order of this organization`;
