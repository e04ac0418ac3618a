import { boolean, json, number, string, table } from '@rocicorp/zero';
import { type TenantScope, tenantKey, tenantRelationships, user } from './platform.ts';
import { downtimeReason, employee, job, line, shift, workOrder } from './shop-floor.ts';

/**
 * The shop floor's entries (db/migrations/018_sf_entries.sql; sf_ in
 * Postgres): production, quality, downtime and attendance. Shift dates are
 * days, as epoch ms at UTC midnight; whoever entered and last edited a row
 * comes from the server context.
 */
const written = {
  createdBy: string().from('created_by').optional(),
  createdAt: number().from('created_at'),
  updatedBy: string().from('updated_by').optional(),
  updatedAt: number().from('updated_at'),
};
const onShift = {
  shiftID: string().from('shift_id').optional(),
  /** The day the shift starts. */
  shiftDate: number().from('shift_date'),
};

const productionEntry = table('productionEntry')
  .from('sf_production_entry')
  .columns({
    ...tenantKey,
    workOrderID: string().from('work_order_id'),
    jobID: string().from('job_id').optional(),
    lineID: string().from('line_id'),
    ...onShift,
    unitsProduced: number().from('units_produced'),
    unitsDefective: number().from('units_defective'),
    runHours: number().from('run_hours'),
    employeesAssigned: number().from('employees_assigned'),
    employeesPresent: number().from('employees_present').optional(),
    note: string().optional(),
    ...written,
  })
  .primaryKey('id');

const qualityEntry = table('qualityEntry')
  .from('sf_quality_entry')
  .columns({
    ...tenantKey,
    productionEntryID: string().from('production_entry_id').optional(),
    workOrderID: string().from('work_order_id'),
    lineID: string().from('line_id'),
    ...onShift,
    inspected: number(),
    /** Defects found, by defect type id. */
    defects: json<Record<string, number>>(),
    scrap: number(),
    rework: number(),
    note: string().optional(),
    ...written,
  })
  .primaryKey('id');

const downtimeEntry = table('downtimeEntry')
  .from('sf_downtime_entry')
  .columns({
    ...tenantKey,
    lineID: string().from('line_id'),
    reasonID: string().from('reason_id'),
    workOrderID: string().from('work_order_id').optional(),
    startedAt: number().from('started_at'),
    durationMinutes: number().from('duration_minutes'),
    note: string().optional(),
    ...written,
  })
  .primaryKey('id');

const attendanceEntry = table('attendanceEntry')
  .from('sf_attendance_entry')
  .columns({
    ...tenantKey,
    employeeID: string().from('employee_id'),
    shiftID: string().from('shift_id'),
    shiftDate: number().from('shift_date'),
    scheduledHours: number().from('scheduled_hours'),
    absentHours: number().from('absent_hours'),
    reason: string().optional(),
    coveredByPool: boolean().from('covered_by_pool'),
    ...written,
  })
  .primaryKey('id');

const productionRelationships = tenantRelationships(productionEntry, ({ one, many }) => ({
  workOrder: one({ sourceField: ['workOrderID'], destSchema: workOrder, destField: ['id'] }),
  job: one({ sourceField: ['jobID'], destSchema: job, destField: ['id'] }),
  line: one({ sourceField: ['lineID'], destSchema: line, destField: ['id'] }),
  shift: one({ sourceField: ['shiftID'], destSchema: shift, destField: ['id'] }),
  author: one({ sourceField: ['createdBy'], destSchema: user, destField: ['id'] }),
  quality: many({ sourceField: ['id'], destSchema: qualityEntry, destField: ['productionEntryID'] }),
}));
const qualityRelationships = tenantRelationships(qualityEntry, ({ one }) => ({
  workOrder: one({ sourceField: ['workOrderID'], destSchema: workOrder, destField: ['id'] }),
  line: one({ sourceField: ['lineID'], destSchema: line, destField: ['id'] }),
  shift: one({ sourceField: ['shiftID'], destSchema: shift, destField: ['id'] }),
}));
const downtimeRelationships = tenantRelationships(downtimeEntry, ({ one }) => ({
  line: one({ sourceField: ['lineID'], destSchema: line, destField: ['id'] }),
  reason: one({ sourceField: ['reasonID'], destSchema: downtimeReason, destField: ['id'] }),
  workOrder: one({ sourceField: ['workOrderID'], destSchema: workOrder, destField: ['id'] }),
}));
const attendanceRelationships = tenantRelationships(attendanceEntry, ({ one }) => ({
  employee: one({ sourceField: ['employeeID'], destSchema: employee, destField: ['id'] }),
  shift: one({ sourceField: ['shiftID'], destSchema: shift, destField: ['id'] }),
}));

export const shopFloorEntryTables = [productionEntry, qualityEntry, downtimeEntry, attendanceEntry] as const;

export const shopFloorEntryRelationships = [
  productionRelationships,
  qualityRelationships,
  downtimeRelationships,
  attendanceRelationships,
] as const;

export const shopFloorEntryScopes = {
  productionEntry: { resource: 'shopFloorEntry', noun: 'Production entry' },
  qualityEntry: { resource: 'shopFloorEntry', noun: 'Quality entry' },
  downtimeEntry: { resource: 'shopFloorEntry', noun: 'Downtime entry' },
  attendanceEntry: { resource: 'shopFloorEntry', noun: 'Attendance entry' },
} as const satisfies Record<string, TenantScope>;
