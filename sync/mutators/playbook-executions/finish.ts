import type { Transaction } from '@rocicorp/zero';
import { buildReport } from '../../../shared/playbooks/report.ts';
import type { ZeroContext } from '../../context.ts';
import { type PlaybookExecution, zql } from '../../schema.ts';
import { accountKpiValues } from './account-values.ts';

/**
 * Ends an execution (completed or cancelled) and, on the server, keeps its
 * RACI report: the steps as they stand, the baseline taken at start and the
 * account's latest KPI values now. The report's id is the execution's.
 */
export async function finishExecution(
  tx: Transaction,
  ctx: ZeroContext,
  execution: PlaybookExecution,
  status: 'completed' | 'cancelled',
): Promise<void> {
  const now = Date.now();
  await tx.mutate.playbookExecution.update({
    id: execution.id,
    status,
    completedAt: now,
    completedBy: ctx.userID,
    updatedAt: now,
  });
  if (tx.location !== 'server') return;
  const orgID = execution.organizationID;
  const steps = await tx.run(
    zql.playbookStep.where('organizationID', orgID).where('executionID', execution.id).orderBy('position', 'asc'),
  );
  const account = await tx.run(zql.account.where('organizationID', orgID).where('id', execution.accountID).one());
  const reportData = buildReport({
    playbookName: execution.playbookName,
    accountName: account?.name ?? 'the account',
    status,
    startedAt: execution.startedAt,
    completedAt: now,
    steps,
    exitCriteria: execution.exitCriteria,
    baseline: execution.baseline,
    current: await accountKpiValues(tx, orgID, execution.accountID),
  });
  await tx.mutate.playbookReport.insert({
    id: execution.id,
    organizationID: orgID,
    executionID: execution.id,
    reportData,
    generatedAt: now,
  });
}
