import { describe, expect, test } from 'vitest';
import { type GoalPaceItem, goalOutlook, goalPace, goalProgress, normalizeWeights } from '../../shared/goals.ts';
import { DAY_MS, describeKpi, type Point } from '../../shared/insights/index.ts';
import { type Direction, isOnTarget, kpiProgress, kpiStatus } from '../../shared/progress.ts';

const T0 = Date.UTC(2026, 0, 1);
const day = (d: number) => T0 + d * DAY_MS;
const series = (n: number, f: (d: number) => number): Point[] =>
  Array.from({ length: n }, (_, d) => ({ at: day(d), value: f(d) }));

/** A goal item for a KPI with these points (daily from day 0), as the server would build it at `now` (day 9 unless given). */
function item({
  points,
  target,
  direction = 'higher',
  weight = 1,
  now = day(9),
}: {
  points: Point[];
  target: number;
  direction?: Direction;
  weight?: number;
  now?: number;
}): GoalPaceItem {
  const current = points.at(-1)?.value ?? null;
  return {
    progress: kpiProgress(current, target, direction),
    weight,
    facts: describeKpi({ points, target, direction, now }),
    target,
    direction,
    current,
  };
}
const noData = (weight = 1): GoalPaceItem => ({
  progress: null,
  weight,
  facts: null,
  target: 10,
  direction: 'higher',
  current: null,
});

describe('kpiProgress', () => {
  test('higher is better: current / target, capped to 0..1', () => {
    expect(kpiProgress(50, 100, 'higher')).toBe(0.5);
    expect(kpiProgress(100, 100, 'higher')).toBe(1);
    expect(kpiProgress(150, 100, 'higher')).toBe(1);
    expect(kpiProgress(0, 100, 'higher')).toBe(0);
    expect(kpiProgress(-20, 100, 'higher')).toBe(0);
    expect(kpiProgress(50, 100)).toBe(0.5);
  });

  test('lower is better: at or below target is 1, above it target / current, and <= 0 is 1', () => {
    expect(kpiProgress(80, 100, 'lower')).toBe(1);
    expect(kpiProgress(100, 100, 'lower')).toBe(1);
    expect(kpiProgress(200, 100, 'lower')).toBe(0.5);
    expect(kpiProgress(1000, 100, 'lower')).toBe(0.1);
    expect(kpiProgress(0, 100, 'lower')).toBe(1);
    expect(kpiProgress(-5, 100, 'lower')).toBe(1);
  });

  test('no value, or no usable target: null', () => {
    expect(kpiProgress(null, 100, 'higher')).toBeNull();
    expect(kpiProgress(undefined, 100, 'lower')).toBeNull();
    expect(kpiProgress(Number.NaN, 100, 'higher')).toBeNull();
    expect(kpiProgress(5, 0, 'higher')).toBeNull();
    expect(kpiProgress(5, -1, 'lower')).toBeNull();
  });

  test('isOnTarget in both directions', () => {
    expect(isOnTarget(100, 100, 'higher')).toBe(true);
    expect(isOnTarget(99, 100, 'higher')).toBe(false);
    expect(isOnTarget(100, 100, 'lower')).toBe(true);
    expect(isOnTarget(101, 100, 'lower')).toBe(false);
    expect(isOnTarget(null, 100, 'lower')).toBe(false);
  });

  test('status thresholds: >= 0.9 on-track, >= 0.7 at-risk, else off-track, null no-data', () => {
    expect(kpiStatus(1)).toBe('on-track');
    expect(kpiStatus(0.9)).toBe('on-track');
    expect(kpiStatus(0.89)).toBe('at-risk');
    expect(kpiStatus(0.7)).toBe('at-risk');
    expect(kpiStatus(0.69)).toBe('off-track');
    expect(kpiStatus(0)).toBe('off-track');
    expect(kpiStatus(null)).toBe('no-data');
  });
});

describe('goal weighting and progress', () => {
  test('weights are normalized to sum to 1; all zero means equal; none means []', () => {
    expect(normalizeWeights([{ weight: 1 }, { weight: 3 }])).toEqual([0.25, 0.75]);
    expect(normalizeWeights([{ weight: 2 }, { weight: 0 }, { weight: 2 }])).toEqual([0.5, 0, 0.5]);
    expect(normalizeWeights([{ weight: 0 }, { weight: 0 }])).toEqual([0.5, 0.5]);
    expect(normalizeWeights([{ weight: 0 }, { weight: 0 }, { weight: 0 }, { weight: 0 }])).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(normalizeWeights([{ weight: -1 }, { weight: 1 }])).toEqual([0, 1]);
    expect(normalizeWeights([])).toEqual([]);
  });

  test('goal progress is the weighted mean of KPI progress', () => {
    expect(goalProgress([{ progress: 0.5, weight: 1 }])).toBe(0.5);
    expect(
      goalProgress([
        { progress: 1, weight: 3 },
        { progress: 0.2, weight: 1 },
      ]),
    ).toBeCloseTo(0.8, 12);
    expect(
      goalProgress([
        { progress: 1, weight: 0 },
        { progress: 0.5, weight: 0 },
      ]),
    ).toBe(0.75);
    expect(
      goalProgress([
        { progress: 1, weight: 0 },
        { progress: 0.5, weight: 2 },
      ]),
    ).toBe(0.5);
  });

  test('KPIs without data count as 0 progress; no KPIs gives null', () => {
    expect(
      goalProgress([
        { progress: 1, weight: 1 },
        { progress: null, weight: 1 },
      ]),
    ).toBe(0.5);
    expect(goalProgress([{ progress: null, weight: 1 }])).toBe(0);
    expect(goalProgress([])).toBeNull();
  });
});

describe('goal pace', () => {
  // A KPI rising 10 + 2·day over days 0..9 (current 28), target 100: its line reaches 100 on day 45.
  const rising = item({ points: series(10, (d) => 10 + 2 * d), target: 100 });
  const now = day(9);

  test('on-track: the trend projects the target by the target date', () => {
    expect(goalOutlook({ items: [rising], targetDate: day(50), now })).toEqual({
      pace: 'on-track',
      progress: 0.28,
      projectedProgress: 1,
    });
    // 0.95 is allowed: the line is at 96 on day 43.
    expect(goalPace({ items: [rising], targetDate: day(43), now })).toBe('on-track');
  });

  test('at-risk: projected progress in [0.75, 0.95)', () => {
    const outlook = goalOutlook({ items: [rising], targetDate: day(40), now });
    expect(outlook.pace).toBe('at-risk');
    expect(outlook.projectedProgress).toBeCloseTo(0.9, 12);
  });

  test('off-track: projected progress below 0.75', () => {
    const outlook = goalOutlook({ items: [rising], targetDate: day(20), now });
    expect(outlook.pace).toBe('off-track');
    expect(outlook.projectedProgress).toBeCloseTo(0.5, 12);
  });

  test('completed: every KPI already at its target', () => {
    const done = item({ points: series(10, (d) => 100 + d), target: 100 });
    const doneLower = item({ points: series(10, () => 3), target: 5, direction: 'lower' });
    expect(goalPace({ items: [done, doneLower], targetDate: day(30), now })).toBe('completed');
    expect(goalPace({ items: [done, doneLower], targetDate: day(1), now })).toBe('completed');
  });

  test('stable or short series are projected at their current value', () => {
    const flat96 = item({ points: series(10, () => 96), target: 100 });
    const flat80 = item({ points: series(10, () => 80), target: 100 });
    const short = item({ points: series(3, (d) => 40 + 20 * d), target: 100, now: day(2) });
    expect(goalPace({ items: [flat96], targetDate: day(60), now })).toBe('on-track');
    expect(goalPace({ items: [flat80], targetDate: day(60), now })).toBe('at-risk');
    expect(goalOutlook({ items: [short], targetDate: day(60), now }).projectedProgress).toBe(0.8);
  });

  test('a worsening trend projects lower progress; lower-is-better KPIs project through their line', () => {
    const falling = item({ points: series(10, (d) => 100 - 2 * d), target: 100 });
    expect(goalOutlook({ items: [falling], targetDate: day(30), now })).toMatchObject({
      pace: 'off-track',
      projectedProgress: 0.4,
    });
    const latency = item({ points: series(10, (d) => 500 - 20 * d), target: 100, direction: 'lower' });
    expect(goalPace({ items: [latency], targetDate: day(20), now })).toBe('on-track');
    expect(goalOutlook({ items: [latency], targetDate: day(15), now }).projectedProgress).toBeCloseTo(0.5, 12);
  });

  test('weights and missing data count in the projection', () => {
    expect(goalOutlook({ items: [rising, noData()], targetDate: day(50), now })).toMatchObject({
      pace: 'off-track',
      projectedProgress: 0.5,
    });
    expect(goalPace({ items: [{ ...rising, weight: 9 }, noData(1)], targetDate: day(50), now })).toBe('at-risk');
  });

  test('past the target date: judged on current progress with the same thresholds', () => {
    expect(goalOutlook({ items: [rising], targetDate: day(5), now })).toEqual({
      pace: 'off-track',
      progress: 0.28,
      projectedProgress: 0.28,
    });
    const at96 = item({ points: series(10, () => 96), target: 100 });
    const at80 = item({ points: series(10, (d) => 62 + 2 * d), target: 100 });
    expect(goalPace({ items: [at96], targetDate: day(9), now })).toBe('on-track');
    // Rising fast enough to make it, but the date has passed.
    expect(goalPace({ items: [at80], targetDate: day(8), now })).toBe('at-risk');
    expect(goalPace({ items: [at80], targetDate: day(30), now })).toBe('on-track');
  });

  test('no-data: no KPIs, or none with data', () => {
    expect(goalOutlook({ items: [], targetDate: day(30), now })).toEqual({
      pace: 'no-data',
      progress: null,
      projectedProgress: null,
    });
    expect(goalPace({ items: [noData(), noData(2)], targetDate: day(30), now })).toBe('no-data');
  });
});
