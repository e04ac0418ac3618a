import { definePermissions } from '../permissions/define.ts';

/** The KPI tracker's part of the permission matrix. */
export const kpiTrackerPermissions = definePermissions({
  kpi: { read: 'viewer', create: 'manager', update: 'manager', archive: 'manager' },
  /** Operators enter data and may correct the points they entered; managers any point. */
  dataPoint: { read: 'viewer', create: 'operator', update: { own: 'operator', all: 'manager' }, delete: 'manager' },
  goal: { read: 'viewer', create: 'manager', update: 'manager', archive: 'manager' },
  /** The organization's extra units and categories. */
  kpiOption: { read: 'viewer', manage: 'admin' },
  /** Written by the insight job after a member's change; never by hand. */
  insight: { read: 'viewer' },
  /** Each person's own arrangement of the dashboard; nobody sees another's. */
  dashboardLayout: { read: { own: 'viewer' }, update: { own: 'viewer' } },
});
