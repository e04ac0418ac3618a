import { defineMutator, type Transaction } from '@rocicorp/zero';
import { z } from 'zod';
import { builtinPlaybook, executionPlan, type RunnablePlaybook } from '../../../shared/playbooks/executions.ts';
import { idSchema as id } from '../../../shared/validation.ts';
import type { ZeroContext } from '../../context.ts';
import { insertNew } from '../../insert-new.ts';
import { authorize, mutatorError } from '../../permissions.ts';
import { zql } from '../../schema.ts';
import { findOwned } from '../../tenant.ts';
import { accountKpiValues } from './account-values.ts';
import { finishExecution } from './finish.ts';

/** A step's id: its execution's and its position, so client and server agree without sending a list of ids. */
export const stepID = (executionID: string, position: number) => `${executionID}:${position}`;

/** A built-in, or the organization's copy; anything else is refused naming playbookId. */
export async function runnablePlaybook(tx: Transaction, orgID: string, playbookID: string): Promise<RunnablePlaybook | null> {
  const builtin = builtinPlaybook(playbookID);
  if (builtin) return builtin;
  const copy = await tx.run(zql.playbookCopy.where('organizationID', orgID).where('id', playbookID).one());
  if (copy) return copy;
  if (tx.location !== 'server') return null;
  throw mutatorError('VALIDATION_FAILED', 'playbookId names no playbook of this organization', [
    { loc: ['playbookID'], msg: 'playbookId names no playbook of this organization', type: 'unknown_playbook' },
  ]);
}

/**
 * Starts a playbook on an account: the execution with the playbook's name
 * and exit criteria, its steps (status pending, each due its day), and on the
 * server the account's KPI values as the baseline. One open execution per
 * account and playbook: a second is refused (the database's unique index
 * holds the same line for racing starts).
 */
export async function startExecution(
  tx: Transaction,
  ctx: ZeroContext,
  orgID: string,
  start: { id: string; accountID: string; playbookID: string },
): Promise<void> {
  await findOwned(tx, 'account', orgID, start.accountID);
  const playbook = await runnablePlaybook(tx, orgID, start.playbookID);
  if (!playbook) return;
  const open = await tx.run(
    zql.playbookExecution
      .where('organizationID', orgID)
      .where('accountID', start.accountID)
      .where('playbookID', start.playbookID)
      .where('status', 'active')
      .one(),
  );
  if (open && tx.location === 'server') {
    throw mutatorError('CONFLICT', `${playbook.name} is already running on this account.`);
  }
  const now = Date.now();
  const plan = executionPlan(playbook, now);
  await insertNew(tx, 'playbookExecution', [
    {
      id: start.id,
      organizationID: orgID,
      accountID: start.accountID,
      playbookID: start.playbookID,
      playbookName: playbook.name,
      exitCriteria: [...playbook.exitCriteria],
      status: 'active',
      triggeredBy: 'manual',
      baseline: await accountKpiValues(tx, orgID, start.accountID),
      startedBy: ctx.userID,
      startedAt: now,
      dueAt: plan.dueAt,
      updatedAt: now,
    },
  ]);
  await insertNew(
    tx,
    'playbookStep',
    plan.steps.map((s) => ({
      id: stepID(start.id, s.position),
      organizationID: orgID,
      executionID: start.id,
      ...s,
      status: 'pending' as const,
      updatedAt: now,
    })),
  );
}

async function activeExecution(tx: Transaction, orgID: string, executionID: string) {
  const execution = await findOwned(tx, 'playbookExecution', orgID, executionID);
  if (execution && execution.status !== 'active') {
    throw mutatorError('CONFLICT', `This execution is already ${execution.status}.`);
  }
  return execution;
}

const idArgs = z.object({ id });

export const playbookExecutionMutators = {
  /** Starts a playbook by hand (operators and up). */
  start: defineMutator(z.object({ id, accountID: id, playbookID: z.string().max(200) }), async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'playbookExecution', 'start');
    await startExecution(tx, ctx, orgID, args);
  }),

  /** Completes an execution whatever its steps' state (managers), keeping its report. */
  complete: defineMutator(idArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'playbookExecution', 'manage');
    const execution = await activeExecution(tx, orgID, args.id);
    if (execution) await finishExecution(tx, ctx, execution, 'completed');
  }),

  /** Cancels an execution (managers); its report says so. */
  cancel: defineMutator(idArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'playbookExecution', 'manage');
    const execution = await activeExecution(tx, orgID, args.id);
    if (execution) await finishExecution(tx, ctx, execution, 'cancelled');
  }),

  /** Deletes an execution with its steps, notes and report (managers). */
  delete: defineMutator(idArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'playbookExecution', 'manage');
    const execution = await findOwned(tx, 'playbookExecution', orgID, args.id);
    if (!execution) return;
    // The database cascades on the server; the client drops its own copies so the screen follows at once.
    if (tx.location !== 'server') {
      for (const table of ['playbookStepNote', 'playbookStepEditing', 'playbookStep'] as const) {
        const rows = await tx.run((zql[table] as typeof zql.playbookStep).where('executionID', args.id));
        for (const row of rows) await tx.mutate[table].delete({ id: row.id });
      }
    }
    await tx.mutate.playbookExecution.delete({ id: args.id });
  }),
};
