import type { Sql, TransactionSql } from 'postgres';
import { withTenant } from '../../db/pools.ts';

/** Staged rows copied into sf_production_entry per transaction; `processed` moves (and syncs) after each. */
export const IMPORT_CHUNK = 2000;
/** Tries of one chunk before the batch is marked FAILED (a chunk is one transaction: a retry never imports twice). */
const CHUNK_TRIES = 3;

export interface BatchImportJob {
  orgID: string;
  batchID: string;
  /** The uploader: the imported entries are theirs (created_by), and the import acts as them under row-level security. */
  userID: string;
}

const SOURCE = 'job:production-batch-import';

/**
 * One chunk in one transaction: the next IMPORT_CHUNK staged rows after the
 * batch's cursor go into sf_production_entry in one INSERT ... SELECT
 * (statement-level triggers on the entries fire once per chunk). Rows whose
 * work order was closed since the upload are not imported: they join the
 * error report and count as rejected. The batch's progress and cursor move
 * in the same transaction, so a retried job resumes exactly where this one
 * stopped. Returns false once there is nothing left to do.
 */
async function importChunk(tx: TransactionSql, job: BatchImportJob): Promise<boolean> {
  const [batch] = await tx<{ status: string; cursor: number; valid: number; processed: number }[]>`
    SELECT status, cursor_row AS cursor, valid, processed FROM sf_production_batch
     WHERE id = ${job.batchID} AND organization_id = ${job.orgID} FOR UPDATE`;
  if (batch?.status !== 'PROCESSING') return false;
  const [done] = await tx<{ n: number; last: number | null; imported: number; rejected: number }[]>`
    WITH chunk AS (
      SELECT r.*, w.number, w.status AS order_status FROM sf_production_batch_row r
        JOIN sf_work_order w ON w.organization_id = r.organization_id AND w.id = r.work_order_id
       WHERE r.batch_id = ${job.batchID} AND r.organization_id = ${job.orgID} AND r.row_number > ${batch.cursor}
       ORDER BY r.row_number LIMIT ${IMPORT_CHUNK}
    ), imported AS (
      INSERT INTO sf_production_entry (id, organization_id, work_order_id, line_id, shift_id, shift_date, units_produced,
        units_defective, run_hours, employees_assigned, created_by, created_at, updated_by, updated_at)
      SELECT gen_random_uuid()::text, organization_id, work_order_id, line_id, shift_id, shift_date, units_produced,
             units_defective, run_hours, employees_assigned, ${job.userID}, now(), ${job.userID}, now()
        FROM chunk WHERE order_status IN ('ACTIVE', 'ON_HOLD') ORDER BY row_number
      RETURNING 1
    ), rejected AS (
      INSERT INTO sf_production_batch_error (batch_id, organization_id, seq, row_number, field, message)
      SELECT ${job.batchID}, ${job.orgID},
             (SELECT coalesce(max(seq), 0) FROM sf_production_batch_error WHERE batch_id = ${job.batchID})
               + row_number() OVER (ORDER BY row_number),
             row_number, 'work_order_id',
             'Work order ' || number || ' is ' || lower(order_status) || ' since the upload: it takes no new entries (not imported)'
        FROM chunk WHERE order_status NOT IN ('ACTIVE', 'ON_HOLD')
      RETURNING 1
    )
    SELECT (SELECT count(*)::int FROM chunk) AS n, (SELECT max(row_number) FROM chunk) AS last,
           (SELECT count(*)::int FROM imported) AS imported, (SELECT count(*)::int FROM rejected) AS rejected`;
  const n = done?.n ?? 0;
  const processed = batch.processed + n;
  // Every staged row dealt with (or none left, should a staged row have vanished with its work order).
  const finished = n === 0 || processed >= batch.valid;
  await tx`
    UPDATE sf_production_batch
       SET processed = ${Math.min(processed, batch.valid)}, rejected = rejected + ${done?.rejected ?? 0},
           cursor_row = ${done?.last ?? batch.cursor},
           status = ${finished ? 'COMPLETED' : 'PROCESSING'}, completed_at = ${finished ? tx`now()` : null}
     WHERE id = ${job.batchID} AND organization_id = ${job.orgID}`;
  return !finished;
}

/** Marks the batch FAILED with why, as the uploader (the chunks before stay imported; the report says how far it got). */
async function markFailed(sql: Sql, job: BatchImportJob, reason: string) {
  await withTenant(sql, { userID: job.userID, orgID: job.orgID, source: SOURCE }, async (tx) => {
    await tx`
      UPDATE sf_production_batch SET status = 'FAILED', failure = ${reason.slice(0, 500)}, completed_at = now()
       WHERE id = ${job.batchID} AND organization_id = ${job.orgID} AND status = 'PROCESSING'`;
  });
}

/**
 * The confirmed batch's import, chunk after chunk until every staged row is
 * dealt with. A chunk that keeps failing (the uploader lost the right to
 * enter production, a line removed meanwhile) marks the batch FAILED with
 * the reason; what was imported before stays, and `processed` says how much.
 */
export async function importBatch(sql: Sql, job: BatchImportJob, signal?: AbortSignal): Promise<void> {
  const ctx = { userID: job.userID, orgID: job.orgID, source: SOURCE };
  let more = true;
  while (more && !signal?.aborted) {
    for (let attempt = 1; ; attempt++) {
      try {
        more = await withTenant(sql, ctx, (tx) => importChunk(tx, job));
        break;
      } catch (err) {
        if (attempt < CHUNK_TRIES) continue;
        const reason =
          (err as { code?: string }).code === '42501' ? 'the uploader may no longer enter production' : (err as Error).message;
        await markFailed(sql, job, `The import stopped: ${reason}`);
        return;
      }
    }
  }
}
