import { type Change, changeOver } from '../../../../shared/dashboards/series.ts';
import type { Period } from '../../../../shared/dashboards/time-range.ts';
import { type KpiStatus, progressOf, statusOf } from '../../kpis/kpi-status.ts';
import type { WidgetKpi } from './widget-props.ts';

/** What a KPI reads at the end of the dashboard's period, as number, gauge and table widgets show it. */
export interface KpiReading {
  /** The latest value up to the period's end; null when there is none. */
  value: number | null;
  /** When that value was recorded. */
  at: number | null;
  change: Change;
  /** Direction-aware progress to the target, 0..1 (kpi-status rules). */
  progress: number | null;
  status: KpiStatus;
}

/**
 * The latest point before the period's end, and the change against the
 * previous period. Widgets only get points back to the previous period, so a
 * KPI measured less often than that has none; on a range that ends today its
 * synced current value is still its latest, and is shown rather than "no
 * data" (the "updated" line says how old it is). A custom range in the past
 * never falls back: today's value would misreport it.
 */
export function readKpi(kpi: WidgetKpi, period: Period, now: number): KpiReading {
  const change = changeOver(kpi.dataPoints, period, kpi.direction);
  let value: number | null = null;
  let at: number | null = null;
  for (const p of kpi.dataPoints) {
    if (p.recordedAt < period.end && (at === null || p.recordedAt > at)) {
      value = p.value;
      at = p.recordedAt;
    }
  }
  const current = kpi.currentValue ?? null;
  if (value === null && current !== null && period.end > now) {
    value = current;
    at = kpi.currentAt ?? null;
  }
  const numbers = { currentValue: value, target: kpi.target, direction: kpi.direction };
  return { value, at, change, progress: progressOf(numbers), status: statusOf(numbers) };
}
