import { describe, expect, test } from 'vitest';
import { useOrg } from '../../helpers/people.ts';
import { createKey, expectError, expectStatus, type RestAuth, rest } from '../../helpers/rest.ts';
import { OEE_COM } from '../../unit/shop-floor/calc.ts';

const PATH = '/api/kpi/calculate';

/** oee.com's worked example as one shift (tests/unit/shop-floor/calc.ts), plus records for every other KPI. */
const FULL = {
  asOf: '2026-03-31',
  production: [{ ...OEE_COM, line: 'L1', product: 'Bracket', reworkCount: 0, employees: 1, shiftHours: 8 }],
  inspections: [{ inspected: 500, defective: 6, defects: 9, opportunitiesPerUnit: 4, passedFirstTime: 480 }],
  steps: [
    { unitsIn: 1000, goodFirstPass: 900 },
    { unitsIn: 900, goodFirstPass: 855 },
  ],
  orders: [
    { dueAt: '2026-03-10', shippedAt: '2026-03-10', complete: true },
    { dueAt: '2026-03-12', shippedAt: '2026-03-13', complete: true },
    { dueAt: '2026-03-14', shippedAt: null, complete: false },
    { dueAt: '2026-03-20', shippedAt: '2026-03-19T10:00:00Z', complete: true },
    { dueAt: '2026-04-15', shippedAt: null, complete: false },
  ],
  attendance: [
    { scheduledHours: 160, absentHours: 6 },
    { scheduledHours: 80, absentHours: 6 },
  ],
  equipment: [
    { operatingHours: 700, failures: 3, repairHours: 4.5 },
    { operatingHours: 300, failures: 1, repairHours: 1.5 },
  ],
};

const plain = (value: number, unit = '%') => ({ value, unit, warnings: [], inferred: [] });

describe('POST /api/kpi/calculate', () => {
  const org = useOrg('Shop-floor KPIs', { owen: 'owner', vera: 'viewer' });
  const me = (): RestAuth => ({ person: org.vera, org: org.id });

  test('every KPI over the records given, for any role, by session or API key, rounded to 2 decimals', async () => {
    const results = expectStatus(await rest(me(), 'POST', PATH, FULL), 200);
    expect(results).toEqual({
      results: {
        availability: plain(88.81), // 373 / 420
        performance: plain(86.11), // 19,271 × 1 s / 373 min
        quality: plain(97.8), // 18,848 / 19,271
        oee: plain(74.79),
        efficiency: plain(66.91), // 19,271 s / (1 × 8 h)
        technicalEfficiency: plain(88.81), // 373 / (373 + 47)
        scrapRatio: plain(2.2),
        reworkRatio: plain(0),
        fpy: plain(96), // 480 / 500
        rty: plain(85.5), // 0.9 × 0.95
        ppm: plain(12_000, 'ppm'), // 6 / 500
        dpmo: plain(4500, 'dpmo'), // 9 / (500 × 4)
        otd: plain(50), // 2 of the 4 orders due by asOf
        absenteeism: plain(5), // 12 / 240
        mtbf: plain(250, 'h'), // 1,000 / 4
        mttr: plain(1.5, 'h'), // 6 / 4
      },
    });
    const key = await createKey(org.owen, org.id, 'viewer');
    expect(expectStatus(await rest({ key: key.key }, 'POST', PATH, FULL), 200)).toEqual(results);
    expect(expectStatus(await rest({ key: key.key, as: 'header' }, 'POST', PATH, FULL), 200)).toEqual(results);
  });

  test('only the KPIs asked for; nothing but the records they need', async () => {
    const body = { kpis: ['oee', 'otd'], production: FULL.production, orders: FULL.orders, asOf: FULL.asOf };
    expect(expectStatus(await rest(me(), 'POST', PATH, body), 200)).toEqual({ results: { oee: plain(74.79), otd: plain(50) } });
  });

  test('defaults: run time, good count, delay, and shift hours from start and end across midnight', async () => {
    const kpis = ['availability', 'quality', 'efficiency', 'technicalEfficiency'];
    const shift = { plannedMinutes: 480, idealCycleSeconds: 30, totalCount: 700, scrapCount: 20, reworkCount: 30, employees: 4 };
    const derived = { ...shift, downtimeMinutes: 60, shiftStart: '22:00', shiftEnd: '06:00' };
    const given = { ...shift, runMinutes: 420, delayMinutes: 60, goodCount: 650, shiftHours: 8 };
    const answer = expectStatus(await rest(me(), 'POST', PATH, { kpis, production: [derived] }), 200);
    expect(answer).toEqual({
      results: {
        availability: plain(87.5), // 420 / 480
        quality: plain(92.86), // 650 / 700
        efficiency: plain(18.23), // 700 × 30 s / (4 × 8 h)
        technicalEfficiency: plain(87.5),
      },
    });
    expect(expectStatus(await rest(me(), 'POST', PATH, { kpis, production: [given] }), 200)).toEqual(answer);
  });

  test('inference from each source, listed with its confidence on the KPIs that used it', async () => {
    const row = { plannedMinutes: 60, totalCount: 100 };
    const body = {
      kpis: ['performance', 'quality'],
      asOf: '2026-03-31',
      production: [
        { ...row, product: 'Bracket' },
        { ...row, product: 'Housing', idealCycleSeconds: null },
        { ...row, product: 'Lid' },
      ],
      products: [{ product: 'Bracket', idealCycleSeconds: 2 }],
      history: [
        { product: 'Housing', date: '2026-03-25', idealCycleSeconds: 3 },
        { product: 'Housing', date: '2026-03-27', idealCycleSeconds: 5 },
        { product: 'Lid', date: '2026-02-01', idealCycleSeconds: 1 }, // older than 30 days
      ],
      defaults: { idealCycleSeconds: 6 },
    };
    const { results } = expectStatus(await rest(me(), 'POST', PATH, body), 200);
    expect(results.performance).toEqual({
      value: 11.11, // 100 × (2 + 4 + 6) s / 180 min
      unit: '%',
      warnings: [],
      inferred: [
        { field: 'idealCycleSeconds', source: 'product', confidence: 1, value: 2, product: 'Bracket', rows: [0] },
        { field: 'idealCycleSeconds', source: 'history', confidence: 0.85, value: 4, product: 'Housing', rows: [1] },
        { field: 'idealCycleSeconds', source: 'default', confidence: 0.5, value: 6, product: 'Lid', rows: [2] },
      ],
    });
    expect(results.quality.inferred).toEqual([]);
  });

  test('above 100 %: returned and flagged; a zero denominator: null and a reason', async () => {
    const body = {
      kpis: ['performance', 'availability', 'mtbf'],
      production: [{ plannedMinutes: 60, idealCycleSeconds: 60, totalCount: 75 }],
      equipment: [{ operatingHours: 100, failures: 0 }],
    };
    const { results } = expectStatus(await rest(me(), 'POST', PATH, body), 200);
    expect(results.performance).toMatchObject({
      value: 125,
      warnings: [expect.stringMatching(/^Above 100 %: .*ideal cycle time/)],
    });
    expect(results.availability).toEqual(plain(100));
    expect(results.mtbf).toEqual({
      value: null,
      unit: 'h',
      reason: 'No failures in 100 operating hours, so there is no mean time between them',
      warnings: [],
      inferred: [],
    });
    const none = expectStatus(
      await rest(me(), 'POST', PATH, { kpis: ['availability'], production: [{ plannedMinutes: 0, totalCount: 0 }] }),
      200,
    );
    expect(none.results.availability).toMatchObject({
      value: null,
      reason: 'No planned production time (plannedMinutes sum to 0)',
    });
  });

  test('inconsistent or malformed records: 400 naming the field and row; no credentials: 401', async () => {
    const ok = { plannedMinutes: 60, totalCount: 10 };
    const refused = async (body: unknown) => {
      const error = expectError(await rest(me(), 'POST', PATH, body), 400, 'VALIDATION_FAILED');
      expect(error.message).toBe(error.details[0]?.msg);
      return error.details.map(({ loc, msg }) => ({ loc, msg }));
    };
    expect(await refused({ production: [ok, ok, ok, { ...ok, scrapCount: 8, reworkCount: 3 }] })).toEqual([
      { loc: ['body', 'production', 3, 'totalCount'], msg: 'totalCount (10) is below scrapCount + reworkCount (11)' },
    ]);
    expect(await refused({ inspections: [{ inspected: 10, defective: 12 }] })).toEqual([
      { loc: ['body', 'inspections', 0, 'defective'], msg: 'defective (12) exceeds inspected (10)' },
    ]);
    expect(await refused({ production: [ok, { ...ok, runMinutes: -5 }] })).toEqual([
      { loc: ['body', 'production', 1, 'runMinutes'], msg: 'runMinutes cannot be negative' },
    ]);
    expect(await refused({ production: [{ ...ok, shiftHours: 25 }] })).toEqual([
      { loc: ['body', 'production', 0, 'shiftHours'], msg: 'shiftHours cannot exceed 24: a shift is at most 24 h' },
    ]);
    const [unknown] = await refused({ kpis: ['oee', 'uptime'] });
    expect(unknown).toEqual({
      loc: ['body', 'kpis', 1],
      msg: expect.stringMatching(/^Unknown KPI "uptime"; known: availability/),
    });
    // The shape is checked first, with the same error shape.
    expect(await refused({ production: [{ ...ok, plannedMinutes: '60' }] })).toEqual([
      { loc: ['body', 'production', 0, 'plannedMinutes'], msg: 'plannedMinutes must be a number' },
    ]);
    expectError(await rest({}, 'POST', PATH, FULL), 401, 'UNAUTHENTICATED');
  });
});
