import type { Transaction } from '@rocicorp/zero';
import type { KpiValue } from '../../../shared/playbooks/report.ts';
import { zql } from '../../schema.ts';

/**
 * The latest value of each of an account's active KPIs, by KPI name (none:
 * null): an execution's baseline at start, and its report's "current" at the
 * end. Read on the server only; the client's optimistic run writes none.
 */
export async function accountKpiValues(tx: Transaction, orgID: string, accountID: string): Promise<KpiValue[]> {
  if (tx.location !== 'server') return [];
  const kpis = await tx.run(
    zql.kpi
      .where('organizationID', orgID)
      .where('accountID', accountID)
      .where('archivedAt', 'IS', null)
      .related('dataPoints', (p) => p.orderBy('recordedAt', 'desc').orderBy('id', 'desc').limit(1))
      .orderBy('name', 'asc'),
  );
  return kpis.map((k) => ({ kpi: k.name, value: k.dataPoints[0]?.value ?? null }));
}
