import { randomUUID } from 'node:crypto';
import type { TransactionSql } from 'postgres';
import type { Playbook } from '../../shared/playbooks/builtins.ts';
import { executionPlan } from '../../shared/playbooks/executions.ts';
import type { KpiValue } from '../../shared/playbooks/report.ts';
import type { TriggerCondition } from '../../shared/playbooks/triggers.ts';
import { stepID } from '../../sync/mutators/playbook-executions/executions.ts';

export interface NewExecution {
  orgID: string;
  accountID: string;
  playbook: Playbook;
  triggeredBy: 'auto' | 'manual';
  triggerReason: TriggerCondition[] | null;
  baseline: KpiValue[];
  startedBy: string;
  startedAt: number;
}

/**
 * Writes an execution and its steps (pending, each due its day) in the
 * caller's transaction, for the server's own starts (the trigger job, the
 * demo seed). Does nothing when one of this playbook is open on the account
 * (the unique "one open" index, so racing starts make one). Returns the new
 * execution's id and step ids, or null.
 */
export async function insertExecution(tx: TransactionSql, e: NewExecution): Promise<{ id: string; stepIDs: string[] } | null> {
  const id = randomUUID();
  const plan = executionPlan(e.playbook, e.startedAt);
  const at = new Date(e.startedAt);
  const inserted = await tx`
    INSERT INTO playbook_execution (id, organization_id, account_id, playbook_id, playbook_name, exit_criteria, status,
      triggered_by, trigger_reason, baseline, started_by, started_at, due_at, updated_at)
    VALUES (${id}, ${e.orgID}, ${e.accountID}, ${e.playbook.id}, ${e.playbook.name}, ${tx.json(e.playbook.exitCriteria)},
      'active', ${e.triggeredBy}, ${e.triggerReason ? tx.json(e.triggerReason) : null}, ${tx.json(e.baseline)},
      ${e.startedBy}, ${at}, ${new Date(plan.dueAt)}, ${at})
    ON CONFLICT (organization_id, account_id, playbook_id) WHERE status = 'active' DO NOTHING
    RETURNING id`;
  if (inserted.length === 0) return null;
  for (const s of plan.steps) {
    await tx`
      INSERT INTO playbook_step (id, organization_id, execution_id, position, step_key, title, raci, status, due_at, updated_at)
      VALUES (${stepID(id, s.position)}, ${e.orgID}, ${id}, ${s.position}, ${s.stepKey}, ${s.title}, ${tx.json(s.raci)},
        'pending', ${new Date(s.dueAt)}, ${at})`;
  }
  return { id, stepIDs: plan.steps.map((s) => stepID(id, s.position)) };
}
