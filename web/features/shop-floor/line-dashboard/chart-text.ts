import type { DashboardKpi, KpiGroup } from '../../../../shared/shop-floor/line-dashboard.ts';
import { shownResult } from './kpi-text.ts';

/** One value of a series as the summary reads it. */
export interface Labelled {
  label: string;
  value: number | null;
}

/** A group's value of one KPI, with or without estimates. */
export const groupValue = (g: KpiGroup, name: DashboardKpi, withEstimates: boolean): number | null =>
  shownResult(g.kpis[name], withEstimates).value;

/**
 * A series in one sentence: where it starts and ends, its highest and lowest,
 * and how many groups have no value, e.g. "OEE by day: from 61.2% (24 Mar)
 * to 74.8% (30 Mar); highest 78.1% (27 Mar), lowest 55% (25 Mar); 2 of 7
 * without a value."
 */
export function seriesSentence(title: string, points: readonly Labelled[], format: (n: number) => string): string {
  const known = points.filter((p): p is Labelled & { value: number } => p.value !== null);
  if (known.length === 0) return `${title}: no values in this range.`;
  const at = (p: Labelled & { value: number }) => `${format(p.value)} (${p.label})`;
  const first = known[0] as Labelled & { value: number };
  const last = known[known.length - 1] as Labelled & { value: number };
  const high = known.reduce((a, b) => (b.value > a.value ? b : a));
  const low = known.reduce((a, b) => (b.value < a.value ? b : a));
  const parts = [known.length === 1 ? `${title}: ${at(first)}` : `${title}: from ${at(first)} to ${at(last)}`];
  if (known.length > 2) parts.push(`highest ${at(high)}, lowest ${at(low)}`);
  const missing = points.length - known.length;
  if (missing > 0) parts.push(`${missing} of ${points.length} without a value`);
  return `${parts.join('; ')}.`;
}

/** Day labels ("24 Mar") in the organization's locale; shift dates are UTC midnights. */
export function dayLabeller(locale: string): (isoOrMs: string | number) => string {
  const format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return (d) => format.format(typeof d === 'number' ? d : Date.parse(`${d}T00:00:00Z`));
}
