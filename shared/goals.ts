/**
 * Goal arithmetic: KPI weights, goal progress and pace. Pure, no I/O.
 */
import { type KpiFacts, lineValueAt } from './insights/index.ts';
import { type Direction, kpiProgress } from './progress.ts';

/** A goal's pace, kept current by the server (a synced column, and the REST API's enumeration). */
export const GOAL_PACES = ['on-track', 'at-risk', 'off-track', 'completed', 'no-data'] as const;
export type GoalPace = (typeof GOAL_PACES)[number];

/** Projected progress at or above this (at the target date) is 'on-track'. */
export const PACE_ON_TRACK = 0.95;
/** Projected progress at or above this (and below PACE_ON_TRACK) is 'at-risk'; below it, 'off-track'. */
export const PACE_AT_RISK = 0.75;
/** Tolerance for "progress is 1". */
const COMPLETE_EPSILON = 1e-9;

function usableWeight(weight: number): number {
  return Number.isFinite(weight) && weight > 0 ? weight : 0;
}

/**
 * The weights scaled to sum to 1, in the items' order. Negative or non-finite
 * weights count as 0; when every weight is 0 the KPIs weigh equally; no items
 * give [].
 */
export function normalizeWeights(items: readonly { weight: number }[]): number[] {
  if (items.length === 0) return [];
  const weights = items.map((i) => usableWeight(i.weight));
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return items.map(() => 1 / items.length);
  return weights.map((w) => w / total);
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/**
 * A goal's progress: the weighted mean (normalized weights) of its KPIs'
 * progress, in 0..1. A KPI without data (progress null) counts as 0 progress,
 * so a goal is only complete when every weighted KPI is. Null when the goal
 * has no KPIs.
 */
export function goalProgress(items: readonly { progress: number | null | undefined; weight: number }[]): number | null {
  if (items.length === 0) return null;
  const weights = normalizeWeights(items);
  let sum = 0;
  items.forEach((item, i) => {
    const p = item.progress;
    sum += weights[i]! * (p === null || p === undefined || !Number.isFinite(p) ? 0 : clamp01(p));
  });
  return clamp01(sum);
}

export interface GoalPaceItem {
  /** The KPI's current progress (kpiProgress of its current value); null without data. */
  progress: number | null;
  weight: number;
  /** The KPI's facts (describeKpi); null when not computed. */
  facts: KpiFacts | null;
  target: number;
  direction: Direction;
  current: number | null;
}

export interface GoalPaceInput {
  items: readonly GoalPaceItem[];
  /** Epoch ms of the goal's target date. */
  targetDate: number;
  now: number;
}

export interface GoalOutlook {
  pace: GoalPace;
  /** goalProgress now (null without KPIs). */
  progress: number | null;
  /** Projected goal progress at the target date (the current progress once it has passed); null with no data. */
  projectedProgress: number | null;
}

/**
 * A KPI's projected progress at time `at`: its Theil–Sen line's value there
 * when the trend is up or down; its current progress when the trend is stable,
 * too short to judge, or unknown. An improving trend never projects below the
 * current progress, a worsening one never above it. Without data: 0.
 */
export function projectedKpiProgress(item: GoalPaceItem, at: number): number {
  const now = item.progress === null || !Number.isFinite(item.progress) ? 0 : clamp01(item.progress);
  const facts = item.facts;
  if (item.progress === null || !facts?.line || (facts.trend !== 'up' && facts.trend !== 'down')) return now;
  const projected = kpiProgress(lineValueAt(facts.line, at), item.target, item.direction) ?? now;
  return facts.improving ? Math.max(now, projected) : Math.min(now, projected);
}

function paceOf(progress: number): GoalPace {
  if (progress >= PACE_ON_TRACK) return 'on-track';
  if (progress >= PACE_AT_RISK) return 'at-risk';
  return 'off-track';
}

/**
 * A goal's pace and projection:
 * - 'no-data' when it has no KPIs or none of them has data;
 * - 'completed' when its progress is already 1 (every KPI at target);
 * - before the target date: each KPI's value is projected to the target date
 *   (projectedKpiProgress), the projected goal progress is their weighted mean
 *   (KPIs without data count 0), and it is 'on-track' at >= 0.95, 'at-risk' at
 *   >= 0.75, otherwise 'off-track';
 * - on or after the target date: the same thresholds on the current progress.
 */
export function goalOutlook(input: GoalPaceInput): GoalOutlook {
  const { items, targetDate, now } = input;
  const progress = goalProgress(items);
  if (progress === null || items.every((i) => i.progress === null || !Number.isFinite(i.progress))) {
    return { pace: 'no-data', progress, projectedProgress: null };
  }
  if (progress >= 1 - COMPLETE_EPSILON) return { pace: 'completed', progress, projectedProgress: progress };
  if (now >= targetDate) return { pace: paceOf(progress), progress, projectedProgress: progress };
  const weights = normalizeWeights(items);
  let projected = 0;
  items.forEach((item, i) => {
    projected += weights[i]! * projectedKpiProgress(item, targetDate);
  });
  projected = clamp01(projected);
  return { pace: paceOf(projected), progress, projectedProgress: projected };
}

/** The goal's pace (see goalOutlook for the rule). */
export function goalPace(input: GoalPaceInput): GoalPace {
  return goalOutlook(input).pace;
}
