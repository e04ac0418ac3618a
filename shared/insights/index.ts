/** KPI insights: robust trend, significance, anomalies, forecast, facts and summary. Pure, no I/O. */
export { ANOMALY_THRESHOLD, type Anomaly, findAnomalies, MIN_ANOMALY_POINTS } from './anomalies.ts';
export { type DescribeKpiInput, describeKpi, type KpiFacts, MAX_ANALYZED_POINTS } from './describe-kpi.ts';
export {
  DEFAULT_HORIZON_DAYS,
  type Forecast,
  type ForecastInput,
  type ForecastStatus,
  forecastTarget,
  MAX_FORECAST_DAYS,
} from './forecast.ts';
export { formatDay, formatNumber, formatPercent, formatQuantity, formatRate } from './format.ts';
export { erf, erfc, normalCdf, twoSidedP } from './normal.ts';
export { cleanPoints, DAY_MS, type Point } from './point.ts';
export { lineTimeAt, lineValueAt, type TrendLine, theilSen } from './robust-slope.ts';
export { median, robustSpread } from './stats.ts';
export { plainSummary, type SummaryLabels } from './summary.ts';
export {
  analyzeTrend,
  confidenceFromP,
  hasEnoughData,
  isImproving,
  MAX_CONFIDENCE,
  MIN_TREND_POINTS,
  NEGLIGIBLE_CHANGE,
  SIGNIFICANCE_LEVEL,
  type Trend,
  type TrendAnalysis,
} from './trend.ts';
export { type MannKendall, mannKendall } from './trend-test.ts';
