import { DAY_MS, type Point } from './point.ts';
import { median, medianInPlace } from './stats.ts';

/**
 * A straight line through a series: value(at) = intercept + slopePerDay * (at - origin) / DAY_MS.
 * `origin` is the time (epoch ms) of the series' first point, which keeps the
 * intercept a meaningful value (the fitted level at the first point).
 */
export interface TrendLine {
  origin: number;
  intercept: number;
  slopePerDay: number;
}

/** The line's value at a time (epoch ms). */
export function lineValueAt(line: TrendLine, at: number): number {
  return line.intercept + (line.slopePerDay * (at - line.origin)) / DAY_MS;
}

/**
 * The time (epoch ms) at which the line reaches `value`, or null when it never
 * does (a flat line).
 */
export function lineTimeAt(line: TrendLine, value: number): number | null {
  if (line.slopePerDay === 0) return null;
  return line.origin + ((value - line.intercept) / line.slopePerDay) * DAY_MS;
}

/**
 * Theil–Sen estimator: the slope is the median of the slopes between every pair
 * of points at different times (value units per day); the intercept is the
 * median of value - slope * t over all points. Robust to up to ~29% of
 * outlying points. O(n²) time and memory in the number of points.
 * Null when the points have fewer than two distinct times.
 */
export function theilSen(points: readonly Point[]): TrendLine | null {
  const n = points.length;
  if (n < 2) return null;
  let origin = Number.POSITIVE_INFINITY;
  for (const p of points) origin = Math.min(origin, p.at);
  const days = points.map((p) => (p.at - origin) / DAY_MS);

  const slopes = new Float64Array((n * (n - 1)) / 2);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const ti = days[i]!;
    const vi = points[i]!.value;
    for (let j = i + 1; j < n; j++) {
      const dt = days[j]! - ti;
      if (dt === 0) continue;
      slopes[count++] = (points[j]!.value - vi) / dt;
    }
  }
  if (count === 0) return null;
  const slopePerDay = medianInPlace(slopes.subarray(0, count));
  const intercept = median(points.map((p, i) => p.value - slopePerDay * days[i]!));
  return { origin, intercept, slopePerDay };
}
