import { type KpiStatus, kpiProgress, kpiStatus } from '../../../shared/progress.ts';
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

/** Direction-aware progress (lower-is-better KPIs included), 0..1, or null without data. */
export function progressOf(kpi: KpiNumbers): number | null {
  return kpiProgress(kpi.currentValue, kpi.target, kpi.direction);
}

export function statusOf(kpi: KpiNumbers): KpiStatus {
  return kpiStatus(progressOf(kpi));
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
