import type { Formats } from '../../../shared/formats.ts';
import { type KpiStatus, kpiStanding, kpiStatus } from '../../../shared/progress.ts';
import type { Kpi } from '../../../sync/schema.ts';

export type { KpiStatus };

export const STATUS_LABELS: Record<KpiStatus, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  'no-data': 'No data',
};

/** Worst first: what needs attention sorts to the top. */
export const STATUS_RANK: Record<KpiStatus, number> = { 'off-track': 0, 'at-risk': 1, 'on-track': 2, 'no-data': 3 };

type KpiNumbers = Pick<Kpi, 'currentValue' | 'target' | 'direction'>;

/** Where the KPI stands now: the shared rule the insight text uses too (shared/progress.ts). */
export function standingOf(kpi: KpiNumbers) {
  return kpiStanding(kpi.currentValue, kpi.target, kpi.direction);
}

/** Direction-aware progress (lower-is-better KPIs included), 0..1, or null without data. */
export function progressOf(kpi: KpiNumbers): number | null {
  return standingOf(kpi).progress;
}

export function statusOf(kpi: KpiNumbers): KpiStatus {
  return standingOf(kpi).status;
}

/**
 * How a KPI's progress bar reads: "64% of target". A target of 0 (lower is
 * better) has no scale to be part-way along, so the bar says by how much the
 * value misses it: "3 incidents above target".
 */
export function progressText(kpi: KpiNumbers & Pick<Kpi, 'unit'>, fmt: Formats): (percent: string) => string {
  const { gap } = standingOf(kpi);
  if (kpi.target !== 0 || gap === null) return (percent) => `${percent} of target`;
  return () => (gap === 0 ? 'At target' : `${fmt.quantity(gap, kpi.unit)} above target`);
}

export const DIRECTION_LABELS = { higher: 'Higher is better', lower: 'Lower is better' } as const;

export const STATUS_TONES: Record<KpiStatus, 'good' | 'warn' | 'bad' | 'neutral'> = {
  'on-track': 'good',
  'at-risk': 'warn',
  'off-track': 'bad',
  'no-data': 'neutral',
};

/** Status for a progress already computed (a goal's stored progress). */
export function statusOfProgress(progress: number | null | undefined): KpiStatus {
  return kpiStatus(progress);
}
