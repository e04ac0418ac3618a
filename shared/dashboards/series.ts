import type { Period } from './time-range.ts';
import type { BarAggregate, BarBucket } from './widget-types.ts';

/** A data point as widgets read it. */
export interface TimedValue {
  value: number;
  recordedAt: number;
}

/** Points inside the period, oldest first. */
export function pointsIn(points: readonly TimedValue[], p: Period): TimedValue[] {
  return points.filter((pt) => pt.recordedAt >= p.start && pt.recordedAt < p.end).sort((a, b) => a.recordedAt - b.recordedAt);
}

/** The latest value recorded before `t`, or null. */
function latestBefore(points: readonly TimedValue[], t: number): number | null {
  let best: TimedValue | null = null;
  for (const pt of points) if (pt.recordedAt < t && (!best || pt.recordedAt > best.recordedAt)) best = pt;
  return best ? best.value : null;
}

export interface Change {
  /** The latest value in the period. */
  current: number | null;
  /** The latest value before the period began. */
  previous: number | null;
  delta: number | null;
  /** delta / |previous|, when previous is not 0. */
  ratio: number | null;
  /** Whether the move is good news for a KPI with this direction (null when flat or unknown). */
  better: boolean | null;
}

/** How a KPI moved over the period: its latest value in it against its latest one before it. */
export function changeOver(points: readonly TimedValue[], p: Period, direction: 'higher' | 'lower'): Change {
  const current = latestBefore(points, p.end);
  const previous = latestBefore(points, p.start);
  if (current === null || previous === null) return { current, previous, delta: null, ratio: null, better: null };
  const delta = current - previous;
  const ratio = previous === 0 ? null : delta / Math.abs(previous);
  const better = delta === 0 ? null : direction === 'higher' ? delta > 0 : delta < 0;
  return { current, previous, delta, ratio, better };
}

const DAY = 86_400_000;

/** The start of the bucket holding `t`: Monday 00:00 UTC of its week, or the first of its month. */
export function bucketStart(t: number, bucket: BarBucket): number {
  const d = new Date(t);
  if (bucket === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const day = Math.floor(t / DAY) * DAY;
  const weekday = (d.getUTCDay() + 6) % 7;
  return day - weekday * DAY;
}

function nextBucket(start: number, bucket: BarBucket): number {
  if (bucket === 'week') return start + 7 * DAY;
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

function aggregate(values: number[], how: BarAggregate): number | null {
  if (values.length === 0) return null;
  if (how === 'sum') return values.reduce((a, b) => a + b, 0);
  if (how === 'average') return values.reduce((a, b) => a + b, 0) / values.length;
  return values[values.length - 1]!;
}

export interface Bucket {
  start: number;
  value: number | null;
}

/** Every week or month of the period with its points aggregated (null where it has none), oldest first. */
export function bucketed(points: readonly TimedValue[], p: Period, bucket: BarBucket, how: BarAggregate): Bucket[] {
  const inside = pointsIn(points, p);
  const out: Bucket[] = [];
  for (let start = bucketStart(p.start, bucket); start < p.end && out.length < 400; start = nextBucket(start, bucket)) {
    const end = nextBucket(start, bucket);
    out.push({
      start,
      value: aggregate(
        inside.filter((pt) => pt.recordedAt >= start && pt.recordedAt < end).map((pt) => pt.value),
        how,
      ),
    });
  }
  return out;
}
