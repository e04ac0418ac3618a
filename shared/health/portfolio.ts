import { bandOfScore } from './breakdown.ts';
import { round2 } from './health.ts';
import type { HealthStatus } from './ranges.ts';

/** How many accounts sit in each band now ('unscored': no overall score yet). */
export type BandCounts = Record<HealthStatus | 'unscored', number>;

export function bandCounts(scores: readonly (number | null | undefined)[]): BandCounts {
  const counts: BandCounts = { healthy: 0, risk: 0, critical: 0, unscored: 0 };
  for (const s of scores) counts[bandOfScore(s) ?? 'unscored'] += 1;
  return counts;
}

/** An account as the portfolio sees it: its current overall score, or null before its first one. */
export interface PortfolioAccount {
  id: string;
  name: string;
  overall: number | null;
}

export type ScoredAccount = PortfolioAccount & { overall: number };

/** The portfolio now: accounts per band, the mean of the scores that exist, and the weakest accounts. */
export interface PortfolioHealth {
  total: number;
  counts: BandCounts;
  /** Mean overall score of the scored accounts (2 decimals); null when none is scored. */
  average: number | null;
  /** The lowest-scoring accounts, worst first (ties by name, then id, so every screen lists the same ones). */
  lowest: ScoredAccount[];
}

/**
 * Sums up a portfolio. An unscored account counts in its own band and never
 * pulls the mean to 0, nor shows as "lowest": it has no score to be low.
 */
export function portfolioHealth(accounts: readonly PortfolioAccount[], lowestCount = 5): PortfolioHealth {
  const scored = accounts.filter((a): a is ScoredAccount => a.overall !== null);
  const sum = scored.reduce((total, a) => total + a.overall, 0);
  const lowest = [...scored]
    .sort((a, b) => a.overall - b.overall || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, Math.max(0, lowestCount));
  return {
    total: accounts.length,
    counts: bandCounts(accounts.map((a) => a.overall)),
    average: scored.length ? round2(sum / scored.length) : null,
    lowest,
  };
}
