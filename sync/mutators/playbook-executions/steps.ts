import { defineMutator, type Transaction } from '@rocicorp/zero';
import { z } from 'zod';
import type { FieldIssue } from '../../../shared/errors.ts';
import {
  allStepsFinished,
  canMoveStep,
  noteInput,
  STEP_STATUS_LABELS,
  stepChangeInput,
} from '../../../shared/playbooks/executions.ts';
import { fieldIssues, idSchema as id } from '../../../shared/validation.ts';
import type { ZeroContext } from '../../context.ts';
import { insertNew } from '../../insert-new.ts';
import { authorize, mutatorError } from '../../permissions.ts';
import { zql } from '../../schema.ts';
import { findOwned, membershipOf } from '../../tenant.ts';
import { finishExecution } from './finish.ts';

const updateArgs = z.object({
  id,
  status: z.string().optional(),
  assigneeID: z.string().nullable().optional(),
  dueAt: z.number().nullable().optional(),
  result: z.string().nullable().optional(),
});

/** A step of an active execution, with that execution; a finished one is refused. */
async function workableStep(tx: Transaction, orgID: string, stepID: string) {
  const step = await findOwned(tx, 'playbookStep', orgID, stepID);
  if (!step) return null;
  const execution = await findOwned(tx, 'playbookExecution', orgID, step.executionID);
  if (!execution) return null;
  if (execution.status !== 'active') throw mutatorError('CONFLICT', `This execution is already ${execution.status}.`);
  return { step, execution };
}

function refuse(issues: FieldIssue[]): never {
  throw mutatorError('VALIDATION_FAILED', issues.map((i) => i.msg).join('; '), issues);
}

/** When its last step is done or skipped, the execution completes (and gets its report). */
async function completeIfFinished(tx: Transaction, ctx: ZeroContext, orgID: string, executionID: string) {
  const execution = await tx.run(zql.playbookExecution.where('organizationID', orgID).where('id', executionID).one());
  if (execution?.status !== 'active') return;
  const steps = await tx.run(zql.playbookStep.where('organizationID', orgID).where('executionID', executionID));
  if (allStepsFinished(steps.map((s) => s.status))) await finishExecution(tx, ctx, execution, 'completed');
}

export const playbookStepMutators = {
  /**
   * Changes the fields given of one step, and only those: two people
   * changing different fields of a step both keep their change. Operators
   * and up; the assignee must be a member; a status moves as canMoveStep allows.
   */
  update: defineMutator(updateArgs, async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'playbookStep', 'work');
    const { id: stepID, ...rest } = args;
    const parsed = stepChangeInput.safeParse(rest);
    if (!parsed.success) refuse(fieldIssues(parsed.error));
    const change = parsed.data;
    const found = await workableStep(tx, orgID, stepID);
    if (!found) return;
    const issues: FieldIssue[] = [];
    if (change.status && !canMoveStep(found.step.status, change.status)) {
      const [from, to] = [STEP_STATUS_LABELS[found.step.status], STEP_STATUS_LABELS[change.status]];
      issues.push({ loc: ['status'], msg: `A step cannot go from ${from} to ${to}`, type: 'invalid_move' });
    }
    if (tx.location === 'server' && change.assigneeID && !(await tx.run(membershipOf(orgID, change.assigneeID)))) {
      issues.push({ loc: ['assigneeID'], msg: 'Assignee must be a member of this organization', type: 'not_member' });
    }
    if (issues.length) refuse(issues);
    const given = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
    await tx.mutate.playbookStep.update({ id: stepID, ...given, updatedBy: ctx.userID, updatedAt: Date.now() });
    if (change.status) await completeIfFinished(tx, ctx, orgID, found.execution.id);
  }),

  /** Appends a note to a step: each note is its own row, so notes typed at the same time are all kept. */
  addNote: defineMutator(z.object({ id, stepID: id, body: z.string() }), async ({ tx, args, ctx }) => {
    const orgID = await authorize(tx, ctx, 'playbookStep', 'work');
    const parsed = noteInput.safeParse(args.body);
    if (!parsed.success) refuse(fieldIssues(parsed.error, ['body']));
    const found = await workableStep(tx, orgID, args.stepID);
    if (!found) return;
    await insertNew(tx, 'playbookStepNote', [
      {
        id: args.id,
        organizationID: orgID,
        executionID: found.execution.id,
        stepID: args.stepID,
        body: parsed.data,
        authorID: ctx.userID,
        createdAt: Date.now(),
      },
    ]);
  }),
};
