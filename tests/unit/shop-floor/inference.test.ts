import { describe, expect, test } from 'vitest';
import { CONFIDENCE, inferenceChain, median } from '../../../shared/shop-floor/inference.ts';
import { calc } from './calc.ts';

const ASOF = Date.UTC(2026, 2, 31, 23, 59, 59, 999);
const DAY = 24 * 60 * 60 * 1000;

describe('the inference chain: product configuration, then 30-day history, then the default', () => {
  const infer = inferenceChain({
    products: [{ product: 'Bracket', idealCycleSeconds: 30 }],
    history: [
      { product: 'Bracket', date: '2026-03-30', idealCycleSeconds: 99 }, // configuration wins over history
      { product: 'Housing', date: '2026-03-10', idealCycleSeconds: 40 },
      { product: 'Housing', date: '2026-03-20', idealCycleSeconds: 100 }, // an odd run: the median ignores it
      { product: 'Housing', date: '2026-03-30T08:00:00Z', idealCycleSeconds: 44, employees: 3 },
      { product: 'Lid', date: '2026-02-28', idealCycleSeconds: 12 }, // older than 30 days
      { product: 'Lid', date: '2026-04-01', idealCycleSeconds: 13 }, // after asOf
    ],
    defaults: { idealCycleSeconds: 60, opportunitiesPerUnit: 4 },
    asOf: ASOF,
  });

  test('each source with its confidence (seed 004: 1.0, 0.85, 0.5)', () => {
    expect(CONFIDENCE).toEqual({ product: 1, history: 0.85, default: 0.5 });
    expect(infer('idealCycleSeconds', 'Bracket')).toEqual({
      field: 'idealCycleSeconds',
      source: 'product',
      confidence: 1,
      value: 30,
    });
    expect(infer('idealCycleSeconds', 'Housing')).toEqual({
      field: 'idealCycleSeconds',
      source: 'history',
      confidence: 0.85,
      value: 44,
    });
    expect(infer('idealCycleSeconds', 'Lid')).toEqual({
      field: 'idealCycleSeconds',
      source: 'default',
      confidence: 0.5,
      value: 60,
    });
    // No product: only the default can serve.
    expect(infer('idealCycleSeconds', undefined)).toMatchObject({ source: 'default', value: 60 });
    expect(infer('opportunitiesPerUnit', undefined)).toMatchObject({ source: 'default', confidence: 0.5, value: 4 });
  });

  test('history serves only its own product and only the fields it holds; nothing found is null', () => {
    expect(infer('employees', 'Housing')).toMatchObject({ source: 'history', value: 3 });
    expect(infer('employees', 'Bracket')).toBeNull();
    expect(infer('shiftHours', undefined)).toBeNull();
  });

  test('the window is the 30 days up to asOf: a date 30 days back counts, 31 days back does not', () => {
    const at = (date: string) =>
      inferenceChain({ products: [], history: [{ product: 'P', date, employees: 5 }], defaults: {}, asOf: ASOF })(
        'employees',
        'P',
      );
    expect(at('2026-03-02')).toMatchObject({ source: 'history', value: 5 });
    expect(at('2026-03-01')).toBeNull();
    expect(at(new Date(ASOF + DAY).toISOString())).toBeNull();
  });

  test('median: the middle value, the mean of the middle two for an even count', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([100, 40, 44])).toBe(44);
    expect(median([40, 100, 44, 50])).toBe(47);
  });
});

describe('inferred values in the KPI results', () => {
  const body = {
    asOf: '2026-03-31',
    production: [
      { product: 'Bracket', plannedMinutes: 480, idealCycleSeconds: 30, totalCount: 800, employees: 2, shiftHours: 8 },
      { product: 'Housing', plannedMinutes: 480, totalCount: 300, employees: 2, shiftStart: '22:00', shiftEnd: '06:00' },
      { product: 'Housing', plannedMinutes: 240, totalCount: 100, shiftHours: 4 },
      { product: 'Lid', plannedMinutes: 480, totalCount: 600, employees: 1 },
      { plannedMinutes: 60, totalCount: 0, shiftHours: 1 },
    ],
    products: [{ product: 'Lid', idealCycleSeconds: 20, shiftHours: 7.5 }],
    history: [
      { product: 'Housing', date: '2026-03-20', idealCycleSeconds: 90, employees: 3 },
      { product: 'Housing', date: '2026-03-28', idealCycleSeconds: 96 },
    ],
    defaults: { idealCycleSeconds: 60, employees: 1 },
  };

  test('each KPI lists the values it used that were inferred: source, confidence, value, product and rows', () => {
    const r = calc(body);
    const cycle = [
      { field: 'idealCycleSeconds', source: 'history', confidence: 0.85, value: 93, product: 'Housing', rows: [1, 2] },
      { field: 'idealCycleSeconds', source: 'product', confidence: 1, value: 20, product: 'Lid', rows: [3] },
      { field: 'idealCycleSeconds', source: 'default', confidence: 0.5, value: 60, rows: [4] },
    ];
    expect(r.performance.inferred).toEqual(cycle);
    expect(r.oee.inferred).toEqual(cycle);
    // In the order first met, row by row.
    expect(r.efficiency.inferred).toEqual([
      cycle[0],
      { field: 'employees', source: 'history', confidence: 0.85, value: 3, product: 'Housing', rows: [2] },
      cycle[1],
      { field: 'shiftHours', source: 'product', confidence: 1, value: 7.5, product: 'Lid', rows: [3] },
      cycle[2],
      { field: 'employees', source: 'default', confidence: 0.5, value: 1, rows: [4] },
    ]);
    // KPIs that read no inferable value list none.
    expect(r.availability.inferred).toEqual([]);
    expect(r.quality.inferred).toEqual([]);
    // The inferred values are used: ideal minutes 800 × 0.5 + 400 × 1.55 + 600 × 1/3 (+ 0 for the empty row);
    // staffed hours 2 × 8 + 2 × 8 (22:00-06:00) + 3 × 4 + 1 × 7.5 + 1 × 1.
    const ideal = 400 + 400 * 1.55 + 200;
    expect(r.performance.value).toBeCloseTo((ideal / 1740) * 100, 10);
    expect(r.efficiency.value).toBeCloseTo((ideal / 60 / 52.5) * 100, 10);
  });

  test('what the chain cannot fill makes the KPIs that need it null, naming the rows and where it looked', () => {
    // The empty row (4) needs no ideal cycle time; a row with units and no product (5) does.
    expect(calc({ ...body, defaults: {} }).performance.value).not.toBeNull();
    const r = calc({ ...body, production: [...body.production, { plannedMinutes: 60, totalCount: 5 }], defaults: {} });
    expect(r.performance.value).toBeNull();
    expect(r.performance.reason).toBe(
      "No ideal cycle time for production[5]: not on the row, in products, in the product's history within 30 days before asOf, or in defaults.idealCycleSeconds",
    );
    expect(r.oee.value).toBeNull();
    expect(r.availability.value).not.toBeNull();
  });

  test('history older than 30 days before asOf is not used', () => {
    const r = calc({ ...body, asOf: '2026-05-01' });
    expect(r.performance.inferred).toEqual([
      { field: 'idealCycleSeconds', source: 'default', confidence: 0.5, value: 60, product: 'Housing', rows: [1, 2] },
      { field: 'idealCycleSeconds', source: 'product', confidence: 1, value: 20, product: 'Lid', rows: [3] },
      { field: 'idealCycleSeconds', source: 'default', confidence: 0.5, value: 60, rows: [4] },
    ]);
  });

  test('opportunities per unit for DPMO come from the row, else the default (0.5), listed on dpmo only', () => {
    const r = calc({
      inspections: [
        { inspected: 100, defects: 10, opportunitiesPerUnit: 4 },
        { inspected: 200, defects: 20 },
        { inspected: 50 }, // counts no defects: needs no opportunities
      ],
      defaults: { opportunitiesPerUnit: 3 },
    });
    expect(r.dpmo.value).toBeCloseTo((30 / 1000) * 1e6, 8);
    expect(r.dpmo.inferred).toEqual([{ field: 'opportunitiesPerUnit', source: 'default', confidence: 0.5, value: 3, rows: [1] }]);
    expect(r.ppm.inferred).toEqual([]);
    const missing = calc({ inspections: [{ inspected: 100, defects: 1 }] });
    expect(missing.dpmo).toMatchObject({
      value: null,
      reason: 'No opportunities per unit for inspections[0]: not on the row or in defaults.opportunitiesPerUnit',
    });
  });
});
