import type { Sql, TransactionSql } from 'postgres';
import { withTenant } from '../../db/pools.ts';

/** Tries of one chunk before the batch is marked FAILED (a chunk is one transaction: a retry never imports twice). */
const CHUNK_TRIES = 3;
/**
 * Where import-time errors number from in the report: past every upload error
 * (at most MAX_BATCH_ROWS rows x a few per row), each at its own row, so two
 * workers never pick the same number.
 */
const IMPORT_ERROR_SEQ = 10_000_000;
/** Chunks imported at once. */
const IMPORT_WORKERS = 2;

export interface BatchImportJob {
  orgID: string;
  batchID: string;
  /** The uploader: the imported entries are theirs (created_by), and the import acts as them under row-level security. */
  userID: string;
  /** Who confirmed: a failure is recorded as them (the uploader may be why it failed). */
  confirmedBy: string;
}

/** The uploader may no longer enter production in the organization (role lowered, removed). */
class UploaderRefused extends Error {}

const SOURCE = 'job:production-batch-import';

/**
 * One staged chunk (STAGE_CHUNK rows, server/shop-floor/batches/stage.ts) in
 * one transaction: its rows go into sf_production_entry by one INSERT ...
 * SELECT (statement-level triggers on the entries fire once per chunk).
 * Rows whose work order was closed since the upload are not entered: they
 * join the error report and count as rejected. The worker's next chunk and
 * the batch's progress move in the same transaction, so a retried job
 * resumes exactly where the committed work ends and nothing is entered
 * twice. Returns false when this worker has no chunk left.
 */
async function importChunk(tx: TransactionSql, job: BatchImportJob, worker: number): Promise<boolean> {
  const [batch] = await tx<{ status: string; chunk: number; staged: boolean }[]>`
    SELECT b.status, coalesce(b.next_chunks[${worker + 1}], ${worker}) AS chunk,
           EXISTS (SELECT 1 FROM sf_production_batch_chunk c WHERE c.batch_id = b.id AND c.organization_id = b.organization_id
                      AND c.chunk = coalesce(b.next_chunks[${worker + 1}], ${worker})) AS staged
      FROM sf_production_batch b WHERE b.id = ${job.batchID} AND b.organization_id = ${job.orgID}`;
  if (batch?.status !== 'PROCESSING') return false;
  // Row-level security would hide the staged rows from an uploader without the right, and the import would
  // find nothing to do: ask first, and stop with the reason.
  const [may] = await tx<{ ok: boolean }[]>`SELECT app_can(${job.orgID}, 'shopFloorEntry', 'create') AS ok`;
  if (!may?.ok) throw new UploaderRefused('the uploader may no longer enter production in this organization');
  if (!batch.staged) return false;
  const { chunk } = batch;
  // The entries' audit rows point at this chunk, which keeps the imported values (migration 026).
  await tx`SELECT set_config('app.audit_ref', ${`sf_production_batch_chunk:${job.batchID}:${chunk}`}, true)`;
  const [done] = await tx<{ n: number; rejected: number }[]>`
    WITH staged AS (
      SELECT c.organization_id, t.*, o.number, o.status AS order_status
        FROM sf_production_batch_chunk c
       CROSS JOIN LATERAL jsonb_to_recordset(c.rows)
             AS t(r integer, w text, l text, s text, d date, p integer, x integer, h double precision, e integer)
        JOIN sf_work_order o ON o.organization_id = c.organization_id AND o.id = t.w
       WHERE c.batch_id = ${job.batchID} AND c.organization_id = ${job.orgID} AND c.chunk = ${chunk}
    ), imported AS (
      INSERT INTO sf_production_entry (id, organization_id, work_order_id, line_id, shift_id, shift_date, units_produced,
        units_defective, run_hours, employees_assigned, created_by, created_at, updated_by, updated_at)
      SELECT gen_random_uuid()::text, organization_id, w, l, s, d, p, x, h, e, ${job.userID}, now(), ${job.userID}, now()
        FROM staged WHERE order_status IN ('ACTIVE', 'ON_HOLD') ORDER BY r
      RETURNING 1
    ), rejected AS (
      INSERT INTO sf_production_batch_error (batch_id, organization_id, seq, row_number, field, message)
      SELECT ${job.batchID}, ${job.orgID}, ${IMPORT_ERROR_SEQ} + r, r, 'work_order_id',
             'Work order ' || number || ' is ' || lower(order_status) || ' since the upload: it takes no new entries (not imported)'
        FROM staged WHERE order_status NOT IN ('ACTIVE', 'ON_HOLD')
      RETURNING 1
    )
    SELECT (SELECT count(*)::int FROM staged) AS n, (SELECT count(*)::int FROM rejected) AS rejected`;
  // Last, so the batch row is locked only for the end of the transaction: the workers' chunks run side by side.
  const moved = await tx`
    UPDATE sf_production_batch
       SET processed = least(processed + ${done?.n ?? 0}, valid), rejected = rejected + ${done?.rejected ?? 0},
           next_chunks[${worker + 1}] = ${chunk + IMPORT_WORKERS}
     WHERE id = ${job.batchID} AND organization_id = ${job.orgID}`;
  if (moved.count !== 1) throw new UploaderRefused('the uploader may no longer enter production in this organization');
  return true;
}

/** Once every worker is past the last row: COMPLETED (whichever worker gets here first; for the other it is done). */
async function markCompleted(tx: TransactionSql, job: BatchImportJob) {
  await tx`
    UPDATE sf_production_batch SET status = 'COMPLETED', processed = valid, completed_at = now()
     WHERE id = ${job.batchID} AND organization_id = ${job.orgID} AND status = 'PROCESSING'`;
}

/** Marks the batch FAILED with why, as whoever confirmed it (the chunks before stay imported; `processed` says how far it got). */
async function markFailed(sql: Sql, job: BatchImportJob, reason: string) {
  await withTenant(sql, { userID: job.confirmedBy, orgID: job.orgID, source: SOURCE }, async (tx) => {
    await tx`
      UPDATE sf_production_batch SET status = 'FAILED', failure = ${reason.slice(0, 500)}, completed_at = now()
       WHERE id = ${job.batchID} AND organization_id = ${job.orgID} AND status = 'PROCESSING'`;
  });
}

/** Postgres errors a fresh try may not meet: a deadlock (rollup triggers of two chunks) or a serialization failure. */
const transient = (err: unknown) => ['40P01', '40001'].includes((err as { code?: string }).code ?? '');

/**
 * The confirmed batch's import: IMPORT_WORKERS loops (Postgres runs each
 * chunk's statement on one core; two chunks at once use two), worker k
 * taking chunks k, k + W, k + 2W ... until past the last row, then COMPLETED. A chunk that keeps
 * failing (the uploader lost the right to enter production, a line removed
 * meanwhile) marks the batch FAILED with the reason; what was imported
 * before stays, and `processed` says how much.
 */
export async function importBatch(sql: Sql, job: BatchImportJob, signal?: AbortSignal): Promise<void> {
  const ctx = { userID: job.userID, orgID: job.orgID, source: SOURCE };
  let failed: string | null = null;
  const worker = async (k: number) => {
    let tries = 0;
    while (!failed && !signal?.aborted) {
      try {
        if (!(await withTenant(sql, ctx, (tx) => importChunk(tx, job, k)))) return;
        tries = 0;
      } catch (err) {
        tries++;
        const refused = err instanceof UploaderRefused || (err as { code?: string }).code === '42501';
        if (!refused && (tries < CHUNK_TRIES || (transient(err) && tries < 10 * CHUNK_TRIES))) continue;
        failed ??= refused ? 'the uploader may no longer enter production in this organization' : (err as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: IMPORT_WORKERS }, (_, k) => worker(k)));
  if (failed) await markFailed(sql, job, `The import stopped: ${failed}`);
  else if (!signal?.aborted) await withTenant(sql, ctx, (tx) => markCompleted(tx, job));
}
