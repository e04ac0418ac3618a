import type { Transaction } from '@rocicorp/zero';
import { goalProgress } from '../shared/goals.ts';
import { kpiProgress } from '../shared/progress.ts';
import { zql } from './schema.ts';

/**
 * Keeps each goal's stored progress (the weighted mean of its KPIs' progress)
 * current, in the same transaction as the write that moved it, so every open
 * goals page sees it move. Pass the KPIs whose values changed, or the goal
 * whose composition changed.
 */
export async function refreshGoalProgress(
  tx: Transaction,
  orgID: string,
  changed: { kpiID?: string; goalID?: string },
): Promise<void> {
  const goalIDs = new Set<string>();
  if (changed.goalID) goalIDs.add(changed.goalID);
  if (changed.kpiID) {
    const links = await tx.run(zql.goalKpi.where('organizationID', orgID).where('kpiID', changed.kpiID));
    for (const link of links) goalIDs.add(link.goalID);
  }
  for (const goalID of goalIDs) {
    const links = await tx.run(
      zql.goalKpi
        .where('organizationID', orgID)
        .where('goalID', goalID)
        .related('kpi', (k) => k.one()),
    );
    const progress = goalProgress(
      links.map((l) => ({
        weight: l.weight,
        progress: l.kpi && !l.kpi.archivedAt ? kpiProgress(l.kpi.currentValue, l.kpi.target, l.kpi.direction) : null,
      })),
    );
    await tx.mutate.goal.update({ id: goalID, progress });
  }
}

/** Sets a KPI's stored current value to its latest data point by time (after an edit or delete). */
export async function refreshCurrentValue(tx: Transaction, kpiID: string): Promise<void> {
  const latest = await tx.run(zql.dataPoint.where('kpiID', kpiID).orderBy('recordedAt', 'desc').orderBy('id', 'desc').one());
  await tx.mutate.kpi.update({
    id: kpiID,
    currentValue: latest?.value ?? null,
    currentAt: latest?.recordedAt ?? null,
  });
}
