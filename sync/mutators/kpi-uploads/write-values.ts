import type { Transaction } from '@rocicorp/zero';
import type { KpiValue } from '../../../shared/customer-success/uploads/layout.ts';
import type { ZeroContext } from '../../context.ts';
import { refreshCurrentValue, refreshGoalProgress } from '../../goal-progress.ts';
import { rangeOfRow } from '../../health-config.ts';
import { insertNew } from '../../insert-new.ts';
import { zql } from '../../schema.ts';
import { kpiMutators } from '../kpi-tracker/kpis.ts';

/** The row ids an upload's writes use: derived from the upload's id, so the client's optimistic run and the server's agree. */
export const kpiIdOf = (uploadID: string, i: number) => `${uploadID}:k${i}`;
export const pointIdOf = (uploadID: string, i: number) => `${uploadID}:p${i}`;

const key = (name: string) => name.trim().toLowerCase();

/** A new KPI's target and direction: its reference range's healthy edge if the organization has one, else the value itself. */
async function measureOf(tx: Transaction, orgID: string, v: KpiValue) {
  const row = await tx.run(zql.referenceRange.where('organizationID', orgID).where('kpiName', v.name).one());
  if (row) {
    const r = rangeOfRow(row);
    return { direction: r.higherIsBetter ? 'higher' : 'lower', target: r.higherIsBetter ? r.healthy.min : r.healthy.max };
  }
  return { direction: 'higher', target: v.value > 0 ? v.value : 1 };
}

/**
 * Makes `values` the account's current KPI values, as one version: a KPI the
 * account lacks (matched by name, case aside, among its active KPIs) is
 * created through the KPI mutator with its health category and weight; an
 * existing one takes the workbook's category, weight and frequency; then
 * each KPI gets one data point (source "upload", noted with the version) and
 * its current value and goals follow. Returns the KPIs written.
 */
export async function writeValues(
  tx: Transaction,
  ctx: ZeroContext,
  w: { orgID: string; accountID: string; uploadID: string; note: string; values: readonly KpiValue[] },
): Promise<string[]> {
  const existing = await tx.run(
    zql.kpi.where('organizationID', w.orgID).where('accountID', w.accountID).where('archivedAt', 'IS', null),
  );
  const byName = new Map(existing.map((k) => [key(k.name), k]));
  const now = Date.now();
  const kpiIDs: string[] = [];
  for (const [i, v] of w.values.entries()) {
    const kpi = byName.get(key(v.name));
    if (!kpi) {
      const id = kpiIdOf(w.uploadID, i);
      await kpiMutators.create.fn({
        tx,
        ctx,
        args: {
          id,
          name: v.name,
          unit: '',
          ...(await measureOf(tx, w.orgID, v)),
          frequency: v.frequency,
          accountID: w.accountID,
          healthCategory: v.category,
          weight: v.weight,
          description: w.note,
        },
      });
      kpiIDs.push(id);
    } else {
      if (kpi.healthCategory !== v.category || kpi.weight !== v.weight || kpi.frequency !== v.frequency) {
        await tx.mutate.kpi.update({
          id: kpi.id,
          healthCategory: v.category,
          weight: v.weight,
          frequency: v.frequency,
          updatedAt: now,
        });
      }
      kpiIDs.push(kpi.id);
    }
  }
  await insertNew(
    tx,
    'dataPoint',
    w.values.map((v, i) => ({
      id: pointIdOf(w.uploadID, i),
      organizationID: w.orgID,
      kpiID: kpiIDs[i]!,
      value: v.value,
      recordedAt: now,
      source: 'upload' as const,
      note: w.note,
      createdBy: ctx.userID,
      createdAt: now,
      updatedAt: null,
    })),
  );
  for (const kpiID of kpiIDs) {
    await refreshCurrentValue(tx, kpiID);
    await refreshGoalProgress(tx, w.orgID, { kpiID });
  }
  return kpiIDs;
}
