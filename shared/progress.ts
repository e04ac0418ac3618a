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
 * is no (finite) current value or the target is not a positive number.
 *
 * - Higher is better: current / target (so half the target is 0.5; at or above
 *   the target is 1; zero or negative values are 0).
 * - Lower is better: reaching or beating the target (current <= target) is 1,
 *   and so is any current <= 0; above the target it is target / current (so
 *   double the target is 0.5, ten times the target 0.1).
 */
export function kpiProgress(current: number | null | undefined, target: number, direction: Direction = 'higher'): number | null {
  if (!hasValue(current)) return null;
  if (!(target > 0) || !Number.isFinite(target)) return null;
  if (direction === 'lower') {
    if (current <= target) return 1;
    return Math.min(1, Math.max(0, target / current));
  }
  return Math.min(1, Math.max(0, current / target));
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
