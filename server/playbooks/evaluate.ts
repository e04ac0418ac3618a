import type { Sql, TransactionSql } from 'postgres';
import { BUILTIN_PLAYBOOKS, type PlaybookID } from '../../shared/playbooks/builtins.ts';
import type { KpiValue } from '../../shared/playbooks/report.ts';
import { firedConditions, type TriggerCondition } from '../../shared/playbooks/triggers.ts';
import { withTenant } from '../db/pools.ts';
import { accountFacts } from './facts.ts';
import { insertExecution } from './store.ts';

/** A write changed an account's data: evaluate the organization's automatic triggers for it. */
export interface TriggerJob {
  orgID: string;
  userID: string;
  accountID: string;
}

export const TRIGGER_JOB_SOURCE = 'job:playbook-triggers';

/** Starts the playbook on the account with the account's KPI values as the baseline, unless one is open. */
async function startAuto(tx: TransactionSql, job: TriggerJob, playbookID: PlaybookID, fired: TriggerCondition[]) {
  const baseline = await tx<KpiValue[]>`
    SELECT k.name AS kpi,
      (SELECT p.value FROM data_point p WHERE p.organization_id = k.organization_id AND p.kpi_id = k.id
        ORDER BY p.recorded_at DESC, p.id DESC LIMIT 1) AS value
    FROM kpi k WHERE k.organization_id = ${job.orgID} AND k.account_id = ${job.accountID} AND k.archived_at IS NULL
    ORDER BY k.name`;
  const started = await insertExecution(tx, {
    orgID: job.orgID,
    accountID: job.accountID,
    playbook: BUILTIN_PLAYBOOKS[playbookID],
    triggeredBy: 'auto',
    triggerReason: fired,
    baseline: [...baseline],
    startedBy: job.userID,
    startedAt: Date.now(),
  });
  return started !== null;
}

/**
 * Evaluates the organization's enabled triggers for one account, acting as
 * the member whose write changed its data (row-level security applies): a
 * playbook any of whose conditions holds starts on the account, once while
 * one is open; every enabled trigger's last evaluation is recorded, and a
 * start counts as a firing. All in one transaction: nothing half done.
 * Returns the playbooks it started.
 */
export async function evaluateTriggers(appSql: Sql, job: TriggerJob): Promise<PlaybookID[]> {
  const tenant = { userID: job.userID, orgID: job.orgID, source: TRIGGER_JOB_SOURCE };
  return withTenant(appSql, tenant, async (tx) => {
    const triggers = await tx<{ playbook_id: PlaybookID; conditions: TriggerCondition[] }[]>`
      SELECT playbook_id, conditions FROM playbook_trigger
      WHERE organization_id = ${job.orgID} AND auto_trigger ORDER BY playbook_id`;
    if (triggers.length === 0) return [];
    const [account] = await tx<{ status: string }[]>`
      SELECT status FROM cs_account WHERE organization_id = ${job.orgID} AND id = ${job.accountID}`;
    if (account?.status !== 'active') return [];
    const facts = await accountFacts(tx, job.orgID, job.accountID);
    const started: PlaybookID[] = [];
    for (const t of triggers) {
      const fired = firedConditions(t.conditions, facts);
      const start = fired.length > 0 && (await startAuto(tx, job, t.playbook_id, fired));
      if (start) started.push(t.playbook_id);
      await tx`SELECT app_record_playbook_trigger(${job.orgID}, ${t.playbook_id}, ${start})`;
    }
    return started;
  });
}
