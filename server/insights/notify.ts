/**
 * What changed after a committed write, for the post-commit work that follows
 * it (recomputing insights, goal pace). Both the Zero mutate endpoint and the
 * REST API report through this one function; it must never throw into the
 * request that made the write.
 */
export interface KpiChange {
  orgID: string;
  /** The member whose write triggered the work (its audit rows name them). */
  userID: string;
  kpiIDs: string[];
}

export type KpiChangeNotifier = (change: KpiChange) => void;

export const ignoreKpiChanges: KpiChangeNotifier = () => {};
