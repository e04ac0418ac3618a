import { describe, expect, test } from 'vitest';
import { dashboardKpis, deliveryOrders, filterRows, kpisBy, unitsOn } from '../../../shared/shop-floor/line-dashboard.ts';
import { type RollupRow, rollupHistory } from '../../../shared/shop-floor/rollup-kpis.ts';
import { daysFrom, isoDay } from '../../../shared/shop-floor/zoned-day.ts';

const DAY = 86_400_000;
const D1 = Date.UTC(2026, 2, 30);
const D2 = D1 + DAY;
const NOW = D2 + 20 * 3_600_000;

/** One 8 h shift entry (480 min span, 450 planned), `employees` staff, `units` at `runHours`. */
const row = (r: Partial<RollupRow> & { units: number; runHours: number }): RollupRow => ({
  lineID: 'line-a',
  productID: 'p-known',
  shiftID: 'early',
  shiftDate: D1,
  productionEntries: 1,
  unitsProduced: r.units,
  unitsDefective: 0,
  plannedMinutes: 450,
  shiftMinutes: 480,
  employeesAssigned: 2,
  employeeMinutes: 960,
  qualityEntries: 0,
  inspected: 0,
  scrap: 0,
  rework: 0,
  defects: 0,
  plannedStops: 0,
  plannedDowntimeMinutes: 0,
  unplannedStops: 0,
  unplannedDowntimeMinutes: 0,
  ...r,
});
const products = [{ id: 'p-known', idealCycleSeconds: 30 }, { id: 'p-new' }];

describe('line dashboard KPIs', () => {
  test('every KPI the dashboard shows, pooled; configured cycle times are not estimates', () => {
    const rows = [row({ units: 800, runHours: 7.5 }), row({ units: 400, runHours: 5, shiftID: 'late', unitsDefective: 40 })];
    const k = dashboardKpis(rows, { products, asOf: NOW });
    // Run 750 of 900 planned minutes; 1,200 units × 30 s = 600 min of 750 run; 1,160 good of 1,200.
    expect(k.availability.value).toBeCloseTo((750 / 900) * 100, 10);
    expect(k.performance.value).toBeCloseTo(80, 10);
    expect(k.quality.value).toBeCloseTo((1160 / 1200) * 100, 10);
    expect(k.oee.value).toBeCloseTo((750 / 900) * 0.8 * (1160 / 1200) * 100, 10);
    // 10 earned hours over 2 × 8 + 2 × 8 staffed hours.
    expect(k.efficiency.value).toBeCloseTo((10 / 32) * 100, 10);
    expect(k.oee.estimates).toEqual([]);
    expect(k.oee.measured).toBeUndefined();
    // No quality entries, no orders: null with the reason, never 0.
    expect(k.ppm.value).toBeNull();
    expect(k.ppm.reason).toBe('No records in inspections');
    expect(k.otd.value).toBeNull();
    expect(k.otd.reason).toBe('No order due by asOf');
  });

  test('an estimated cycle time is listed, and the KPI without estimates leaves its rows out', () => {
    const past = rollupHistory([row({ units: 600, runHours: 5, productID: 'p-new', shiftDate: D1 - 3 * DAY })]);
    const rows = [row({ units: 800, runHours: 7.5 }), row({ units: 300, runHours: 5, productID: 'p-new' })];
    const k = dashboardKpis(rows, { products, history: past, asOf: NOW });
    // p-new was made at 30 s a unit three days before: the history's 0.85.
    expect(k.performance.estimates).toEqual([
      { field: 'idealCycleSeconds', source: 'history', confidence: 0.85, value: 30, product: 'p-new', rows: [1] },
    ]);
    expect(k.performance.value).toBeCloseTo(((1100 * 30) / 60 / 750) * 100, 10);
    expect(k.performance.measured).toMatchObject({ leftOut: 1, of: 2 });
    expect(k.performance.measured?.value).toBeCloseTo(((800 * 30) / 60 / 450) * 100, 10);
    // Availability needs no cycle time: nothing estimated, nothing left out.
    expect(k.availability.estimates).toEqual([]);
    // Without any history the product has no cycle time at all: null with the reason.
    const bare = dashboardKpis([rows[1] as RollupRow], { products, asOf: NOW });
    expect(bare.performance.value).toBeNull();
    expect(bare.performance.reason).toMatch(/^No ideal cycle time/);
  });

  test('above 100 % is kept with a warning, and the no-estimate view of it too', () => {
    // 1,000 units × 30 s = 500 min in 450 run minutes: the cycle time is too slow.
    const k = dashboardKpis([row({ units: 1000, runHours: 7.5 })], { products, asOf: NOW });
    expect(k.performance.value).toBeCloseTo((500 / 450) * 100, 10);
    expect(k.performance.warnings[0]).toMatch(/^Above 100 %/);
  });

  test('by day: one group per day of the range, a day without production has no values (not zeros)', () => {
    const rows = [row({ units: 800, runHours: 7.5 }), row({ units: 700, runHours: 7, shiftDate: D1 + 2 * DAY })];
    const days = daysFrom(D1, D1 + 2 * DAY).map(isoDay);
    const groups = kpisBy(rows, 'day', days, () => ({ products, asOf: NOW }));
    expect(groups.map((g) => [g.key, g.rows.length])).toEqual([
      ['2026-03-30', 1],
      ['2026-03-31', 0],
      ['2026-04-01', 1],
    ]);
    expect(groups[1]?.kpis.oee.value).toBeNull();
    expect(groups[1]?.kpis.oee.reason).toBe('No records in production');
    expect(groups[2]?.kpis.availability.value).toBeCloseTo((420 / 450) * 100, 10);
  });

  test('by shift and line, and filters', () => {
    const rows = [
      row({ units: 800, runHours: 7.5 }),
      row({ units: 400, runHours: 4, shiftID: 'night', lineID: 'line-b' }),
      row({ units: 500, runHours: 6, shiftDate: D2 }),
    ];
    const shifts = kpisBy(rows, 'shift', ['early', 'night'], () => ({ products, asOf: NOW }));
    expect(shifts.map((g) => g.rows.length)).toEqual([2, 1]);
    expect(shifts[0]?.kpis.availability.value).toBeCloseTo((810 / 900) * 100, 10);
    expect(filterRows(rows, { from: D1, to: D1 })).toHaveLength(2);
    expect(filterRows(rows, { from: D1, to: D2, lineID: 'line-b' })).toHaveLength(1);
    expect(filterRows(rows, { from: D1, to: D2, shiftID: 'early' })).toHaveLength(2);
    expect(unitsOn(rows, D1)).toEqual({
      total: 1200,
      byLine: new Map([
        ['line-a', 800],
        ['line-b', 400],
      ]),
    });
    expect(unitsOn(rows, D2 + DAY)).toEqual({ total: 0, byLine: new Map() });
  });

  test('on-time delivery counts orders due in the range, never cancelled or rejected ones', () => {
    const orders = deliveryOrders(
      [
        { plannedShipDate: D1, actualShipDate: D1, status: 'COMPLETED' },
        { plannedShipDate: D1, actualShipDate: D2, status: 'COMPLETED' },
        { plannedShipDate: D2, actualShipDate: null, status: 'ACTIVE' },
        { plannedShipDate: D1, status: 'CANCELLED' },
        { plannedShipDate: D1, status: 'REJECTED' },
        { plannedShipDate: null, status: 'COMPLETED' },
        { plannedShipDate: D2 + DAY, status: 'ACTIVE' },
      ],
      D1,
      D2,
    );
    expect(orders).toEqual([
      { dueAt: '2026-03-30', shippedAt: '2026-03-30', complete: true },
      { dueAt: '2026-03-30', shippedAt: '2026-03-31', complete: true },
      { dueAt: '2026-03-31', shippedAt: null, complete: false },
    ]);
    // Due by asOf (20:00 on March 31st): the two of March 30th (one on time); the third may still ship until midnight.
    expect(dashboardKpis([], { products, orders, asOf: NOW }).otd.value).toBeCloseTo(50, 10);
    expect(dashboardKpis([], { products, orders, asOf: D2 + DAY }).otd.value).toBeCloseTo(100 / 3, 10);
  });
});
