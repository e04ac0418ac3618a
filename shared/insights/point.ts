/** A KPI observation: when (epoch ms) and what value. */
export interface Point {
  at: number;
  value: number;
}

/** One day in milliseconds: slopes are expressed in value units per day. */
export const DAY_MS = 86_400_000;

/** The points with a finite time and value, ordered by time (stable for equal times). */
export function cleanPoints(points: readonly Point[]): Point[] {
  return points
    .filter((p) => Number.isFinite(p.at) && Number.isFinite(p.value))
    .map((p) => ({ at: p.at, value: p.value }))
    .sort((a, b) => a.at - b.at);
}

/** How many distinct times the points have. */
export function distinctTimes(points: readonly Point[]): number {
  return new Set(points.map((p) => p.at)).size;
}
