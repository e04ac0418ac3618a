import type { InferredValue, KpiResult } from './calculate.ts';
import type { KpiCalculateInput } from './calculate-input.ts';
import { groupRollups, type RollupContext, type RollupRow, rollupKpis } from './rollup-kpis.ts';
import type { WorkOrderStatus } from './work-orders.ts';
import { isoDay } from './zoned-day.ts';

/**
 * What the line dashboard (/shop-floor) computes from the synced rollup
 * rows, without any I/O: the KPIs it shows for a set of rows, each with its
 * estimates and its value without them, per day, shift or line, the orders
 * on-time delivery counts, and the units of one day per line.
 */

export const DASHBOARD_KPIS = ['oee', 'availability', 'performance', 'quality', 'efficiency', 'otd', 'ppm'] as const;
export type DashboardKpi = (typeof DASHBOARD_KPIS)[number];

/** An inferred value that is an estimate: anything but the product's own configuration (confidence 1.0). */
export const isEstimate = (i: InferredValue): boolean => i.source !== 'product';

export interface MeasuredResult extends KpiResult {
  /** Rows left out because this KPI needed an estimate for them, of how many. */
  leftOut: number;
  of: number;
}

export interface DashboardResult extends KpiResult {
  /** The inferred values that are estimates (history, default). */
  estimates: InferredValue[];
  /** The KPI over only the rows that needed no estimate; present when there are estimates. */
  measured?: MeasuredResult;
}

export type DashboardKpis = Record<DashboardKpi, DashboardResult>;

/**
 * The dashboard's KPIs over `rows` (pooled: rollup-kpis.ts), and for each
 * KPI that used an estimate, the same KPI over the rows that needed none,
 * from configured values only (no history, no defaults): the "without
 * estimates" view.
 */
export function dashboardKpis(rows: readonly RollupRow[], context: RollupContext): DashboardKpis {
  const calc = rollupKpis(rows, { ...context, kpis: DASHBOARD_KPIS });
  const result = (name: DashboardKpi): DashboardResult => {
    const r = calc.results[name] as KpiResult;
    const estimates = r.inferred.filter(isEstimate);
    if (estimates.length === 0) return { ...r, estimates };
    const estimated = new Set(estimates.flatMap((e) => e.rows));
    const kept = rows.filter((_, i) => !estimated.has(i));
    const without = rollupKpis(kept, { ...context, history: [], defaults: {}, kpis: [name] }).results[name] as KpiResult;
    return { ...r, estimates, measured: { ...without, leftOut: estimated.size, of: rows.length } };
  };
  return Object.fromEntries(DASHBOARD_KPIS.map((name) => [name, result(name)])) as DashboardKpis;
}

export interface KpiGroup {
  key: string;
  rows: RollupRow[];
  kpis: DashboardKpis;
}

/**
 * The KPIs per day ('YYYY-MM-DD'), shift (id; '' for entries with no shift)
 * or line (id), one group per key of `keys` in that order, empty groups
 * included (a day without production is a gap in the chart, not a zero).
 * `contextOf` gives each group its context (orders due that day, say).
 */
export function kpisBy(
  rows: readonly RollupRow[],
  by: 'day' | 'shift' | 'line',
  keys: readonly string[],
  contextOf: (key: string) => RollupContext,
): KpiGroup[] {
  const groups = groupRollups(rows, by);
  return keys.map((key) => {
    const members = groups.get(key) ?? [];
    return { key, rows: members, kpis: dashboardKpis(members, contextOf(key)) };
  });
}

export interface RowFilter {
  /** Shift dates, both included. */
  from: number;
  to: number;
  lineID?: string | undefined;
  shiftID?: string | undefined;
}

/** The rows a filter keeps (a shift filter keeps only rows of that shift: stops have none). */
export const filterRows = (rows: readonly RollupRow[], f: RowFilter): RollupRow[] =>
  rows.filter(
    (r) =>
      r.shiftDate >= f.from &&
      r.shiftDate <= f.to &&
      (f.lineID === undefined || r.lineID === f.lineID) &&
      (f.shiftID === undefined || r.shiftID === f.shiftID),
  );

/** A work order as on-time delivery reads it (sync/schema/shop-floor.ts: days as epoch ms at UTC midnight). */
export interface DeliveryOrder {
  plannedShipDate?: number | null | undefined;
  actualShipDate?: number | null | undefined;
  status: WorkOrderStatus;
}

/**
 * The orders due (planned ship date) from `from` to `to`, as on-time
 * delivery's records: complete when COMPLETED, shipped on the actual ship
 * date. Cancelled and rejected orders are left out (they will never ship,
 * and are not late deliveries); so are orders with no planned ship date.
 */
export function deliveryOrders(orders: readonly DeliveryOrder[], from: number, to: number): KpiCalculateInput['orders'] {
  return orders.flatMap((o) => {
    const due = o.plannedShipDate;
    if (due == null || due < from || due > to || o.status === 'CANCELLED' || o.status === 'REJECTED') return [];
    return [
      {
        dueAt: isoDay(due),
        shippedAt: o.actualShipDate == null ? null : isoDay(o.actualShipDate),
        complete: o.status === 'COMPLETED',
      },
    ];
  });
}

/** Units produced on shift date `day`, per line (id) and in total. */
export function unitsOn(rows: readonly RollupRow[], day: number): { total: number; byLine: Map<string, number> } {
  const byLine = new Map<string, number>();
  let total = 0;
  for (const r of rows) {
    if (r.shiftDate !== day) continue;
    byLine.set(r.lineID, (byLine.get(r.lineID) ?? 0) + r.unitsProduced);
    total += r.unitsProduced;
  }
  return { total, byLine };
}
