import { describe, expect, test } from 'vitest';
import { groupRollups, type RollupRow, rollupHistory, rollupKpis, sumRollups } from '../../../shared/shop-floor/rollup-kpis.ts';
import { calc, NOW, OEE_COM } from './calc.ts';

const DAY = Date.UTC(2026, 2, 30);
const empty: RollupRow = {
  lineID: 'line-a',
  productID: 'p1',
  shiftID: 's-early',
  shiftDate: DAY,
  productionEntries: 0,
  unitsProduced: 0,
  unitsDefective: 0,
  runHours: 0,
  plannedMinutes: 0,
  shiftMinutes: 0,
  employeesAssigned: 0,
  employeeMinutes: 0,
  qualityEntries: 0,
  inspected: 0,
  scrap: 0,
  rework: 0,
  defects: 0,
  plannedStops: 0,
  plannedDowntimeMinutes: 0,
  unplannedStops: 0,
  unplannedDowntimeMinutes: 0,
};
/** A row of `entries` production entries in an 8 h shift (480 min span) with `planned` minutes of planned time each. */
const shiftRow = (r: Partial<RollupRow> & { entries: number; planned: number; employees: number }): RollupRow => ({
  ...empty,
  productionEntries: r.entries,
  plannedMinutes: r.planned * r.entries,
  shiftMinutes: 480 * r.entries,
  employeesAssigned: r.employees,
  employeeMinutes: r.employees * 480,
  ...r,
});
const products = [{ id: 'p1', idealCycleSeconds: 1 }, { id: 'p2', idealCycleSeconds: 60 }, { id: 'p3' }];

describe('KPIs over stored rollups', () => {
  test('one rollup row of the oee.com example gives the same factors as POST /api/kpi/calculate', () => {
    // 420 planned minutes, 47 down, 19,271 parts at an ideal 1 s, 423 rejects (tests/unit/shop-floor/calc.ts).
    const row = shiftRow({
      entries: 1,
      planned: 420,
      employees: 5,
      unitsProduced: 19_271,
      unitsDefective: 423,
      runHours: 373 / 60,
    });
    const stored = rollupKpis([row], { products, asOf: NOW }).results;
    const given = calc({ production: [OEE_COM] });
    for (const name of ['availability', 'performance', 'quality', 'oee'] as const) {
      expect(stored[name]?.value, name).toBeCloseTo(given[name].value as number, 10);
    }
    // The product's configured cycle time is what the chain found first.
    expect(stored.performance?.inferred).toEqual([
      { field: 'idealCycleSeconds', source: 'product', confidence: 1, value: 1, product: 'p1', rows: [0] },
    ]);
  });

  test('pooled, never averaged: a short shift weighs less than a long one', () => {
    // Shift 1: 480 planned, 480 run (100 %); shift 2: 120 planned, 60 run (50 %). Pooled: 540 / 600 = 90 %, not 75 %.
    const rows = [
      shiftRow({ entries: 1, planned: 480, employees: 2, runHours: 8, unitsProduced: 100 }),
      shiftRow({ entries: 1, planned: 120, employees: 2, runHours: 1, unitsProduced: 10, shiftID: 's-short' }),
    ];
    const r = rollupKpis(rows, { products, asOf: NOW }).results;
    expect(r.availability?.value).toBeCloseTo(90, 10);
    // Efficiency: 110 units × 1 s = 110/3600 h over Σ employees × span = 2 × 8 + 2 × 8 (both rows' spans are 480 min).
    expect(r.efficiency?.value).toBeCloseTo((110 / 3600 / 32) * 100, 10);
  });

  test('a product with no ideal cycle time takes the default at 0.5, listed with the row it filled', () => {
    const rows = [
      shiftRow({ entries: 1, planned: 420, employees: 4, runHours: 7, unitsProduced: 300 }),
      shiftRow({ entries: 1, planned: 420, employees: 4, runHours: 7, unitsProduced: 200, productID: 'p3' }),
    ];
    const r = rollupKpis(rows, { products, defaults: { idealCycleSeconds: 30 }, asOf: NOW }).results;
    expect(r.performance?.value).toBeCloseTo(((300 * 1 + 200 * 30) / 60 / 840) * 100, 10);
    expect(r.performance?.inferred).toContainEqual({
      field: 'idealCycleSeconds',
      source: 'default',
      confidence: 0.5,
      value: 30,
      product: 'p3',
      rows: [1],
    });
  });

  test('with no source, performance is null with a reason; a work order with no product can only take the default', () => {
    const rows = [shiftRow({ entries: 1, planned: 420, employees: 4, runHours: 7, unitsProduced: 50, productID: null })];
    const none = rollupKpis(rows, { products, asOf: NOW }).results;
    expect(none.performance?.value).toBeNull();
    expect(none.performance?.reason).toMatch(/^No ideal cycle time/);
    expect(none.oee?.value).toBeNull();
    const withDefault = rollupKpis(rows, { products, defaults: { idealCycleSeconds: 20 }, asOf: NOW }).results;
    expect(withDefault.performance?.value).toBeCloseTo(((50 * 20) / 60 / 420) * 100, 10);
  });

  test('history: the product’s observed pace over the 30 days before asOf, at 0.85', () => {
    const past = [shiftRow({ entries: 2, planned: 420, employees: 6, runHours: 10, unitsProduced: 1200, productID: 'p3' })];
    const history = rollupHistory(past.map((r) => ({ ...r, shiftDate: DAY - 5 * 86_400_000 })));
    expect(history).toEqual([{ product: 'p3', date: '2026-03-25', idealCycleSeconds: 30, employees: 3, shiftHours: 8 }]);
    const rows = [shiftRow({ entries: 1, planned: 420, employees: 4, runHours: 7, unitsProduced: 200, productID: 'p3' })];
    const r = rollupKpis(rows, { products, history, asOf: NOW }).results;
    expect(r.performance?.inferred).toEqual([
      { field: 'idealCycleSeconds', source: 'history', confidence: 0.85, value: 30, product: 'p3', rows: [0] },
    ]);
  });

  test('entries with no shift: shift hours from the chain for efficiency, and availability warns that they have no planned time', () => {
    const rows = [
      shiftRow({ entries: 1, planned: 420, employees: 2, runHours: 7, unitsProduced: 100 }),
      { ...empty, shiftID: null, productionEntries: 1, runHours: 6, unitsProduced: 60, employeesAssigned: 3 },
    ];
    const r = rollupKpis(rows, { products, defaults: { shiftHours: 8 }, asOf: NOW }).results;
    expect(r.availability?.value).toBeCloseTo((13 / 7) * 100, 10);
    expect(r.availability?.warnings).toContainEqual(
      '1 production entry names no shift, so no planned time: their run time counts without it',
    );
    expect(r.efficiency?.value).toBeCloseTo((160 / 3600 / (2 * 8 + 3 * 8)) * 100, 10);
    expect(r.efficiency?.inferred).toContainEqual({
      field: 'shiftHours',
      source: 'default',
      confidence: 0.5,
      value: 8,
      product: 'p1',
      rows: [1],
    });
  });

  test('quality entries give scrap and rework ratios, FPY, PPM and DPMO; stops give technical efficiency, MTBF and MTTR', () => {
    const rows = [
      shiftRow({
        entries: 1,
        planned: 420,
        employees: 3,
        runHours: 6,
        unitsProduced: 1000,
        qualityEntries: 1,
        inspected: 200,
        scrap: 4,
        rework: 6,
        defects: 12,
      }),
      { ...empty, shiftID: null, unplannedStops: 2, unplannedDowntimeMinutes: 40, plannedStops: 1, plannedDowntimeMinutes: 30 },
    ];
    const r = rollupKpis(rows, { products, defaults: { opportunitiesPerUnit: 5 }, asOf: NOW }).results;
    expect(r.scrapRatio?.value).toBeCloseTo(0.4, 10);
    expect(r.reworkRatio?.value).toBeCloseTo(0.6, 10);
    expect(r.fpy?.value).toBeCloseTo(95, 10);
    expect(r.ppm?.value).toBeCloseTo(50_000, 6);
    expect(r.dpmo?.value).toBeCloseTo((12 / 1000) * 1e6, 6);
    expect(r.technicalEfficiency?.value).toBeCloseTo((360 / 400) * 100, 10);
    expect(r.mtbf?.value).toBeCloseTo(3, 10);
    expect(r.mttr?.value).toBeCloseTo(20 / 60, 10);
    // A row of stops alone neither asks for a cycle time nor for staff.
    expect(r.efficiency?.inferred).toEqual([expect.objectContaining({ source: 'product', rows: [0] })]);
    expect(r.rty?.value).toBeNull();
    expect(r.rty?.reason).toMatch(/no process steps/);
  });

  test('no rows: every KPI null with a reason, never NaN or 0', () => {
    const r = rollupKpis([], { products, asOf: NOW }).results;
    for (const [name, result] of Object.entries(r)) {
      expect(result?.value, name).toBeNull();
      expect(result?.reason, name).toBeTruthy();
    }
  });

  test('grouping by shift, day, line and product, and the summed inputs', () => {
    const rows = [
      shiftRow({ entries: 1, planned: 420, employees: 2, runHours: 7, unitsProduced: 100 }),
      shiftRow({ entries: 2, planned: 420, employees: 4, runHours: 12, unitsProduced: 150, shiftID: 's-late' }),
      shiftRow({
        entries: 1,
        planned: 420,
        employees: 2,
        runHours: 6,
        unitsProduced: 90,
        lineID: 'line-b',
        shiftDate: DAY + 86_400_000,
      }),
    ];
    expect([...groupRollups(rows, 'shift').keys()]).toEqual(['s-early', 's-late']);
    expect([...groupRollups(rows, 'day').keys()]).toEqual(['2026-03-30', '2026-03-31']);
    expect([...groupRollups(rows, 'line').entries()].map(([k, g]) => [k, g.length])).toEqual([
      ['line-a', 2],
      ['line-b', 1],
    ]);
    expect(groupRollups(rows, 'total').get('total')).toHaveLength(3);
    expect(sumRollups(rows)).toMatchObject({
      rows: 3,
      productionEntries: 4,
      unitsProduced: 340,
      runHours: 25,
      plannedMinutes: 1680,
    });
    const byDay = [...groupRollups(rows, 'day').values()].map(
      (g) => rollupKpis(g, { products, asOf: NOW }).results.availability?.value,
    );
    expect(byDay[0]).toBeCloseTo((1140 / 1260) * 100, 10);
    expect(byDay[1]).toBeCloseTo((360 / 420) * 100, 10);
  });
});
