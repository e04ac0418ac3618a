import { type Direction, isOnTarget } from '../progress.ts';
import { DAY_MS } from './point.ts';
import { lineTimeAt, lineValueAt, type TrendLine } from './robust-slope.ts';
import { isImproving, type Trend } from './trend.ts';

/**
 * - 'reached': the latest value already meets the target;
 * - 'on-course': an improving trend crosses the target within 10 years (reachAt);
 * - 'not-on-course': a stable trend, a trend moving away from the target, or an
 *   improving one too slow to reach it within 10 years;
 * - 'insufficient-data': too little data to judge a trend.
 */
export type ForecastStatus = 'reached' | 'on-course' | 'not-on-course' | 'insufficient-data';

export interface Forecast {
  status: ForecastStatus;
  /** When the trend line reaches the target (epoch ms), only when 'on-course'. */
  reachAt: number | null;
  /** The horizon (epoch ms) projectedValue is for: now + horizonDays. Null with insufficient data. */
  horizonAt: number | null;
  /**
   * The expected value at horizonAt: the Theil–Sen line's value for an up or
   * down trend (not below 0 for a series that has never been negative), the
   * latest value for a stable one. Null with insufficient data.
   */
  projectedValue: number | null;
}

/** Default horizon for projectedValue, in days. */
export const DEFAULT_HORIZON_DAYS = 30;
/** Crossings further ahead than this are not forecast ('not-on-course'). */
export const MAX_FORECAST_DAYS = 3650;

export interface ForecastInput {
  trend: Trend;
  line: TrendLine | null;
  latestValue: number | null;
  target: number;
  direction: Direction;
  now: number;
  horizonDays?: number;
  /** Keep projectedValue from crossing below 0 (describeKpi sets it when no observed value is negative). */
  nonNegative?: boolean;
}

/**
 * Forecast from the Theil–Sen line (see ForecastStatus). If the line crosses
 * the target before `now` while the latest value has not met it yet (the
 * latest points sit below the line), reachAt is `now`.
 */
export function forecastTarget(input: ForecastInput): Forecast {
  const { trend, line, latestValue, target, direction, now } = input;
  if (trend === 'insufficient-data' || !line || latestValue === null) {
    return { status: 'insufficient-data', reachAt: null, horizonAt: null, projectedValue: null };
  }
  const horizonAt = now + (input.horizonDays ?? DEFAULT_HORIZON_DAYS) * DAY_MS;
  const projected = trend === 'stable' ? latestValue : lineValueAt(line, horizonAt);
  const projectedValue = input.nonNegative ? Math.max(0, projected) : projected;
  const base = { horizonAt, projectedValue };

  if (isOnTarget(latestValue, target, direction)) return { status: 'reached', reachAt: null, ...base };
  if (isImproving(trend, direction) !== true) return { status: 'not-on-course', reachAt: null, ...base };
  const crossing = lineTimeAt(line, target);
  if (crossing === null || !Number.isFinite(crossing)) return { status: 'not-on-course', reachAt: null, ...base };
  const reachAt = Math.max(now, crossing);
  if (reachAt - now > MAX_FORECAST_DAYS * DAY_MS) return { status: 'not-on-course', reachAt: null, ...base };
  return { status: 'on-course', reachAt, ...base };
}
