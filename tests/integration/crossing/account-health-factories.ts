import type { MutatorFactory, QueryFactory } from './cases.ts';

/** Live health's synced queries (customer-success pack). */
export const accountHealthQueries: Record<string, QueryFactory> = {
  'health.account': { args: (w) => ({ orgID: w.orgA, accountID: w.accountID }) },
  'health.portfolio': { args: (w) => ({ orgID: w.orgA }) },
  'health.trend': { args: (w) => ({ orgID: w.orgA, accountID: w.accountID }) },
  'health.portfolioTrend': { args: (w) => ({ orgID: w.orgA }) },
  'health.rescores': { args: (w) => ({ orgID: w.orgA }) },
};

/** Its one mutator: managers and up start a re-score, so A's viewer is refused. */
export const accountHealthMutators: Record<string, MutatorFactory> = {
  'healthRescore.start': {
    args: (w) => ({ id: w.fresh(), from: '2026-01', to: '2026-02' }),
    fromOwnOrg: { allowed: 'it re-scores months of B, the intruder’s own organization (the run names no row of A)' },
  },
};
