import type { MutatorFactory, QueryFactory } from './cases.ts';

/** The shift date of the world's entries (shop-floor-entries-factories.ts), whose rollups A holds. */
const DATE = Date.UTC(2026, 10, 2);

/** The stored rollups' synced queries and their recomputes. */
export const shopFloorRollupQueries: Record<string, QueryFactory> = {
  'shiftRollups.byLine': { args: (w) => ({ orgID: w.orgA, lineID: w.sf.master.line.id, from: DATE, to: DATE }) },
  'shiftRollups.inRange': { args: (w) => ({ orgID: w.orgA, from: DATE, to: DATE }) },
  'rollupRecomputes.recent': { args: (w) => ({ orgID: w.orgA }) },
};

/** Managers and up start a recompute, so A's viewer is refused. */
export const shopFloorRollupMutators: Record<string, MutatorFactory> = {
  'rollupRecompute.start': {
    args: (w) => ({ id: w.fresh(), from: DATE, to: DATE }),
    fromOwnOrg: { allowed: 'it rebuilds rollups of B, the intruder’s own organization (the run names no row of A)' },
  },
};
