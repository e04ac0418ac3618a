import { type Direction, type KpiStatus, kpiStanding } from '../progress.ts';
import { type Anomaly, flagAnomalies } from './anomalies.ts';
import { type Forecast, forecastTarget } from './forecast.ts';
import { cleanPoints, type Point } from './point.ts';
import { type TrendLine, theilSen } from './robust-slope.ts';
import { analyzeTrend, hasEnoughData, isImproving, type Trend } from './trend.ts';

/** Only the latest this many points are analysed (the estimators are O(n²)). */
export const MAX_ANALYZED_POINTS = 2000;

/**
 * The facts about a KPI's series: JSON-serializable, stored by the server and
 * the only ground for summaries and AI narratives. Times are epoch ms; slopes
 * are value units per day.
 */
export interface KpiFacts {
  /** Points analysed (finite time and value; the latest 2000 at most). */
  count: number;
  first: Point | null;
  last: Point | null;
  latestValue: number | null;
  target: number;
  direction: Direction;
  trend: Trend;
  /** Theil–Sen slope (value units per day); null with insufficient data. */
  slopePerDay: number | null;
  /** The Theil–Sen line the trend and forecast use; null with insufficient data. */
  line: TrendLine | null;
  /** Mann–Kendall two-sided p-value; null with insufficient data. */
  pValue: number | null;
  /** 1 - p (3 decimals, rounded down, at most 0.999); 0 with insufficient data. */
  confidence: number;
  /** True when the trend moves towards "better", false when away; null when stable or insufficient. */
  improving: boolean | null;
  anomalies: Anomaly[];
  forecast: Forecast;
  /** kpiProgress of the latest value. */
  progress: number | null;
  /** Where the latest value stands (kpiStanding): the status the dashboard card shows for it. */
  status: KpiStatus;
}

export interface DescribeKpiInput {
  points: readonly Point[];
  target: number;
  direction: Direction;
  /** The current time (epoch ms): the forecast's reference point. */
  now: number;
  /** Horizon of forecast.projectedValue, in days (default 30). */
  horizonDays?: number;
}

/**
 * Assembles a KPI's facts. Anomalies are scored against the Theil–Sen line of
 * all the points; the trend (slope, Mann–Kendall test) and forecast are then
 * fitted on the non-anomalous points when at least 4 (at two or more times)
 * remain, otherwise on all points, so one glitch moves neither the line's
 * level nor the significance.
 */
export function describeKpi(input: DescribeKpiInput): KpiFacts {
  const { target, direction, now } = input;
  const points = cleanPoints(input.points).slice(-MAX_ANALYZED_POINTS);
  const first = points[0] ?? null;
  const last = points[points.length - 1] ?? null;
  const latestValue = last?.value ?? null;

  let anomalies: Anomaly[] = [];
  let fitted = points;
  if (hasEnoughData(points)) {
    const flagged = flagAnomalies(points, theilSen(points));
    anomalies = flagged.map((f) => f.anomaly);
    const excluded = new Set(flagged.map((f) => f.index));
    const rest = points.filter((_, i) => !excluded.has(i));
    if (hasEnoughData(rest)) fitted = rest;
  }
  const { trend, line, test, confidence } = analyzeTrend(fitted);
  const { progress, status } = kpiStanding(latestValue, target, direction);
  return {
    count: points.length,
    first,
    last,
    latestValue,
    target,
    direction,
    trend,
    slopePerDay: line?.slopePerDay ?? null,
    line,
    pValue: test?.pValue ?? null,
    confidence,
    improving: isImproving(trend, direction),
    anomalies,
    forecast: forecastTarget({
      trend,
      line,
      latestValue,
      target,
      direction,
      now,
      horizonDays: input.horizonDays,
      nonNegative: points.every((p) => p.value >= 0),
    }),
    progress,
    status,
  };
}
