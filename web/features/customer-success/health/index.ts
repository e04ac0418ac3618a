/** Live health's components, mounted by the accounts pages. */
export { HealthBreakdown, type ScoredHealth } from './health-breakdown.tsx';
export { HealthScore } from './health-score.tsx';
export { HealthTrendChart } from './health-trend-chart.tsx';
export { RescorePanel } from './rescore-panel.tsx';
