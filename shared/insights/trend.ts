import type { Direction } from '../progress.ts';
import { DAY_MS, distinctTimes, type Point } from './point.ts';
import { type TrendLine, theilSen } from './robust-slope.ts';
import { robustSpread } from './stats.ts';
import { type MannKendall, mannKendall } from './trend-test.ts';

export type Trend = 'up' | 'down' | 'stable' | 'insufficient-data';

/** Fewer points than this (or all at one time) are too few to judge a trend. */
export const MIN_TREND_POINTS = 4;
/** A trend needs a Mann–Kendall two-sided p-value below this. */
export const SIGNIFICANCE_LEVEL = 0.05;
/**
 * A trend also needs the fitted change over the observed time span to be at
 * least this fraction of the values' robust spread (1.4826 * MAD).
 */
export const NEGLIGIBLE_CHANGE = 0.1;
/** Confidence is capped here: a test never proves a trend for certain. */
export const MAX_CONFIDENCE = 0.999;

export interface TrendAnalysis {
  trend: Trend;
  line: TrendLine | null;
  test: MannKendall | null;
  /** 1 - p, rounded down to 3 decimals and capped at 0.999; 0 when insufficient. */
  confidence: number;
}

/** Whether the points (time-ordered, finite) are enough to judge a trend: at least 4, at two or more times. */
export function hasEnoughData(points: readonly Point[]): boolean {
  return points.length >= MIN_TREND_POINTS && distinctTimes(points) >= 2;
}

/** 1 - p, rounded down to 3 decimals (so 0.9999 shows as 99.9%, never 100%) and capped at 0.999. */
export function confidenceFromP(pValue: number): number {
  if (!Number.isFinite(pValue)) return 0;
  return Math.min(MAX_CONFIDENCE, Math.max(0, Math.floor((1 - pValue) * 1000 + 1e-9) / 1000));
}

/**
 * Trend of the points (finite, ordered by time):
 * - 'insufficient-data' with fewer than 4 points or all at one time;
 * - 'up' / 'down' when the Mann–Kendall p-value is below 0.05, the Theil–Sen
 *   slope has the same sign as S, and the fitted change over the observed span
 *   (|slope| * span in days) is at least 10% of the values' robust spread;
 * - 'stable' otherwise (including a Theil–Sen slope of exactly 0).
 */
export function analyzeTrend(points: readonly Point[]): TrendAnalysis {
  if (!hasEnoughData(points)) return { trend: 'insufficient-data', line: null, test: null, confidence: 0 };
  const line = theilSen(points);
  const test = mannKendall(points);
  const confidence = confidenceFromP(test.pValue);
  if (!line) return { trend: 'insufficient-data', line: null, test: null, confidence: 0 };

  const times = points.map((p) => p.at);
  const spanDays = (Math.max(...times) - Math.min(...times)) / DAY_MS;
  const change = Math.abs(line.slopePerDay) * spanDays;
  const significant = test.pValue < SIGNIFICANCE_LEVEL && Math.sign(line.slopePerDay) === Math.sign(test.s);
  const negligible = line.slopePerDay === 0 || change < NEGLIGIBLE_CHANGE * robustSpread(points.map((p) => p.value));
  const trend: Trend = significant && !negligible ? (line.slopePerDay > 0 ? 'up' : 'down') : 'stable';
  return { trend, line, test, confidence };
}

/**
 * Whether the trend is good news: up when higher is better, down when lower is
 * better. Null for a stable trend or too little data.
 */
export function isImproving(trend: Trend, direction: Direction): boolean | null {
  if (trend !== 'up' && trend !== 'down') return null;
  return (trend === 'up') === (direction === 'higher');
}
