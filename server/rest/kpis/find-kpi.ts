import { AppError } from '../../../shared/errors.ts';
import { kpisOf } from '../../../sync/tenant.ts';
import type { DbTransaction } from '../../zero/db-provider.ts';
import type { Caller } from '../context.ts';

/** The caller's KPI (archived or not), or the same 404 whether it is missing or another organization's. */
export async function findKpi(tx: DbTransaction, caller: Caller, id: string) {
  const kpi = await tx.run(kpisOf(caller.orgID, caller.userID).where('id', id).one());
  // Worded as the mutators word it, so every path gives the same answer.
  if (!kpi) throw new AppError('NOT_FOUND', 'KPI not found.');
  return kpi;
}
