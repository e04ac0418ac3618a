import { number, string, table } from '@rocicorp/zero';
import { type JobRunStatus, jobRunColumns, type TenantScope, tenantKey, tenantRelationships, user } from './platform.ts';
import { line, product, shift } from './shop-floor.ts';

export type RecomputeStatus = JobRunStatus;

/**
 * Stored per-shift rollups (db/migrations/019_sf_rollups.sql; sf_ in
 * Postgres): one row per line, product, shift and shift date holding sums
 * only, kept current by Postgres triggers after every entry write and read
 * by shared/shop-floor/rollup-kpis.ts. Shift dates are days as epoch ms at
 * UTC midnight. productID: the work order's product (none: the order names
 * none); shiftID: none for entries that name no shift and for stops.
 */
const shiftRollup = table('shiftRollup')
  .from('sf_shift_rollup')
  .columns({
    ...tenantKey,
    lineID: string().from('line_id'),
    productID: string().from('product_id').optional(),
    shiftID: string().from('shift_id').optional(),
    shiftDate: number().from('shift_date'),
    productionEntries: number().from('production_entries'),
    unitsProduced: number().from('units_produced'),
    unitsDefective: number().from('units_defective'),
    runHours: number().from('run_hours'),
    /** Σ the shift's span less its breaks, per production entry. */
    plannedMinutes: number().from('planned_minutes'),
    /** Σ the shift's span, per production entry. */
    shiftMinutes: number().from('shift_minutes'),
    employeesAssigned: number().from('employees_assigned'),
    /** Σ employees assigned × the shift's span. */
    employeeMinutes: number().from('employee_minutes'),
    employeesPresent: number().from('employees_present'),
    /** Production entries that report employees present. */
    presentEntries: number().from('present_entries'),
    presentMinutes: number().from('present_minutes'),
    qualityEntries: number().from('quality_entries'),
    inspected: number(),
    scrap: number(),
    rework: number(),
    defects: number(),
    plannedStops: number().from('planned_stops'),
    plannedDowntimeMinutes: number().from('planned_downtime_minutes'),
    unplannedStops: number().from('unplanned_stops'),
    unplannedDowntimeMinutes: number().from('unplanned_downtime_minutes'),
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('id');

/** A recompute of the rollups over shift dates from..to (days, epoch ms); processed and total count days. */
const rollupRecompute = table('rollupRecompute')
  .from('sf_rollup_recompute')
  .columns({
    ...tenantKey,
    fromDate: number().from('from_date'),
    toDate: number().from('to_date'),
    processed: number(),
    total: number(),
    ...jobRunColumns,
  })
  .primaryKey('id');

export const shopFloorRollupTables = [shiftRollup, rollupRecompute] as const;

export const shopFloorRollupRelationships = [
  tenantRelationships(shiftRollup, ({ one }) => ({
    line: one({ sourceField: ['lineID'], destSchema: line, destField: ['id'] }),
    product: one({ sourceField: ['productID'], destSchema: product, destField: ['id'] }),
    shift: one({ sourceField: ['shiftID'], destSchema: shift, destField: ['id'] }),
  })),
  tenantRelationships(rollupRecompute, ({ one }) => ({
    requester: one({ sourceField: ['requestedBy'], destSchema: user, destField: ['id'] }),
  })),
] as const;

export const shopFloorRollupScopes = {
  shiftRollup: { resource: 'shopFloorEntry', noun: 'Shift rollup' },
  rollupRecompute: { resource: 'kpiRecompute', noun: 'KPI recompute' },
} as const satisfies Record<string, TenantScope>;
