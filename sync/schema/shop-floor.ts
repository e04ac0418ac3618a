import { boolean, enumeration, json, number, string, table } from '@rocicorp/zero';
import type { ShiftBreak } from '../../shared/shop-floor/shifts.ts';
import type { WorkOrderStatus } from '../../shared/shop-floor/work-orders.ts';
import { authorship, editTimes, type TenantScope, tenantKey, tenantRelationships, user } from './platform.ts';

/**
 * The shop-floor pack's tables (db/migrations/016 and 017; sf_ in Postgres):
 * master data (lines, products, shifts, employees, downtime reasons, defect
 * types), work orders with their jobs, status transitions and holds.
 */
const masterData = { ...tenantKey, ...authorship, ...editTimes };

export const line = table('line')
  .from('sf_line')
  .columns({ ...masterData, name: string() })
  .primaryKey('id');

export const product = table('product')
  .from('sf_product')
  .columns({
    ...masterData,
    code: string(),
    name: string(),
    /** Null only for rows made outside the app (see shared/shop-floor/master-data.ts). */
    idealCycleSeconds: number().from('ideal_cycle_seconds').optional(),
  })
  .primaryKey('id');

export const shift = table('shift')
  .from('sf_shift')
  .columns({
    ...masterData,
    name: string(),
    start: string().from('start_time'),
    end: string().from('end_time'),
    breaks: json<ShiftBreak[]>(),
  })
  .primaryKey('id');

export const employee = table('employee')
  .from('sf_employee')
  .columns({ ...masterData, code: string(), name: string() })
  .primaryKey('id');

export const downtimeReason = table('downtimeReason')
  .from('sf_downtime_reason')
  .columns({ ...masterData, code: string(), name: string(), planned: boolean() })
  .primaryKey('id');

export const defectType = table('defectType')
  .from('sf_defect_type')
  .columns({ ...masterData, code: string(), name: string() })
  .primaryKey('id');

export const workOrder = table('workOrder')
  .from('sf_work_order')
  .columns({
    ...tenantKey,
    number: string(),
    productID: string().from('product_id').optional(),
    plannedQuantity: number().from('planned_quantity'),
    plannedStart: number().from('planned_start').optional(),
    /** Days, as epoch ms at UTC midnight. */
    plannedShipDate: number().from('planned_ship_date').optional(),
    actualShipDate: number().from('actual_ship_date').optional(),
    status: enumeration<WorkOrderStatus>(),
    ...authorship,
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('id');

export const job = table('job')
  .from('sf_job')
  .columns({
    ...tenantKey,
    workOrderID: string().from('work_order_id'),
    name: string(),
    lineID: string().from('line_id'),
    plannedQuantity: number().from('planned_quantity'),
    status: enumeration<WorkOrderStatus>(),
    ...authorship,
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('id');

const workOrderTransition = table('workOrderTransition')
  .from('sf_work_order_transition')
  .columns({
    ...tenantKey,
    workOrderID: string().from('work_order_id'),
    /** Null for the creation. */
    from: enumeration<WorkOrderStatus>().from('from_status').optional(),
    to: enumeration<WorkOrderStatus>().from('to_status'),
    reason: string().optional(),
    actorID: string().from('actor_id').optional(),
    createdAt: number().from('created_at'),
  })
  .primaryKey('id');

const workOrderHold = table('workOrderHold')
  .from('sf_work_order_hold')
  .columns({
    ...tenantKey,
    workOrderID: string().from('work_order_id'),
    reason: string(),
    startedBy: string().from('started_by').optional(),
    startedAt: number().from('started_at'),
    endedBy: string().from('ended_by').optional(),
    endedAt: number().from('ended_at').optional(),
    durationSeconds: number().from('duration_seconds').optional(),
  })
  .primaryKey('id');

const workOrderRelationships = tenantRelationships(workOrder, ({ many, one }) => ({
  product: one({ sourceField: ['productID'], destSchema: product, destField: ['id'] }),
  jobs: many({ sourceField: ['id'], destSchema: job, destField: ['workOrderID'] }),
  transitions: many({ sourceField: ['id'], destSchema: workOrderTransition, destField: ['workOrderID'] }),
  holds: many({ sourceField: ['id'], destSchema: workOrderHold, destField: ['workOrderID'] }),
}));
const jobRelationships = tenantRelationships(job, ({ one }) => ({
  line: one({ sourceField: ['lineID'], destSchema: line, destField: ['id'] }),
  workOrder: one({ sourceField: ['workOrderID'], destSchema: workOrder, destField: ['id'] }),
}));
const transitionRelationships = tenantRelationships(workOrderTransition, ({ one }) => ({
  actor: one({ sourceField: ['actorID'], destSchema: user, destField: ['id'] }),
}));

export const shopFloorTables = [
  line,
  product,
  shift,
  employee,
  downtimeReason,
  defectType,
  workOrder,
  job,
  workOrderTransition,
  workOrderHold,
] as const;

export const shopFloorRelationships = [
  tenantRelationships(line),
  tenantRelationships(product),
  tenantRelationships(shift),
  tenantRelationships(employee),
  tenantRelationships(downtimeReason),
  tenantRelationships(defectType),
  workOrderRelationships,
  jobRelationships,
  transitionRelationships,
  tenantRelationships(workOrderHold),
] as const;

export const shopFloorScopes = {
  line: { resource: 'line', noun: 'Line' },
  product: { resource: 'product', noun: 'Product' },
  shift: { resource: 'shift', noun: 'Shift' },
  employee: { resource: 'employee', noun: 'Employee' },
  downtimeReason: { resource: 'downtimeReason', noun: 'Downtime reason' },
  defectType: { resource: 'defectType', noun: 'Defect type' },
  workOrder: { resource: 'workOrder', noun: 'Work order' },
  job: { resource: 'job', noun: 'Job' },
  workOrderTransition: { resource: 'workOrder', noun: 'Transition' },
  workOrderHold: { resource: 'workOrder', noun: 'Hold' },
} as const satisfies Record<string, TenantScope>;
