import type { Period } from '../../../../shared/dashboards/time-range.ts';
import { BAR_AGGREGATES, BAR_BUCKETS, type BarAggregate, type BarBucket } from '../../../../shared/dashboards/widget-types.ts';
import type { DashboardWidget, Kpi } from '../../../../sync/schema.ts';
import { formatDate, formatNumber, withUnit } from './formats.ts';

const DAY = 86_400_000;

/**
 * A rolling range ends at midnight after today (time-range.ts), so a period
 * ending within the next day is "the last N days"; anything else is a
 * custom range and is named by its dates.
 */
function isRolling(p: Period, now: number): boolean {
  return p.end > now && p.end - now <= DAY;
}

function lengthWords(p: Period): string {
  const days = Math.round((p.end - p.start) / DAY);
  // 12 months back from a date is 365 or 366 days.
  if (days === 365 || days === 366) return '12 months';
  return days === 1 ? 'day' : `${days} days`;
}

/** Dates of a period; its end is exclusive, so the last day shown is the one before it. */
function dates(p: Period): string {
  return `${formatDate(p.start)} – ${formatDate(p.end - 1)}`;
}

/** "the last 30 days", or "3 Jan 2026 – 28 Mar 2026" for custom dates: what empty states and summaries say. */
export function periodPhrase(p: Period, now: number): string {
  return isRolling(p, now) ? `the last ${lengthWords(p)}` : dates(p);
}

/** "previous 30 days" (what a change is measured against), or the previous period's dates. */
export function previousPhrase(previous: Period, p: Period, now: number): string {
  return isRolling(p, now) ? `previous ${lengthWords(p)}` : dates(previous);
}

/** "No values in the last 30 days" (the period's own phrase is lower case, or dates). */
export function noValuesIn(p: Period, now: number): string {
  return `No values in ${periodPhrase(p, now)}`;
}

/** "MRR", "MRR and Churn", "MRR, Churn and 2 more": a widget's name from its KPIs. */
export function kpiNames(kpis: readonly Pick<Kpi, 'name'>[], fallback: string): string {
  if (kpis.length === 0) return fallback;
  if (kpis.length <= 2) return kpis.map((k) => k.name).join(' and ');
  return `${kpis[0]!.name}, ${kpis[1]!.name} and ${kpis.length - 2} more`;
}

/** Plain numbers when the KPIs on one axis have different units, with the unit when they share it. */
export function axisFormat(kpis: readonly Pick<Kpi, 'unit'>[]): (n: number) => string {
  const unit = kpis[0]?.unit ?? '';
  return kpis.every((k) => k.unit === unit) ? (n) => withUnit(n, unit) : formatNumber;
}

const percentFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** "4.2 %" for a ratio of 0.042 (sign left to the caller, which says up or down). */
export function formatRatio(ratio: number): string {
  return `${percentFormat.format(Math.abs(ratio) * 100)} %`;
}

/** Dark enough on white and light enough on a dark surface; the KPI's order picks its colour. */
const SERIES_COLORS = ['#0f766e', '#2563eb', '#c2410c', '#7c3aed', '#be185d', '#4d7c0f'] as const;
/** Dash lengths by series, so lines differ by more than colour (0 is solid). */
const SERIES_DASHES = [0, 6, 2, 10, 4, 8] as const;

export const seriesColor = (i: number) => SERIES_COLORS[i % SERIES_COLORS.length]!;
export const seriesDash = (i: number) => SERIES_DASHES[i % SERIES_DASHES.length]!;

function option(widget: DashboardWidget, key: string): unknown {
  const options = widget.options as Readonly<Record<string, unknown>> | null | undefined;
  return options?.[key];
}

const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && list.includes(v as T);

/** The line chart's target line: only when asked for (and the widget draws one KPI). */
export function showTargetOption(widget: DashboardWidget): boolean {
  return option(widget, 'showTarget') === true;
}

/**
 * A bar chart's buckets and how each sums up. Unset, a range of up to about
 * a quarter has weekly bars and a longer one monthly (a year of weeks is a
 * comb), and a bucket shows its last value: right for levels (MRR, users)
 * and never a made-up total, whereas sum suits only counts.
 */
export function barOptions(widget: DashboardWidget, p: Period): { bucket: BarBucket; aggregate: BarAggregate } {
  const bucket = option(widget, 'bucket');
  const aggregate = option(widget, 'aggregate');
  return {
    bucket: isOneOf(BAR_BUCKETS, bucket) ? bucket : p.end - p.start > 100 * DAY ? 'month' : 'week',
    aggregate: isOneOf(BAR_AGGREGATES, aggregate) ? aggregate : 'last',
  };
}

const AGGREGATE_WORDS: Record<BarAggregate, string> = { sum: 'Total', average: 'Average', last: 'Last value' };

/** "Last value per week": what a bar stands for. */
export function barMeaning(o: { bucket: BarBucket; aggregate: BarAggregate }): string {
  return `${AGGREGATE_WORDS[o.aggregate]} per ${o.bucket}`;
}

const weekLabel = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const monthShort = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' });
const monthLabel = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/**
 * A bucket's x label, short enough for a small widget ("3 Mar", "Mar"; the
 * year only where the period spans two). Buckets start at UTC midnight
 * (series.ts), so they are named in UTC.
 */
export function bucketLabel(start: number, bucket: BarBucket, p: Period): string {
  if (bucket === 'week') return weekLabel.format(start);
  const sameYear = new Date(p.start).getUTCFullYear() === new Date(p.end - 1).getUTCFullYear();
  return sameYear ? monthShort.format(start) : monthLabel.format(start);
}

/** The long form for summaries and tables ("week of 3 Mar", "Mar 2026"). */
export function bucketName(start: number, bucket: BarBucket): string {
  return bucket === 'month' ? monthLabel.format(start) : `week of ${weekLabel.format(start)}`;
}

/** "Target 50,000 $", with "lower is better" when that is the case (otherwise the norm). */
export function targetText(kpi: Pick<Kpi, 'target' | 'unit' | 'direction'>): string {
  return `Target ${withUnit(kpi.target, kpi.unit)}${kpi.direction === 'lower' ? ' · lower is better' : ''}`;
}
