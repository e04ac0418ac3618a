import type { MutatorFactory, QueryFactory } from './cases.ts';

/** The shift date of the world's entries (shop-floor-entries-factories.ts), whose rollups A holds. */
const DATE = Date.UTC(2026, 10, 2);

/** The stored rollups' synced queries and their recomputes. */
export const shopFloorRollupQueries: Record<string, QueryFactory> = {
  'shiftRollups.byLine': { args: (w) => ({ orgID: w.orgA, lineID: w.sf.master.line.id, from: DATE, to: DATE }) },
  'shiftRollups.inRange': { args: (w) => ({ orgID: w.orgA, from: DATE, to: DATE }) },
  'rollupRecomputes.recent': { args: (w) => ({ orgID: w.orgA }) },
};

export const shopFloorRollupMutators: Record<string, MutatorFactory> = {};
