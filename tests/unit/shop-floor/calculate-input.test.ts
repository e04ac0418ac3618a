import { describe, expect, test } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import { kpiCalculateInput } from '../../../shared/shop-floor/calculate-input.ts';
import { parseOrThrow } from '../../../shared/validation.ts';

const SHIFT = { plannedMinutes: 480, totalCount: 100 };

/** The refusals of a request body, as the API's details give them (loc under "body"). */
function refusals(body: unknown): { loc: string; msg: string }[] {
  try {
    parseOrThrow(kpiCalculateInput, body, ['body']);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('VALIDATION_FAILED');
    return (e as AppError).details.map((d) => ({ loc: d.loc.join('.'), msg: d.msg }));
  }
  throw new Error('accepted');
}

describe('the calculation request: every refusal names its field and row', () => {
  test('more units defective than produced or inspected', () => {
    expect(refusals({ production: [SHIFT, SHIFT, SHIFT, { ...SHIFT, scrapCount: 80, reworkCount: 30 }] })).toEqual([
      { loc: 'body.production.3.totalCount', msg: 'totalCount (100) is below scrapCount + reworkCount (110)' },
    ]);
    expect(refusals({ production: [{ ...SHIFT, goodCount: 90, scrapCount: 20 }] })).toEqual([
      { loc: 'body.production.0.totalCount', msg: 'totalCount (100) is below goodCount + scrapCount (110)' },
    ]);
    expect(
      refusals({
        inspections: [
          { inspected: 10, defective: 12 },
          { inspected: 10, passedFirstTime: 11 },
        ],
        steps: [{ unitsIn: 5, goodFirstPass: 6 }],
      }),
    ).toEqual([
      { loc: 'body.inspections.0.defective', msg: 'defective (12) exceeds inspected (10)' },
      { loc: 'body.inspections.1.passedFirstTime', msg: 'passedFirstTime (11) exceeds inspected (10)' },
      { loc: 'body.steps.0.goodFirstPass', msg: 'goodFirstPass (6) exceeds unitsIn (5)' },
    ]);
    expect(refusals({ inspections: [{ inspected: 10, defects: 31 }], defaults: { opportunitiesPerUnit: 3 } })).toEqual([
      { loc: 'body.inspections.0.defects', msg: 'defects (31) exceed inspected × opportunitiesPerUnit (30)' },
    ]);
    expect(refusals({ attendance: [{ scheduledHours: 8, absentHours: 9 }] })).toEqual([
      { loc: 'body.attendance.0.absentHours', msg: 'absentHours (9) exceeds scheduledHours (8)' },
    ]);
  });

  test('negative times and counts; downtime beyond the planned time', () => {
    expect(refusals({ production: [{ ...SHIFT, runMinutes: -5 }], equipment: [{ operatingHours: -1, failures: 1.5 }] })).toEqual([
      { loc: 'body.production.0.runMinutes', msg: 'runMinutes cannot be negative' },
      { loc: 'body.equipment.0.operatingHours', msg: 'operatingHours cannot be negative' },
      { loc: 'body.equipment.0.failures', msg: 'failures must be a whole number' },
    ]);
    expect(refusals({ production: [{ ...SHIFT, downtimeMinutes: 500, runMinutes: 400 }] })).toEqual([
      { loc: 'body.production.0.downtimeMinutes', msg: 'downtimeMinutes (500) exceeds plannedMinutes (480)' },
    ]);
  });

  test('a shift longer than 24 h, a bad clock time, half a shift span, a span that disagrees with shiftHours', () => {
    expect(
      refusals({
        production: [
          { ...SHIFT, shiftHours: 25 },
          { ...SHIFT, plannedMinutes: 1500 },
        ],
      }),
    ).toEqual([
      { loc: 'body.production.0.shiftHours', msg: 'shiftHours cannot exceed 24: a shift is at most 24 h' },
      { loc: 'body.production.1.plannedMinutes', msg: 'plannedMinutes cannot exceed 1440 (24 h): a production row is one shift' },
    ]);
    expect(
      refusals({
        production: [
          { ...SHIFT, shiftStart: '24:00', shiftEnd: '06:00' },
          { ...SHIFT, shiftStart: '22:00' },
          { ...SHIFT, shiftStart: '22:00', shiftEnd: '06:00', shiftHours: 7 },
        ],
      }),
    ).toEqual([
      { loc: 'body.production.0.shiftStart', msg: 'shiftStart must be HH:MM on a 24-hour clock, e.g. "22:00"' },
      { loc: 'body.production.1.shiftEnd', msg: 'shiftEnd is required with shiftStart' },
      { loc: 'body.production.2.shiftHours', msg: 'shiftHours (7) disagrees with 22:00-06:00 (8 h)' },
    ]);
  });

  test('unknown KPI names, products configured twice, dates that are not dates', () => {
    const [unknown] = refusals({ kpis: ['oee', 'uptime'] });
    expect(unknown).toEqual({
      loc: 'body.kpis.1',
      msg: expect.stringMatching(/^Unknown KPI "uptime"; known: availability, performance/),
    });
    expect(
      refusals({
        products: [
          { product: 'Lid', idealCycleSeconds: 20 },
          { product: 'Lid', idealCycleSeconds: 0 },
        ],
      }),
    ).toEqual([{ loc: 'body.products.1.idealCycleSeconds', msg: 'idealCycleSeconds must be above 0' }]);
    expect(
      refusals({
        products: [
          { product: 'Lid', idealCycleSeconds: 20 },
          { product: 'Lid', idealCycleSeconds: 21 },
        ],
      }),
    ).toEqual([{ loc: 'body.products.1.product', msg: 'Product "Lid" is configured twice (also products[0])' }]);
    const hint = 'must be a date (2026-03-31) or a date-time with its zone (2026-03-31T09:00:00Z)';
    expect(
      refusals({
        orders: [
          { dueAt: '2026-02-30', complete: true },
          { dueAt: '2026-03-01T09:00', shippedAt: 'soon', complete: 'yes' },
        ],
      }),
    ).toEqual([
      { loc: 'body.orders.0.dueAt', msg: `dueAt ${hint}` },
      { loc: 'body.orders.1.dueAt', msg: `dueAt ${hint}` },
      { loc: 'body.orders.1.shippedAt', msg: `shippedAt ${hint}` },
      { loc: 'body.orders.1.complete', msg: 'complete must be true or false' },
    ]);
  });

  test('lists and fields may be left out; null asks inference for a value', () => {
    const parsed = kpiCalculateInput.parse({ production: [{ ...SHIFT, idealCycleSeconds: null, employees: null }] });
    expect(parsed).toMatchObject({ products: [], history: [], defaults: {}, inspections: [], steps: [], orders: [] });
    expect(parsed.kpis).toBeUndefined();
    expect(refusals({ production: [{ totalCount: 5 }] })).toEqual([
      { loc: 'body.production.0.plannedMinutes', msg: 'plannedMinutes must be a number' },
    ]);
  });
});
