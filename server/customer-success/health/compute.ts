import type { Sql, TransactionSql } from 'postgres';
import { endOfMonth, healthBreakdown, monthOf, monthsBetween } from '../../../shared/health/breakdown.ts';
import { configAtVersion, type HealthConfig } from '../../../shared/health/config-history.ts';
import { withTenant } from '../../db/pools.ts';
import {
  accountIsActive,
  activeAccounts,
  configChanges,
  currentConfig,
  kpiHistories,
  kpisOfAccounts,
  storeAccountHealth,
  storeTrends,
  valueBefore,
  withRanges,
} from './store.ts';

/** Audit rows and tenant context of the health jobs' writes carry this source. */
export const HEALTH_JOB_SOURCE = 'job:account-health';

/** Who asked (the member whose change it follows) and where. */
export interface HealthActor {
  orgID: string;
  userID: string;
}

const tenant = (a: HealthActor) => ({ userID: a.userID, orgID: a.orgID, source: HEALTH_JOB_SOURCE });

/**
 * Recomputes the current health of one account, or of every active account
 * of the organization (`accountID` omitted: a range or weight changed), from
 * each KPI's latest value under the current configuration, and stores it with
 * the current month's snapshot. One transaction: a reader sees all or none.
 * Returns how many accounts were scored.
 */
export async function recomputeHealth(appSql: Sql, actor: HealthActor, accountID?: string, now = Date.now()): Promise<number> {
  return withTenant(appSql, tenant(actor), async (tx) => {
    const accounts = accountID
      ? (await accountIsActive(tx, actor.orgID, accountID))
        ? [accountID]
        : []
      : await activeAccounts(tx, actor.orgID);
    await scoreCurrent(tx, actor.orgID, accounts, now);
    return accounts.length;
  });
}

/** Scores these accounts now, under the current configuration: their stored health and this month's snapshot. */
export async function scoreCurrent(tx: TransactionSql, orgID: string, accounts: readonly string[], now: number): Promise<void> {
  if (accounts.length === 0) return;
  const config = await currentConfig(tx, orgID);
  const kpis = await kpisOfAccounts(tx, orgID, accounts, null);
  const at = new Date(now);
  const trends = accounts.map((id) => ({
    accountID: id,
    month: monthOf(now),
    health: healthBreakdown(config.weights, withRanges(kpis.get(id) ?? [], config.ranges)),
  }));
  for (const t of trends) await storeAccountHealth(tx, orgID, t.accountID, t.health, config.version, at);
  await storeTrends(tx, orgID, trends, config.version, at);
}

/**
 * Scores these accounts for each of these months, from the data points
 * recorded before each month's end, under `config`, and stores the snapshots
 * (marked with `version`). Returns how many account-months it stored.
 */
export async function scoreMonths(
  tx: TransactionSql,
  orgID: string,
  accounts: readonly string[],
  months: readonly string[],
  config: HealthConfig,
  version: number,
  now: number,
): Promise<number> {
  const last = months[months.length - 1];
  if (accounts.length === 0 || !last) return 0;
  const histories = await kpiHistories(tx, orgID, accounts, endOfMonth(last));
  const rows = months.flatMap((month) =>
    accounts.map((accountID) => {
      const asOf = (histories.get(accountID) ?? []).map((h) => valueBefore(h, endOfMonth(month)));
      return { accountID, month, health: healthBreakdown(config.weights, withRanges(asOf, config.ranges)) };
    }),
  );
  await storeTrends(tx, orgID, rows, version, new Date(now));
  return rows.length;
}

/** Accounts a re-score handles per transaction (and per progress step). */
export const RESCORE_CHUNK = 100;
/** Chunks a re-score works on at once. */
export const RESCORE_PARALLEL = 2;

interface RescoreRun {
  fromMonth: string;
  toMonth: string;
  configVersion: number;
  status: string;
}

/**
 * Re-scores the months of a run (health_rescore) for every active account:
 * each month from the data points recorded before its end, under the
 * configuration as it stood at the run's version (rebuilt from the change
 * log). Works through the accounts in chunks, each chunk's months in one
 * transaction that also advances `done`, so every viewer sees the progress.
 * A failure marks the run failed with its message; a run already finished
 * is left alone.
 */
export async function rescore(appSql: Sql, actor: HealthActor, runID: string, now = Date.now()): Promise<void> {
  const start = await withTenant(appSql, tenant(actor), async (tx) => {
    const [run] = await tx<RescoreRun[]>`
      SELECT from_month AS "fromMonth", to_month AS "toMonth", config_version AS "configVersion", status
      FROM health_rescore WHERE organization_id = ${actor.orgID} AND id = ${runID} FOR UPDATE`;
    if (!run || (run.status !== 'queued' && run.status !== 'running')) return null;
    const accounts = await activeAccounts(tx, actor.orgID);
    const months = monthsBetween(run.fromMonth, run.toMonth);
    const config = configAtVersion(await configChanges(tx, actor.orgID, run.configVersion), run.configVersion);
    await tx`
      UPDATE health_rescore SET status = 'running', done = 0, total = ${accounts.length * months.length},
        started_at = ${new Date()}, updated_at = ${new Date()}
      WHERE organization_id = ${actor.orgID} AND id = ${runID}`;
    return { run, accounts, months, config };
  });
  if (!start) return;
  const { run, accounts, months, config } = start;
  try {
    const chunks: string[][] = [];
    for (let i = 0; i < accounts.length; i += RESCORE_CHUNK) chunks.push(accounts.slice(i, i + RESCORE_CHUNK));
    const scoreChunk = (chunk: string[]) =>
      withTenant(appSql, tenant(actor), async (tx) => {
        const stored = await scoreMonths(tx, actor.orgID, chunk, months, config, run.configVersion, now);
        await tx`
          UPDATE health_rescore SET done = done + ${stored}, updated_at = ${new Date()}
          WHERE organization_id = ${actor.orgID} AND id = ${runID}`;
      });
    // A few chunks at once: one scores in JavaScript while another's rows are stored by Postgres.
    let next = 0;
    const worker = async () => {
      try {
        while (next < chunks.length) await scoreChunk(chunks[next++] as string[]);
      } catch (err) {
        next = chunks.length; // the others stop after their chunk
        throw err;
      }
    };
    await Promise.all(Array.from({ length: Math.min(RESCORE_PARALLEL, chunks.length) }, worker));
    await finish(appSql, actor, runID, 'done', null);
  } catch (err) {
    // Recorded on the run for every viewer; a retry would find it failed and stop.
    await finish(appSql, actor, runID, 'failed', (err as Error).message.slice(0, 1000));
  }
}

async function finish(appSql: Sql, actor: HealthActor, runID: string, status: 'done' | 'failed', error: string | null) {
  await withTenant(appSql, tenant(actor), (tx) =>
    tx`UPDATE health_rescore SET status = ${status}, error = ${error}, finished_at = ${new Date()}, updated_at = ${new Date()}
       WHERE organization_id = ${actor.orgID} AND id = ${runID}`.then(() => undefined),
  );
}
