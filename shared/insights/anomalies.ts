import type { Point } from './point.ts';
import { lineValueAt, type TrendLine } from './robust-slope.ts';
import { MAD_TO_SD, MEAN_AD_TO_SD, median } from './stats.ts';

/** A point whose value is far from the rest. */
export interface Anomaly {
  at: number;
  value: number;
  /** Robust z-score (see findAnomalies), rounded to 2 decimals. */
  score: number;
  /** Whether the value is above or below what the rest of the series suggests. */
  direction: 'above' | 'below';
}

/** Robust z-scores above this are anomalies (Iglewicz & Hoaglin's modified z-score rule). */
export const ANOMALY_THRESHOLD = 3.5;
/** With fewer points than this, none is called unusual. */
export const MIN_ANOMALY_POINTS = 4;
/**
 * With a trend line, the residual scale is at least this fraction of the raw
 * values' own robust spread: points that sit almost exactly on a line have a
 * tiny residual spread, and without a floor any small wobble would score as
 * unusual (a 905 between 910 and 980 is not news on a series spanning 860-1040).
 */
const RESIDUAL_SCALE_FLOOR = 0.25;
/** Deviations smaller than this fraction of the largest |value| are treated as 0 (floating-point noise). */
const RELATIVE_EPSILON = 1e-9;

/**
 * Points whose robust z-score |x - median(x)| / (1.4826 * MAD) exceeds 3.5, in
 * time order, where MAD is the median absolute deviation of x from its median.
 *
 * x is the value itself, or, when a trend line is given (describeKpi passes the
 * Theil–Sen line of all points, which outliers barely move), the residual
 * value - line(at). Scoring residuals keeps a steady trend from hiding a spike
 * or a drop to zero in the middle of a rising series, and keeps the latest
 * points of a strong trend from being flagged just for being the highest.
 *
 * MAD = 0 (more than half the x equal their median, e.g. a constant or exactly
 * linear series): the scale falls back to sqrt(pi/2) * the mean absolute
 * deviation from the median. A lone point off an otherwise constant (or exactly
 * linear) series is then flagged once there are 5 or more points, while a
 * spread-out minority is not. When all x are equal, nothing is flagged.
 * With a line, the scale is floored at RESIDUAL_SCALE_FLOOR of the raw values'
 * robust spread. Deviations below 1e-9 of the largest |value| count as 0.
 * Fewer than 4 points: nothing is flagged.
 */
export function findAnomalies(points: readonly Point[], line?: TrendLine | null): Anomaly[] {
  return flagAnomalies(points, line).map((f) => f.anomaly);
}

/** As findAnomalies, with each anomaly's index in `points`. */
export function flagAnomalies(points: readonly Point[], line?: TrendLine | null): { index: number; anomaly: Anomaly }[] {
  if (points.length < MIN_ANOMALY_POINTS) return [];
  const xs = points.map((p) => (line ? p.value - lineValueAt(line, p.at) : p.value));
  const center = median(xs);
  let largest = 1;
  for (const p of points) largest = Math.max(largest, Math.abs(p.value));
  const epsilon = RELATIVE_EPSILON * largest;
  const deviations = xs.map((x) => (Math.abs(x - center) < epsilon ? 0 : x - center));
  const absolute = deviations.map(Math.abs);
  const mad = median(absolute);
  let scale = mad > 0 ? MAD_TO_SD * mad : (MEAN_AD_TO_SD * absolute.reduce((a, b) => a + b, 0)) / absolute.length;
  if (line) {
    const values = points.map((p) => p.value);
    const mid = median(values);
    scale = Math.max(scale, RESIDUAL_SCALE_FLOOR * MAD_TO_SD * median(values.map((v) => Math.abs(v - mid))));
  }
  if (!(scale > 0)) return [];

  const found: { index: number; anomaly: Anomaly }[] = [];
  points.forEach((p, index) => {
    const deviation = deviations[index]!;
    const score = Math.abs(deviation) / scale;
    if (score > ANOMALY_THRESHOLD) {
      const direction = deviation > 0 ? 'above' : 'below';
      found.push({ index, anomaly: { at: p.at, value: p.value, score: Math.round(score * 100) / 100, direction } });
    }
  });
  return found;
}
