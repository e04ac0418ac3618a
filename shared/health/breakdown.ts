import { type Health, round2, scoreHealth } from './health.ts';
import { BAND_SCORES, type HealthStatus, type ReferenceRange } from './ranges.ts';

type Bounds = { min: number; max: number };

/** The range a KPI was scored against, as stored with the score ("why this number"). */
export type UsedRange = {
  unit: string;
  higherIsBetter: boolean;
  critical: Bounds;
  risk: Bounds;
  healthy: Bounds;
};

/** One KPI of a stored health: what went in (value, weight, range) and what came out (band, score). */
export type KpiBreakdown = {
  kpiId: string;
  name: string;
  category: string;
  weight: number;
  value: number | null;
  /** When the value was recorded (epoch ms), or null without one. */
  valueAt: number | null;
  status: HealthStatus | null;
  score: number | null;
  range: UsedRange | null;
};

/** A category of a stored health: its score, the weight it counted with, its scored KPIs. */
export type CategoryBreakdown = { name: string; score: number | null; weight: number; validKpis: number };

/** A stored health (account_health, health_trend): scores rounded to 2 decimals. */
export type StoredHealth = {
  overall: number | null;
  categories: CategoryBreakdown[];
  kpis: KpiBreakdown[];
  totalKpis: number;
  validKpis: number;
};

/** A KPI as the health job reads it: its latest value (as of some time) and the range of its name, if any. */
export interface KpiForHealth {
  id: string;
  name: string;
  category: string;
  weight: number;
  value: number | null;
  valueAt: number | null;
  range: (ReferenceRange & { unit: string }) | null;
}

/**
 * Scores an account's KPIs with the organization's weights (scoreHealth) and
 * keeps, per KPI, what the score was made of: the stored breakdown.
 */
export function healthBreakdown(categoryWeights: Readonly<Record<string, number>>, kpis: readonly KpiForHealth[]): StoredHealth {
  // Only KPIs of a weighted category count (a category an admin dropped is not scored).
  const counted = kpis.filter((k) => Object.hasOwn(categoryWeights, k.category));
  const health: Health = scoreHealth({
    categoryWeights,
    kpis: counted.map((k) => ({ name: k.name, category: k.category, value: k.value, weight: k.weight, range: k.range })),
  });
  return {
    overall: round2(health.overall),
    categories: health.categories.map((c) => ({ ...c, score: round2(c.score) })),
    kpis: counted.map((k, i) => ({
      kpiId: k.id,
      name: k.name,
      category: k.category,
      weight: k.weight,
      value: k.value,
      valueAt: k.valueAt,
      status: health.kpis[i]?.status ?? null,
      score: round2(health.kpis[i]?.score ?? null),
      range: k.range
        ? {
            unit: k.range.unit,
            higherIsBetter: k.range.higherIsBetter,
            critical: { ...k.range.critical },
            risk: { ...k.range.risk },
            healthy: { ...k.range.healthy },
          }
        : null,
    })),
    totalKpis: health.totalKpis,
    validKpis: health.validKpis,
  };
}

/** 'YYYY-MM' of a time, in UTC. */
export function monthOf(at: number): string {
  const d = new Date(at);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export const MONTH_PATTERN = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

/** The first instant after a month ('YYYY-MM'), in UTC epoch ms: the data "as of the month's end" is before it. */
export function endOfMonth(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Date.UTC(y, m, 1);
}

/** The first instant of a month ('YYYY-MM'), in UTC epoch ms. */
export function startOfMonth(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Date.UTC(y, m - 1, 1);
}

/** Every month from `from` to `to`, inclusive ('YYYY-MM'). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > to) return out;
    out.push(month);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

/** The band a 0-100 score falls in (BAND_SCORES: healthy from 75, risk from 50), or null without a score. */
export function bandOfScore(score: number | null | undefined): HealthStatus | null {
  if (score === null || score === undefined) return null;
  return score >= BAND_SCORES.healthy.worst ? 'healthy' : score >= BAND_SCORES.risk.worst ? 'risk' : 'critical';
}
