import type { HealthStatus, ReferenceRange } from './ranges.ts';
import { kpiScore, kpiStatus } from './score.ts';

/** A KPI as health scoring takes it: its category, latest value (or none), weight and reference range (or none). */
export interface HealthKpi {
  name: string;
  category: string;
  value: number | null;
  /** Default 1. */
  weight?: number | undefined;
  range: ReferenceRange | null;
}

export interface HealthInput {
  /** The organization's category weights (Relationship Strength 0.20, ...): every KPI's category is one of these. */
  categoryWeights: Readonly<Record<string, number>>;
  kpis: readonly HealthKpi[];
}

export interface CategoryHealth {
  name: string;
  score: number | null;
  weight: number;
  validKpis: number;
}

export interface KpiHealth {
  name: string;
  status: HealthStatus | null;
  score: number | null;
}

export interface Health {
  overall: number | null;
  categories: CategoryHealth[];
  kpis: KpiHealth[];
  totalKpis: number;
  validKpis: number;
}

/** A weighted mean, or null when nothing (or no weight) is there to average. */
function weightedMean(parts: readonly { value: number; weight: number }[]): number | null {
  const total = parts.reduce((s, p) => s + p.weight, 0);
  if (parts.length === 0 || total <= 0) return null;
  return parts.reduce((s, p) => s + p.value * p.weight, 0) / total;
}

/**
 * An account's health, exactly as the README's "Health scoring" says:
 * - each KPI with a value and a range gets a status and a 0-100 score (score.ts);
 *   one without either is not scored: it counts in totalKpis, not validKpis;
 * - a category's score is the mean of its scored KPIs' scores weighted by
 *   their weights; a category with no scored KPI has none;
 * - the overall score is the category scores weighted by the category
 *   weights, renormalized over the categories that have a score; no scored
 *   KPI at all gives null, never 0.
 * Nothing is rounded here (see rounded()).
 */
export function scoreHealth(input: HealthInput): Health {
  const kpis: (KpiHealth & { category: string; weight: number })[] = input.kpis.map((k) => {
    const scored = k.value !== null && k.range !== null;
    return {
      name: k.name,
      category: k.category,
      weight: k.weight ?? 1,
      status: scored ? kpiStatus(k.value as number, k.range as ReferenceRange) : null,
      score: scored ? kpiScore(k.value as number, k.range as ReferenceRange) : null,
    };
  });
  const categories: CategoryHealth[] = Object.entries(input.categoryWeights).map(([name, weight]) => {
    const scored = kpis.filter((k) => k.category === name && k.score !== null);
    return {
      name,
      weight,
      validKpis: scored.length,
      score: weightedMean(scored.map((k) => ({ value: k.score as number, weight: k.weight }))),
    };
  });
  const withScore = categories.filter((c) => c.score !== null);
  return {
    overall: weightedMean(withScore.map((c) => ({ value: c.score as number, weight: c.weight }))),
    categories,
    kpis: kpis.map(({ name, status, score }) => ({ name, status, score })),
    totalKpis: kpis.length,
    validKpis: kpis.filter((k) => k.score !== null).length,
  };
}

/** 2 decimals, for showing or returning a score (never for computing with it). */
export const round2 = (n: number | null): number | null => (n === null ? null : Math.round(n * 100) / 100);

/** The health with every score rounded to 2 decimals. */
export function rounded(h: Health): Health {
  return {
    ...h,
    overall: round2(h.overall),
    categories: h.categories.map((c) => ({ ...c, score: round2(c.score) })),
    kpis: h.kpis.map((k) => ({ ...k, score: round2(k.score) })),
  };
}
