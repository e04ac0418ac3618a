import { definePermissions } from '../permissions/define.ts';

/** Master data: everyone reads it; managers (leaders) and up add, edit, archive and restore. */
const masterData = { read: 'viewer', create: 'manager', update: 'manager', archive: 'manager' } as const;

/**
 * The shop-floor pack's part of the permission matrix (architecture.md §5:
 * leaders create and edit work orders; operators enter shop-floor entries,
 * holds among them; viewers read).
 *
 * - Master data (lines, products, shifts, employees, downtime reasons,
 *   defect types): managers and up.
 * - Work orders: managers create and edit them and close them (complete,
 *   cancel, reject); operators may also put an order on hold and release it,
 *   since a hold is something the floor reports as it happens.
 * - Jobs of a work order: managers.
 * - Entries (production, quality, downtime, attendance: one resource, as
 *   seed 004's matrix has one row for them): operators enter them; managers
 *   and up correct and delete them (an operator's typo is fixed by a
 *   leader, who sees the whole shift); viewers read.
 * - KPI recomputes (rebuilding stored rollups after a master-data change):
 *   managers start them; everyone sees their progress.
 */
export const shopFloorPermissions = definePermissions({
  line: masterData,
  product: masterData,
  shift: masterData,
  employee: masterData,
  downtimeReason: masterData,
  defectType: masterData,
  workOrder: { read: 'viewer', create: 'manager', update: 'manager', hold: 'operator', close: 'manager' },
  job: { read: 'viewer', create: 'manager', update: 'manager' },
  shopFloorEntry: { read: 'viewer', create: 'operator', update: 'manager', delete: 'manager' },
  kpiRecompute: { read: 'viewer', start: 'manager' },
});
