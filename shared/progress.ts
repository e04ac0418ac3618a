/**
 * Progress of a KPI towards its target, shared by the sync layer (stored goal
 * progress), the server and the UI. Pure: no I/O.
 */

import type { Direction } from './kpi.ts';

/** Which way is good: 'higher' (higher is better) or 'lower' (lower is better); defined with the KPI fields. */
export type { Direction };

/** A KPI's health, derived from its progress. */
export type KpiStatus = 'on-track' | 'at-risk' | 'off-track' | 'no-data';

/** Progress at or above this is 'on-track'. */
export const ON_TRACK_PROGRESS = 0.9;
/** Progress at or above this (and below ON_TRACK_PROGRESS) is 'at-risk'; below it, 'off-track'. */
export const AT_RISK_PROGRESS = 0.7;

function hasValue(current: number | null | undefined): current is number {
  return current !== null && current !== undefined && Number.isFinite(current);
}

/**
 * Progress towards the target, in 0..1 (capped at both ends); null when there
 * is no (finite) current value or the target is not one the KPI may have.
 *
 * - Higher is better: current / target (so half the target is 0.5; at or above
 *   the target is 1; zero or negative values are 0). The target is positive.
 * - Lower is better: reaching or beating the target (current <= target) is 1,
 *   and so is any current <= 0; above the target it is target / current (so
 *   double the target is 0.5, ten times the target 0.1). A target of 0 ("no
 *   incidents") has no scale to be half-way on: anything above it is 0, and
 *   targetGap says by how much it misses.
 */
export function kpiProgress(current: number | null | undefined, target: number, direction: Direction = 'higher'): number | null {
  if (!hasValue(current)) return null;
  if (!Number.isFinite(target) || target < 0) return null;
  if (direction === 'lower') {
    if (current <= target) return 1;
    return target === 0 ? 0 : Math.min(1, Math.max(0, target / current));
  }
  if (target === 0) return null;
  return Math.min(1, Math.max(0, current / target));
}

/**
 * How far the current value misses the target, in the KPI's unit: above it
 * when lower is better, below it when higher is better; 0 when it meets the
 * target, null without a value.
 */
export function targetGap(current: number | null | undefined, target: number, direction: Direction = 'higher'): number | null {
  if (!hasValue(current)) return null;
  return Math.max(0, direction === 'lower' ? current - target : target - current);
}

/**
 * Whether the current value meets the target: at or above it when higher is
 * better, at or below it when lower is better. False when there is no value.
 */
export function isOnTarget(current: number | null | undefined, target: number, direction: Direction = 'higher'): boolean {
  if (!hasValue(current)) return false;
  return direction === 'lower' ? current <= target : current >= target;
}

/**
 * The status for a progress value: >= 0.9 'on-track', >= 0.7 'at-risk',
 * otherwise 'off-track'; null (no current value) is 'no-data'.
 */
export function kpiStatus(progress: number | null | undefined): KpiStatus {
  if (!hasValue(progress)) return 'no-data';
  if (progress >= ON_TRACK_PROGRESS) return 'on-track';
  if (progress >= AT_RISK_PROGRESS) return 'at-risk';
  return 'off-track';
}

/** Where a KPI stands now: its progress, status, whether it meets its target, and by how much it misses. */
export interface KpiStanding {
  progress: number | null;
  status: KpiStatus;
  onTarget: boolean;
  gap: number | null;
}

/**
 * The one rule for where a KPI stands, used by every place that says so: the
 * dashboard card and KPI page (web/features/kpis/kpi-status.ts) and the
 * insight's facts and summary (shared/insights/), so an insight never calls
 * "off course" what the card calls "On track".
 */
export function kpiStanding(current: number | null | undefined, target: number, direction: Direction = 'higher'): KpiStanding {
  const progress = kpiProgress(current, target, direction);
  return {
    progress,
    status: kpiStatus(progress),
    onTarget: isOnTarget(current, target, direction),
    gap: targetGap(current, target, direction),
  };
}
