import { describe, expect, test } from 'vitest';
import { calculateKpis, rounded } from '../../../shared/shop-floor/calculate.ts';
import { kpiCalculateInput } from '../../../shared/shop-floor/calculate-input.ts';
import { KPI_NAMES } from '../../../shared/shop-floor/kpi-names.ts';
import { calc, NOW, OEE_COM } from './calc.ts';

describe('availability, performance, quality and OEE', () => {
  test('the oee.com example, exactly, and as the endpoint rounds it', () => {
    const r = calc({ production: [OEE_COM] });
    expect(r.availability.value).toBeCloseTo((373 / 420) * 100, 10);
    expect(r.performance.value).toBeCloseTo((19_271 / (373 * 60)) * 100, 10);
    expect(r.quality.value).toBeCloseTo((18_848 / 19_271) * 100, 10);
    expect(r.oee.value).toBeCloseTo((18_848 / 25_200) * 100, 10);
    const shown = rounded(calculateKpis(kpiCalculateInput.parse({ production: [OEE_COM] }), NOW)).results;
    expect([shown.availability?.value, shown.performance?.value, shown.quality?.value, shown.oee?.value]).toEqual([
      88.81, 86.11, 97.8, 74.79,
    ]);
    expect(r.oee).toMatchObject({ unit: '%', warnings: [], inferred: [] });
    expect(r.oee.reason).toBeUndefined();
  });

  test('OEE is A × P × Q of the pooled factors; null with the reason of the factor that is missing', () => {
    const r = calc({ production: [{ ...OEE_COM, idealCycleSeconds: null }] });
    expect(r.availability.value).not.toBeNull();
    expect(r.oee.value).toBeNull();
    expect(r.oee.reason).toMatch(/^No performance: No ideal cycle time for production\[0\]/);
  });

  test('performance above 100 % is returned uncapped and flagged: the ideal cycle time is too slow', () => {
    // 400 units at an "ideal" 60 s each is 400 min of work done in 320 min.
    const r = calc({ production: [{ plannedMinutes: 480, downtimeMinutes: 160, idealCycleSeconds: 60, totalCount: 400 }] });
    expect(r.performance.value).toBeCloseTo(125, 10);
    expect(r.performance.warnings).toEqual([expect.stringMatching(/^Above 100 %: .*ideal cycle time is probably too slow/)]);
    expect(r.oee.value).toBeCloseTo((320 / 480) * 125, 10);
    expect(r.oee.warnings).toEqual([]);
  });

  test('availability above 100 % (run time beyond planned time) and an OEE above 100 % are flagged too', () => {
    const r = calc({ production: [{ plannedMinutes: 480, runMinutes: 500, idealCycleSeconds: 60, totalCount: 600 }] });
    expect(r.availability.value).toBeCloseTo((500 / 480) * 100, 10);
    expect(r.availability.warnings).toEqual([expect.stringMatching(/^Above 100 %: the run time exceeds/)]);
    expect(r.oee.value).toBeCloseTo(125, 10);
    expect(r.oee.warnings).toHaveLength(1);
  });
});

describe('aggregates come from summed times and counts, never from averaged percentages', () => {
  test('two shifts: pooled availability and quality differ from the mean of the shifts’ percentages', () => {
    const long = { plannedMinutes: 480, runMinutes: 240, idealCycleSeconds: 10, totalCount: 1000, goodCount: 900 }; // 50 %, 90 %
    const short = { plannedMinutes: 120, runMinutes: 120, idealCycleSeconds: 10, totalCount: 10, goodCount: 0 }; // 100 %, 0 %
    const r = calc({ production: [long, short] });
    expect(r.availability.value).toBeCloseTo((360 / 600) * 100, 10); // not (50 + 100) / 2 = 75
    expect(r.quality.value).toBeCloseTo((900 / 1010) * 100, 10); // not (90 + 0) / 2 = 45
    expect(r.performance.value).toBeCloseTo(((1010 * 10) / 60 / 360) * 100, 10);
  });

  test('products with different ideal cycle times: performance sums the ideal time of each product’s units', () => {
    const r = calc({
      production: [
        { product: 'Bracket', plannedMinutes: 240, idealCycleSeconds: 30, totalCount: 400 }, // 200 min ideal
        { product: 'Housing', plannedMinutes: 240, idealCycleSeconds: 120, totalCount: 60 }, // 120 min ideal
      ],
    });
    expect(r.performance.value).toBeCloseTo((320 / 480) * 100, 10);
  });

  test('scrap and rework ratios pool only the records that report them', () => {
    const r = calc({
      production: [
        { plannedMinutes: 60, totalCount: 100, scrapCount: 10, reworkCount: 5 },
        { plannedMinutes: 60, totalCount: 900, reworkCount: 45 },
      ],
    });
    expect(r.scrapRatio.value).toBeCloseTo(10, 10); // 10 / 100, not 10 / 1000
    expect(r.reworkRatio.value).toBeCloseTo(5, 10); // 50 / 1000
    // goodCount defaults to totalCount - scrapCount - reworkCount.
    expect(r.quality.value).toBeCloseTo(((85 + 855) / 1000) * 100, 10);
  });
});

describe('efficiency and technical efficiency', () => {
  test('efficiency (seed 004): units × ideal cycle time / (employees × scheduled shift hours)', () => {
    // 800 units × 60 s = 800 min = 13.33 h earned, by 2 people in an 8 h shift (16 h).
    const row = { plannedMinutes: 450, idealCycleSeconds: 60, totalCount: 800, employees: 2, shiftHours: 8 };
    expect(calc({ production: [row] }).efficiency.value).toBeCloseTo((800 / 60 / 16) * 100, 10);
    // Pooled: a second shift of 1 person for 4 h making 300 units (5 h earned, 125 % on its own).
    const r = calc({ production: [row, { ...row, totalCount: 300, employees: 1, shiftHours: 4 }] });
    expect(r.efficiency.value).toBeCloseTo(((800 + 300) / 60 / 20) * 100, 10);
    expect(r.efficiency.warnings).toEqual([]);
  });

  test('a shift across midnight counts its real hours: 22:00-06:00 is 8 h', () => {
    const row = { plannedMinutes: 450, idealCycleSeconds: 60, totalCount: 800, employees: 2 };
    const r = calc({ production: [{ ...row, shiftStart: '22:00', shiftEnd: '06:00' }] });
    expect(r.efficiency.value).toBeCloseTo((800 / 60 / 16) * 100, 10);
    expect(r.efficiency.inferred).toEqual([]);
  });

  test('efficiency above 100 % is flagged, not capped', () => {
    const r = calc({
      production: [{ plannedMinutes: 480, idealCycleSeconds: 60, totalCount: 1200, employees: 2, shiftHours: 8 }],
    });
    expect(r.efficiency.value).toBeCloseTo(125, 10);
    expect(r.efficiency.warnings).toEqual([expect.stringMatching(/^Above 100 %: more earned hours/)]);
  });

  test('technical efficiency (ISO 22400-2: APT / (APT + ADET)); the delay defaults to the downtime', () => {
    expect(calc({ production: [OEE_COM] }).technicalEfficiency.value).toBeCloseTo((373 / 420) * 100, 10);
    const r = calc({ production: [{ plannedMinutes: 480, runMinutes: 400, delayMinutes: 20, totalCount: 0 }] });
    expect(r.technicalEfficiency.value).toBeCloseTo((400 / 420) * 100, 10);
  });
});

describe('quality KPIs from inspections and process steps', () => {
  test('first pass yield (ISO 22400-2: good parts first time / inspected parts), pooled', () => {
    const r = calc({
      inspections: [
        { inspected: 200, passedFirstTime: 180 },
        { inspected: 300, passedFirstTime: 290 },
        { inspected: 1000 }, // reports no first-pass count: not part of FPY
      ],
    });
    expect(r.fpy.value).toBeCloseTo(94, 10); // 470 / 500; the mean of 90 % and 96.67 % would be 93.33 %
  });

  test('rolled throughput yield: the product of each step’s first-pass yield', () => {
    const r = calc({
      steps: [
        { unitsIn: 1000, goodFirstPass: 900 },
        { unitsIn: 900, goodFirstPass: 810 },
        { unitsIn: 800, goodFirstPass: 760 },
      ],
    });
    expect(r.rty.value).toBeCloseTo(0.9 * 0.9 * 0.95 * 100, 10); // 76.95 %, below every step's own yield
  });

  test('defective PPM: defective / inspected × 10^6 over the inspections that report defective', () => {
    const r = calc({ inspections: [{ inspected: 10_000, defective: 5 }, { inspected: 40_000, defective: 7 }, { inspected: 5 }] });
    expect(r.ppm).toMatchObject({ unit: 'ppm' });
    expect(r.ppm.value).toBeCloseTo(240, 10);
  });

  test('DPMO against the Six Sigma conversion table (1.5 σ shift): 6 σ is 3.4 DPMO, 3 σ is 66,807 DPMO', () => {
    expect(calc({ inspections: [{ inspected: 1_000_000, defects: 17, opportunitiesPerUnit: 5 }] }).dpmo.value).toBeCloseTo(
      3.4,
      10,
    );
    const r = calc({ inspections: [{ inspected: 100_000, defects: 66_807, opportunitiesPerUnit: 10 }] });
    expect(r.dpmo).toMatchObject({ unit: 'dpmo', inferred: [] });
    expect(r.dpmo.value).toBeCloseTo(66_807, 6);
    // Pooled over units × opportunities: 30 defects in 100 × 4 + 200 × 3 = 1,000 opportunities.
    const pooled = calc({
      inspections: [
        { inspected: 100, defects: 10, opportunitiesPerUnit: 4 },
        { inspected: 200, defects: 20, opportunitiesPerUnit: 3 },
      ],
    });
    expect(pooled.dpmo.value).toBeCloseTo(30_000, 8);
  });
});

describe('delivery, people and equipment', () => {
  test('on-time delivery: complete and shipped by the due date, of the orders due by asOf', () => {
    const r = calc({
      asOf: '2026-03-31',
      orders: [
        { dueAt: '2026-03-10', shippedAt: '2026-03-09T16:00:00Z', complete: true }, // on time
        { dueAt: '2026-03-15', shippedAt: '2026-03-16', complete: true }, // late
        { dueAt: '2026-03-20', shippedAt: '2026-03-20T23:00:00Z', complete: true }, // a due date is the whole day
        { dueAt: '2026-03-25T12:00:00Z', shippedAt: '2026-03-24', complete: false }, // shipped in part: not on time
        { dueAt: '2026-03-31', shippedAt: null, complete: false }, // due on asOf's day, not shipped
        { dueAt: '2026-04-10', shippedAt: null, complete: false }, // not due yet: not counted
      ],
    });
    expect(r.otd.value).toBeCloseTo((2 / 5) * 100, 10);
    expect(r.otd.warnings).toEqual([]);
  });

  test('a complete order without a ship date counts as not on time, with a warning', () => {
    const r = calc({
      orders: [
        { dueAt: '2026-03-01', complete: true },
        { dueAt: '2026-03-02', shippedAt: '2026-03-01', complete: true },
      ],
    });
    expect(r.otd.value).toBe(50);
    expect(r.otd.warnings).toEqual(['1 of the orders due by asOf is complete with no shippedAt and counted as not on time']);
  });

  test('absenteeism: absent / scheduled hours, pooled', () => {
    const r = calc({
      attendance: [
        { scheduledHours: 160, absentHours: 8 },
        { scheduledHours: 40, absentHours: 4 },
      ],
    });
    expect(r.absenteeism.value).toBeCloseTo(6, 10); // 12 / 200; the mean of 5 % and 10 % would be 7.5 %
  });

  test('MTBF: operating hours / failures; MTTR: repair hours / failures of the records that report repairs', () => {
    const r = calc({
      equipment: [
        { operatingHours: 400, failures: 2, repairHours: 3 },
        { operatingHours: 600, failures: 3, repairHours: 7 },
        { operatingHours: 100, failures: 1 },
      ],
    });
    expect(r.mtbf).toMatchObject({ value: 1100 / 6, unit: 'h' });
    expect(r.mttr).toMatchObject({ value: 2, unit: 'h' });
  });
});

describe('zero denominators and missing records: null with a reason, never NaN, Infinity or 0', () => {
  test('each KPI over records whose denominator sums to 0', () => {
    const r = calc({
      production: [
        {
          plannedMinutes: 0,
          runMinutes: 0,
          idealCycleSeconds: 30,
          totalCount: 0,
          scrapCount: 0,
          reworkCount: 0,
          employees: 0,
          shiftHours: 8,
        },
      ],
      inspections: [{ inspected: 0, defective: 0, defects: 0, opportunitiesPerUnit: 3, passedFirstTime: 0 }],
      steps: [
        { unitsIn: 10, goodFirstPass: 9 },
        { unitsIn: 0, goodFirstPass: 0 },
      ],
      orders: [{ dueAt: '2026-12-31', shippedAt: null, complete: false }],
      attendance: [{ scheduledHours: 0, absentHours: 0 }],
      equipment: [{ operatingHours: 120, failures: 0, repairHours: 0 }],
    });
    for (const name of KPI_NAMES) {
      expect(r[name].value, name).toBeNull();
      expect(r[name].reason, name).toEqual(expect.any(String));
    }
    expect(r.availability.reason).toBe('No planned production time (plannedMinutes sum to 0)');
    expect(r.quality.reason).toBe('No units produced (totalCount sums to 0)');
    expect(r.efficiency.reason).toBe('No staffed hours (employees × shiftHours sum to 0)');
    expect(r.rty.reason).toMatch(/^steps\[1\] has no units in/);
    expect(r.otd.reason).toBe('No order due by asOf');
    expect(r.mtbf.reason).toBe('No failures in 120 operating hours, so there is no mean time between them');
  });

  test('no records at all: every KPI says which records it needs', () => {
    const r = calc({});
    expect(Object.keys(r)).toEqual(KPI_NAMES);
    expect(r.oee).toEqual({ value: null, unit: '%', reason: 'No records in production', warnings: [], inferred: [] });
    expect(r.fpy.reason).toBe('No records in inspections');
    expect(r.rty.reason).toBe('No records in steps');
    expect(r.absenteeism.reason).toBe('No records in attendance');
    expect(r.mttr.reason).toBe('No records in equipment');
  });

  test('only the KPIs asked for are calculated', () => {
    const r = calculateKpis(kpiCalculateInput.parse({ kpis: ['quality', 'mtbf'], production: [OEE_COM] }), NOW).results;
    expect(Object.keys(r)).toEqual(['quality', 'mtbf']);
  });
});
