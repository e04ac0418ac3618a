import { z } from '@hono/zod-openapi';
import { NUMBER_MAX, QUANTITY_MAX, REASON_MAX, WORK_ORDER_STATUSES } from '../../../shared/shop-floor/work-orders.ts';
import type { Job, Line, Product, WorkOrder, WorkOrderHold, WorkOrderTransition } from '../../../sync/schema.ts';
import { restFields } from '../issues.ts';
import { dayOrNull, iso, isoOrNull } from '../json.ts';
import { isoDay as day, isoDateTime } from '../openapi.ts';

/**
 * Work order JSON and request shapes. Request schemas check shape only; the
 * rules (the number free in the organization, quantities, the lifecycle, a
 * reason where it is required) are shared/shop-floor/work-orders.ts',
 * applied by the mutators. Instants are ISO 8601 date-times, days
 * YYYY-MM-DD.
 */

/** The work order mutators' fields under their REST names: the product is named by its code. */
export const workOrderRestFields = restFields({ productID: 'product' });

const statusEnum = (label: string) =>
  z.enum(WORK_ORDER_STATUSES, { error: `${label} must be one of ${WORK_ORDER_STATUSES.join(', ')}` });
const dateTime = z.string().openapi({ format: 'date-time' });

const JobSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    lineId: z.string(),
    line: z.string().nullable().openapi({ description: 'The line’s name' }),
    plannedQuantity: z.number().int(),
    status: z.enum(WORK_ORDER_STATUSES).openapi({ description: 'Follows the work order’s' }),
  })
  .openapi('Job');

const TransitionSchema = z
  .object({
    id: z.string(),
    from: z.enum(WORK_ORDER_STATUSES).nullable().openapi({ description: 'Null for the creation' }),
    to: z.enum(WORK_ORDER_STATUSES),
    reason: z.string().nullable(),
    by: z.string().nullable().openapi({ description: 'The user who made it' }),
    at: dateTime,
  })
  .openapi('WorkOrderTransition');

const HoldSchema = z
  .object({
    id: z.string().openapi({ description: 'The id of the transition that started it' }),
    reason: z.string(),
    startedAt: dateTime,
    endedAt: dateTime.nullable().openapi({ description: 'Null while the order is on hold' }),
    durationSeconds: z.number().int().nullable().openapi({ description: 'Kept when the hold ends' }),
  })
  .openapi('WorkOrderHold');

const summaryFields = {
  id: z.string(),
  number: z.string().openapi({ example: 'WO-1001' }),
  status: z.enum(WORK_ORDER_STATUSES),
  product: z.string().nullable().openapi({ description: 'The product’s code', example: 'WID-100' }),
  plannedQuantity: z.number().int(),
  plannedStart: dateTime.nullable(),
  plannedShipDate: z.string().nullable().openapi({ format: 'date' }),
  actualShipDate: z.string().nullable().openapi({ format: 'date' }),
  createdAt: dateTime,
  updatedAt: dateTime,
};
export const WorkOrderSummarySchema = z.object(summaryFields).openapi('WorkOrderSummary');
export const WorkOrderSchema = z
  .object({
    ...summaryFields,
    jobs: z.array(JobSchema),
    transitions: z.array(TransitionSchema).openapi({ description: 'Oldest first, the creation included' }),
    holds: z.array(HoldSchema).openapi({ description: 'Oldest first' }),
  })
  .openapi('WorkOrder');

export const WorkOrderCreateSchema = z
  .object({
    number: z
      .string({ error: 'number must be text' })
      .openapi({ minLength: 1, maxLength: NUMBER_MAX, example: 'WO-2001', description: 'Unique in the organization' }),
    plannedQuantity: z
      .number({ error: 'plannedQuantity must be a number' })
      .openapi({ type: 'integer', minimum: 1, maximum: QUANTITY_MAX, example: 250 }),
    product: z
      .string({ error: 'product must be a product code or null' })
      .nullable()
      .optional()
      .openapi({ description: 'The code of one of the organization’s products', example: 'WID-100' }),
    plannedStart: isoDateTime('plannedStart').nullable().optional(),
    plannedShipDate: day('plannedShipDate').nullable().optional(),
  })
  .openapi('WorkOrderCreate', {
    example: {
      number: 'WO-2001',
      plannedQuantity: 250,
      product: 'WID-100',
      plannedStart: '2026-12-14T06:00:00Z',
      plannedShipDate: '2026-12-18',
    },
  });

export const TransitionCreateSchema = z
  .object({
    to: statusEnum('to').openapi({ example: 'ON_HOLD' }),
    reason: z
      .string({ error: 'reason must be text or null' })
      .nullable()
      .optional()
      .openapi({ maxLength: REASON_MAX, description: 'Required to go ON_HOLD, CANCELLED or REJECTED' }),
  })
  .openapi('WorkOrderTransitionCreate', { example: { to: 'ON_HOLD', reason: 'Waiting for material' } });

export const WorkOrderListQuery = z.object({
  status: statusEnum('status')
    .optional()
    .openapi({ param: { name: 'status', in: 'query' }, example: 'ON_HOLD' }),
});

export type WorkOrderRow = WorkOrder & { readonly product?: Product | undefined };
export type FullWorkOrderRow = WorkOrderRow & {
  readonly jobs: readonly (Job & { readonly line?: Line | undefined })[];
  readonly transitions: readonly WorkOrderTransition[];
  readonly holds: readonly WorkOrderHold[];
};

export function workOrderSummaryJson(w: WorkOrderRow): z.infer<typeof WorkOrderSummarySchema> {
  return {
    id: w.id,
    number: w.number,
    status: w.status,
    product: w.product?.code ?? null,
    plannedQuantity: w.plannedQuantity,
    plannedStart: isoOrNull(w.plannedStart),
    plannedShipDate: dayOrNull(w.plannedShipDate),
    actualShipDate: dayOrNull(w.actualShipDate),
    createdAt: iso(w.createdAt),
    updatedAt: iso(w.updatedAt),
  };
}

export function workOrderJson(w: FullWorkOrderRow): z.infer<typeof WorkOrderSchema> {
  return {
    ...workOrderSummaryJson(w),
    jobs: w.jobs.map((j) => ({
      id: j.id,
      name: j.name,
      lineId: j.lineID,
      line: j.line?.name ?? null,
      plannedQuantity: j.plannedQuantity,
      status: j.status,
    })),
    transitions: w.transitions.map((t) => ({
      id: t.id,
      from: t.from ?? null,
      to: t.to,
      reason: t.reason ?? null,
      by: t.actorID ?? null,
      at: iso(t.createdAt),
    })),
    holds: w.holds.map((h) => ({
      id: h.id,
      reason: h.reason,
      startedAt: iso(h.startedAt),
      endedAt: isoOrNull(h.endedAt),
      durationSeconds: h.durationSeconds ?? null,
    })),
  };
}
