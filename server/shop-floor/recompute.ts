import type { Sql } from 'postgres';
import { recomputeChunks } from '../../shared/shop-floor/recompute.ts';
import { withTenant } from '../db/pools.ts';

/** Audit rows and tenant context of the recompute job's writes carry this source. */
export const RECOMPUTE_JOB_SOURCE = 'job:rollup-recompute';

/** The member who asked, whose rights the job acts with. */
export interface RecomputeActor {
  orgID: string;
  userID: string;
}

const tenant = (a: RecomputeActor) => ({ userID: a.userID, orgID: a.orgID, source: RECOMPUTE_JOB_SOURCE });
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Rebuilds the rollups of a run's range (sf_rollup_recompute) from the
 * entry tables, a chunk of days per transaction (app_rebuild_shift_rollups,
 * which locks the entry tables against writes while it reads them), each
 * transaction also advancing `processed`, so every viewer sees the
 * progress. A failure marks the run failed with its message; a run already
 * finished is left alone.
 */
export async function recomputeRollups(appSql: Sql, actor: RecomputeActor, runID: string): Promise<void> {
  const run = await withTenant(appSql, tenant(actor), async (tx) => {
    const [row] = await tx<{ from: number; to: number; status: string }[]>`
      SELECT (from_date - DATE '1970-01-01')::float8 * 86400000 AS from, (to_date - DATE '1970-01-01')::float8 * 86400000 AS to,
             status
        FROM sf_rollup_recompute WHERE organization_id = ${actor.orgID} AND id = ${runID} FOR UPDATE`;
    if (!row || (row.status !== 'queued' && row.status !== 'running')) return null;
    await tx`
      UPDATE sf_rollup_recompute SET status = 'running', processed = 0, started_at = now(), updated_at = now()
       WHERE organization_id = ${actor.orgID} AND id = ${runID}`;
    return row;
  });
  if (!run) return;
  try {
    for (const [from, to] of recomputeChunks(run.from, run.to)) {
      await withTenant(appSql, tenant(actor), async (tx) => {
        await tx`SELECT app_rebuild_shift_rollups(${actor.orgID}, ${day(from)}::date, ${day(to)}::date)`;
        await tx`
          UPDATE sf_rollup_recompute SET processed = processed + ${(to - from) / 86_400_000 + 1}, updated_at = now()
           WHERE organization_id = ${actor.orgID} AND id = ${runID}`;
      });
    }
    await finish(appSql, actor, runID, 'done', null);
  } catch (err) {
    // Recorded on the run for every viewer; a retry would find it failed and stop.
    await finish(appSql, actor, runID, 'failed', (err as Error).message.slice(0, 1000));
  }
}

async function finish(appSql: Sql, actor: RecomputeActor, runID: string, status: 'done' | 'failed', error: string | null) {
  await withTenant(appSql, tenant(actor), (tx) =>
    tx`UPDATE sf_rollup_recompute SET status = ${status}, error = ${error}, finished_at = now(), updated_at = now()
        WHERE organization_id = ${actor.orgID} AND id = ${runID}`.then(() => undefined),
  );
}
