import { describe, expect, test } from 'vitest';
import {
  confidenceFromP,
  DAY_MS,
  describeKpi,
  erf,
  findAnomalies,
  forecastTarget,
  formatNumber,
  formatQuantity,
  formatRate,
  type KpiFacts,
  mannKendall,
  normalCdf,
  type Point,
  plainSummary,
  theilSen,
  twoSidedP,
} from '../../shared/insights/index.ts';
import type { Direction } from '../../shared/progress.ts';

const T0 = Date.UTC(2026, 0, 1);
const day = (d: number) => T0 + d * DAY_MS;
/** Daily points value = f(day), days 0..n-1 from 2026-01-01. */
const series = (n: number, f: (d: number) => number): Point[] =>
  Array.from({ length: n }, (_, d) => ({ at: day(d), value: f(d) }));

/** Deterministic noise: a seeded LCG, sum of three uniforms, roughly N(0, sd). */
function noise(seed: number, sd: number): () => number {
  let state = seed;
  const uniform = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return () => (uniform() + uniform() + uniform() - 1.5) * 2 * sd;
}

/** describeKpi with the direction 'higher' and the time of the last point as `now`, unless given. */
function facts({
  points,
  target,
  direction = 'higher',
  now = points.at(-1)?.at ?? T0,
}: {
  points: Point[];
  target: number;
  direction?: Direction;
  now?: number;
}): KpiFacts {
  return describeKpi({ points, target, direction, now });
}

describe('standard normal distribution', () => {
  test('the CDF matches tabulated values to 1e-7', () => {
    const table: [number, number][] = [
      [0, 0.5],
      [0.5, 0.6914624612740131],
      [1, 0.8413447460685429],
      [-1, 0.15865525393145707],
      [1.96, 0.9750021048517795],
      [2.5, 0.9937903346742238],
      [3, 0.9986501019683699],
      [-3, 0.0013498980316301035],
    ];
    for (const [z, p] of table) expect(Math.abs(normalCdf(z) - p)).toBeLessThan(1e-7);
    expect(normalCdf(-6)).toBeGreaterThan(0);
    expect(normalCdf(-6)).toBeCloseTo(9.865876450376946e-10, 15);
  });

  test('erf and the two-sided p-value', () => {
    expect(Math.abs(erf(0.5) - 0.5204998778130465)).toBeLessThan(1e-7);
    expect(erf(-0.5)).toBeCloseTo(-erf(0.5), 12);
    expect(twoSidedP(1.959964)).toBeCloseTo(0.05, 6);
    expect(twoSidedP(-1.959964)).toBeCloseTo(0.05, 6);
    expect(twoSidedP(0)).toBeCloseTo(1, 6);
  });
});

describe('Mann–Kendall trend test', () => {
  test('n = 5, strictly increasing: S = 10, Var(S) = 5·4·15/18 = 16.67, z = 9/√16.67 = 2.2045, p ≈ 0.0275', () => {
    // Var(S) = n(n-1)(2n+5)/18 = 300/18. (The 83.33 is not this formula's value; S can be at
    // most 10 for n = 5, so a standard deviation of 9.1 would be impossible.)
    const mk = mannKendall(series(5, (d) => d));
    expect(mk.s).toBe(10);
    expect(mk.variance).toBeCloseTo(50 / 3, 12);
    expect(mk.z).toBeCloseTo(9 / Math.sqrt(50 / 3), 12);
    expect(mk.z).toBeCloseTo(2.2045, 4);
    expect(mk.pValue).toBeCloseTo(0.02749, 5);
  });

  test('strictly decreasing mirrors it', () => {
    const mk = mannKendall(series(5, (d) => -d));
    expect(mk.s).toBe(-10);
    expect(mk.z).toBeCloseTo(-2.2045, 4);
    expect(mk.pValue).toBeCloseTo(0.02749, 5);
  });

  test('tied values: [1, 2, 2, 3, 4] has S = 9, Var = (300 - 2·1·9)/18 = 15.67, p ≈ 0.0433', () => {
    const mk = mannKendall([1, 2, 2, 3, 4].map((value, d) => ({ at: day(d), value })));
    expect(mk.s).toBe(9);
    expect(mk.variance).toBeCloseTo(282 / 18, 12);
    expect(mk.z).toBeCloseTo(8 / Math.sqrt(282 / 18), 12);
    expect(mk.pValue).toBeCloseTo(0.04326, 5);
  });

  test('tied times count 0 and are corrected for: times [0, 0, 1, 1] gives S = 4, Var = (156 - 36)/18', () => {
    const mk = mannKendall([
      { at: day(0), value: 1 },
      { at: day(0), value: 2 },
      { at: day(1), value: 3 },
      { at: day(1), value: 4 },
    ]);
    expect(mk.s).toBe(4);
    expect(mk.variance).toBeCloseTo(120 / 18, 12);
  });

  test('all values equal: no variance, p = 1', () => {
    const mk = mannKendall(series(6, () => 7));
    expect(mk).toEqual({ n: 6, s: 0, variance: 0, z: 0, pValue: 1 });
  });

  test('confidence is 1 - p, rounded down to 3 decimals, at most 0.999', () => {
    expect(confidenceFromP(0.03)).toBe(0.97);
    expect(confidenceFromP(0.0274)).toBe(0.972);
    expect(confidenceFromP(1e-12)).toBe(0.999);
    expect(confidenceFromP(1)).toBe(0);
  });
});

describe('Theil–Sen slope', () => {
  test('an exact line: slope 2 per day, intercept 10 at the first point', () => {
    expect(theilSen(series(10, (d) => 10 + 2 * d))).toEqual({ origin: T0, intercept: 10, slopePerDay: 2 });
  });

  test('slopes are per day whatever the sampling', () => {
    const halfDaily = Array.from({ length: 8 }, (_, i) => ({ at: T0 + (i * DAY_MS) / 2, value: 5 + i }));
    expect(theilSen(halfDaily)?.slopePerDay).toBe(2);
  });

  test('one outlier does not move it', () => {
    expect(theilSen(series(20, (d) => (d === 10 ? 200 : 10 + 2 * d)))?.slopePerDay).toBe(2);
  });

  test('pairs at the same time are skipped; a single time has no slope', () => {
    const points = [...series(4, (d) => 3 * d), { at: day(1), value: 100 }];
    expect(theilSen(points)?.slopePerDay).toBe(3);
    expect(theilSen([1, 2, 3].map((value) => ({ at: T0, value })))).toBeNull();
    expect(theilSen([])).toBeNull();
  });
});

describe('anomalies', () => {
  test('robust z-score |x - median| / (1.4826 · MAD) above 3.5', () => {
    const points = [10, 11, 9, 10, 12, 10, 50].map((value, d) => ({ at: day(d), value }));
    // median 10, absolute deviations 0 1 1 0 2 0 40, MAD 1: 40 / 1.4826 = 26.98
    expect(findAnomalies(points)).toEqual([{ at: day(6), value: 50, score: 26.98, direction: 'above' }]);
  });

  test('MAD = 0 falls back to the mean absolute deviation; identical values flag nothing', () => {
    const lone = [5, 5, 5, 5, 5, 5, 5, 1].map((value, d) => ({ at: day(d), value }));
    expect(findAnomalies(lone)).toEqual([{ at: day(7), value: 1, score: 6.38, direction: 'below' }]);
    expect(findAnomalies(series(8, () => 5))).toEqual([]);
    // A spread-out minority off a constant majority is not unusual.
    const minority = [5, 5, 5, 5, 5, 5, 6, 7, 8, 9, 10].map((value, d) => ({ at: day(d), value }));
    expect(findAnomalies(minority)).toEqual([]);
  });

  test('fewer than 4 points: none', () => {
    expect(findAnomalies([1, 1, 100].map((value, d) => ({ at: day(d), value })))).toEqual([]);
  });
});

describe('describeKpi: series with known answers', () => {
  test('rising 10 + 2·day: slope 2/day, up, p < 0.01, target 100 reached exactly on day 45', () => {
    const f = facts({ points: series(10, (d) => 10 + 2 * d), target: 100 });
    expect(f).toMatchObject({
      count: 10,
      first: { at: T0, value: 10 },
      last: { at: day(9), value: 28 },
      latestValue: 28,
      trend: 'up',
      slopePerDay: 2,
      line: { origin: T0, intercept: 10, slopePerDay: 2 },
      confidence: 0.999,
      improving: true,
      anomalies: [],
      progress: 0.28,
      status: 'off-track',
    });
    expect(f.pValue).toBeLessThan(0.01);
    expect(f.forecast).toEqual({ status: 'on-course', reachAt: day(45), horizonAt: day(39), projectedValue: 88 });
  });

  test('falling 100 - 3·day: slope -3/day, down, worsening for higher-is-better, not on course', () => {
    const f = facts({ points: series(12, (d) => 100 - 3 * d), target: 150 });
    expect(f).toMatchObject({ trend: 'down', slopePerDay: -3, improving: false });
    expect(f.pValue).toBeLessThan(0.01);
    expect(f.forecast.status).toBe('not-on-course');
    expect(f.forecast.reachAt).toBeNull();
  });

  test('flat: constant and noisy series are stable', () => {
    const constant = facts({ points: series(10, () => 80), target: 100 });
    expect(constant).toMatchObject({ trend: 'stable', slopePerDay: 0, pValue: 1, confidence: 0, improving: null });
    expect(constant.forecast).toMatchObject({ status: 'not-on-course', reachAt: null, projectedValue: 80 });

    const jitter = noise(42, 2);
    const noisy = facts({ points: series(30, () => 50 + jitter()), target: 100 });
    expect(noisy.trend).toBe('stable');
    expect(noisy.pValue).toBeGreaterThanOrEqual(0.05);
    expect(noisy.improving).toBeNull();
  });

  test('noisy rising: slope close to the true 2/day, trend up', () => {
    const jitter = noise(7, 3);
    const f = facts({ points: series(30, (d) => 10 + 2 * d + jitter()), target: 200 });
    expect(f.trend).toBe('up');
    expect(f.slopePerDay).toBeGreaterThan(1.8);
    expect(f.slopePerDay).toBeLessThan(2.2);
    expect(f.pValue).toBeLessThan(0.001);
  });

  test('an outlier above is flagged and does not move the slope or the forecast', () => {
    const f = facts({ points: series(20, (d) => (d === 10 ? 200 : 10 + 2 * d)), target: 100 });
    expect(f.slopePerDay).toBe(2);
    expect(f.line?.intercept).toBe(10);
    expect(f.anomalies).toHaveLength(1);
    expect(f.anomalies[0]).toMatchObject({ at: day(10), value: 200, direction: 'above' });
    expect(f.anomalies[0]!.score).toBeGreaterThan(3.5);
    expect(f.forecast.reachAt).toBe(day(45));
  });

  test('a drop to zero in a rising series is flagged below', () => {
    const f = facts({ points: series(20, (d) => (d === 12 ? 0 : 100 + 10 * d)), target: 1000 });
    expect(f.anomalies.map((a) => [a.at, a.value, a.direction])).toEqual([[day(12), 0, 'below']]);
    expect(f.slopePerDay).toBe(10);
  });

  test('too short to judge: 3 points, or points all at one time', () => {
    const f = facts({ points: series(3, (d) => 10 + 2 * d), target: 100 });
    expect(f).toMatchObject({
      count: 3,
      latestValue: 14,
      trend: 'insufficient-data',
      slopePerDay: null,
      line: null,
      pValue: null,
      confidence: 0,
      improving: null,
      anomalies: [],
      forecast: { status: 'insufficient-data', reachAt: null, horizonAt: null, projectedValue: null },
      progress: 0.14,
    });
    const sameTime = facts({ points: [1, 2, 3, 4, 5].map((value) => ({ at: T0, value })), target: 10 });
    expect(sameTime.trend).toBe('insufficient-data');
    expect(facts({ points: [], target: 10 })).toMatchObject({
      count: 0,
      first: null,
      last: null,
      latestValue: null,
      progress: null,
      status: 'no-data',
    });
  });

  test('ties: a stepped series 3,3,4,4,5,5,6,6 rises at 0.5/day with tie-corrected p', () => {
    const f = facts({ points: series(8, (d) => 3 + Math.floor(d / 2)), target: 10 });
    expect(f.trend).toBe('up');
    expect(f.slopePerDay).toBe(0.5);
    // S = 28 pairs - 4 tied = 24; Var = (8·7·21 - 4·2·1·9)/18 = 61.33; z = 23/√61.33
    expect(f.pValue).toBeCloseTo(twoSidedP(23 / Math.sqrt(1104 / 18)), 12);
    expect(f.forecast.reachAt).toBe(day(14.5));
  });

  test('lower is better: falling is improving, and the projection does not go below 0', () => {
    const f = facts({ points: series(10, (d) => 500 - 20 * d), target: 100, direction: 'lower' });
    expect(f).toMatchObject({ trend: 'down', slopePerDay: -20, improving: true, progress: 100 / 320 });
    expect(f.forecast).toEqual({ status: 'on-course', reachAt: day(20), horizonAt: day(39), projectedValue: 0 });
  });

  test("forecast 'reached' when the latest value already meets the target", () => {
    expect(facts({ points: series(10, (d) => 90 + 2 * d), target: 100 }).forecast.status).toBe('reached');
    expect(facts({ points: series(10, (d) => 50 + d), target: 80, direction: 'lower' }).forecast.status).toBe('reached');
    expect(facts({ points: series(10, () => 120), target: 100 }).forecast.status).toBe('reached');
  });

  test("forecast 'not-on-course' when moving away from the target, or too slowly to get there in 10 years", () => {
    const away = facts({ points: series(10, (d) => 50 + 5 * d), target: 20, direction: 'lower' });
    expect(away).toMatchObject({ trend: 'up', improving: false, forecast: { status: 'not-on-course', reachAt: null } });
    const slow = facts({ points: series(30, (d) => 10 + 0.01 * d), target: 1000 });
    expect(slow).toMatchObject({ trend: 'up', improving: true, forecast: { status: 'not-on-course', reachAt: null } });
  });

  test('a line that crossed the target before now, while the latest value has not, forecasts now', () => {
    const forecast = forecastTarget({
      trend: 'up',
      line: { origin: T0, intercept: 0, slopePerDay: 1 },
      latestValue: 5,
      target: 10,
      direction: 'higher',
      now: day(20),
    });
    expect(forecast).toMatchObject({ status: 'on-course', reachAt: day(20), horizonAt: day(50), projectedValue: 50 });
  });

  test('input is cleaned and ordered; the facts survive JSON', () => {
    const points = [...series(6, (d) => 1 + d)].reverse();
    points.push({ at: Number.NaN, value: 3 }, { at: day(9), value: Number.POSITIVE_INFINITY });
    const f = facts({ points, target: 10, direction: 'higher', now: day(5) });
    expect(f).toMatchObject({ count: 6, first: { at: T0, value: 1 }, last: { at: day(5), value: 6 }, slopePerDay: 1 });
    expect(JSON.parse(JSON.stringify(f))).toEqual(f);
  });
});

describe('formatting', () => {
  test('numbers: at most 2 decimals, grouped, compact from a million, units', () => {
    expect(formatNumber(123456.891)).toBe('123,456.89');
    expect(formatNumber(1234567.891)).toBe('1.23M');
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatNumber(12.5)).toBe('12.5');
    expect(formatQuantity(1200, 'users')).toBe('1,200 users');
    expect(formatQuantity(-5, '$')).toBe('-$5');
    expect(formatQuantity(12.345, '%')).toBe('12.35%');
    expect(formatQuantity(3, '')).toBe('3');
  });

  test('rates are per day unless that rounds below 0.1', () => {
    expect(formatRate(12.4, 'users')).toBe('+12.4 users/day');
    expect(formatRate(-3, '$')).toBe('-$3/day');
    expect(formatRate(0.05, 'users')).toBe('+0.35 users/week');
    expect(formatRate(0.01, '')).toBe('+0.3/month');
    expect(formatRate(0.00001, '')).toBe('+<0.01/year');
  });
});

describe('plainSummary', () => {
  test('a rising series', () => {
    const f = facts({ points: series(10, (d) => 10 + 2 * d), target: 100 });
    expect(plainSummary(f, { name: 'Weekly active users', unit: 'users' })).toBe(
      'Weekly active users is rising (+2 users/day, 99.9% confidence) and should reach its target of 100 users around Feb 15, 2026.',
    );
  });

  test('a series too short to judge', () => {
    const f = facts({ points: series(3, (d) => 10 + 2 * d), target: 100 });
    expect(plainSummary(f, { name: 'Weekly active users', unit: 'users' })).toBe(
      'Weekly active users does not have enough data to judge a trend yet (3 data points; it takes at least 4, at different times). ' +
        'The latest value is 14 users and is off track against its target of 100 users.',
    );
    expect(plainSummary(facts({ points: [], target: 5, direction: 'lower' }), { name: 'Lead time', unit: 'days' })).toBe(
      'Lead time has no data yet; its target is 5 days.',
    );
  });

  test('an outlier, lower-is-better, stable and moving away', () => {
    const outlier = facts({ points: series(20, (d) => (d === 10 ? 200 : 10 + 2 * d)), target: 100 });
    expect(plainSummary(outlier, { name: 'Orders', unit: 'orders' })).toBe(
      'Orders is rising (+2 orders/day, 99.9% confidence) and should reach its target of 100 orders around Feb 15, 2026. ' +
        'One unusually high value: 200 orders on Jan 11, 2026.',
    );
    expect(
      plainSummary(facts({ points: series(10, (d) => 500 - 20 * d), target: 100, direction: 'lower' }), {
        name: 'Response time',
        unit: 'ms',
      }),
    ).toBe(
      'Response time is falling (-20 ms/day, 99.9% confidence), an improvement since lower is better, ' +
        'and should reach its target of 100 ms around Jan 21, 2026.',
    );
    expect(plainSummary(facts({ points: series(10, () => 80), target: 100 }), { name: 'Backlog', unit: 'items' })).toBe(
      'Backlog shows no clear trend (latest value 80 items) and is at risk against its target of 100 items.',
    );
    expect(
      plainSummary(facts({ points: series(10, (d) => 50 + 5 * d), target: 20, direction: 'lower' }), {
        name: 'Churn rate',
        unit: '%',
      }),
    ).toBe(
      'Churn rate is rising (+5%/day, 99.9% confidence), a deterioration since lower is better, and is moving away from its target of 20%.',
    );
  });

  test('several unusual values are listed with their direction', () => {
    const f = facts({ points: series(20, (d) => (d === 5 ? 500 : d === 12 ? 0 : 100 + 10 * d)), target: 1000 });
    expect(plainSummary(f, { name: 'Sales', unit: '€' })).toBe(
      'Sales is rising (+€10/day, 99.9% confidence) and should reach its target of €1,000 around Apr 1, 2026. ' +
        'Two unusual values: €500 (high) on Jan 6, 2026 and €0 (low) on Jan 13, 2026.',
    );
  });
});

describe('anomalies on a short, almost straight series', () => {
  test('a small wobble is not called unusual; a real drop still is', async () => {
    const { describeKpi } = await import('../../shared/insights/index.ts');
    const day = 24 * 3600 * 1000;
    const at = (i: number) => Date.UTC(2026, 9, 24) + i * 7 * day;
    const wobble = [860, 910, 905, 980, 1040].map((value, i) => ({ at: at(i), value }));
    const facts = describeKpi({ points: wobble, target: 1200, direction: 'higher', now: at(5) });
    expect(facts.anomalies).toEqual([]);
    const drop = [860, 910, 0, 980, 1040, 1090, 1150].map((value, i) => ({ at: at(i), value }));
    const dropped = describeKpi({ points: drop, target: 1200, direction: 'higher', now: at(7) });
    expect(dropped.anomalies.map((a) => [a.value, a.direction])).toEqual([[0, 'below']]);
  });
});
