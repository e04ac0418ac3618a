/** The band counts are the shared portfolio rules (the dashboards' portfolio health widget counts the same way). */
export { type BandCounts, bandCounts } from '../../../shared/health/portfolio.ts';

/** One month of the portfolio: the mean overall health of the accounts scored that month, and how many were. */
export interface PortfolioMonth {
  month: string;
  mean: number;
  accounts: number;
}

/**
 * The portfolio's trend from every account's monthly snapshots: per month,
 * the mean of the overall scores that exist (an unscored account does not
 * pull the mean to 0). Months with no scored account are left out.
 */
export function portfolioTrend(
  snapshots: readonly { month: string; overall: number | null | undefined; accountID: string }[],
  keep: (accountID: string) => boolean = () => true,
): PortfolioMonth[] {
  const byMonth = new Map<string, { sum: number; n: number }>();
  for (const s of snapshots) {
    if (s.overall === null || s.overall === undefined || !keep(s.accountID)) continue;
    const m = byMonth.get(s.month) ?? { sum: 0, n: 0 };
    m.sum += s.overall;
    m.n += 1;
    byMonth.set(s.month, m);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, { sum, n }]) => ({ month, mean: Math.round((sum / n) * 100) / 100, accounts: n }));
}
