import { randomUUID } from 'node:crypto';
import { createRoute } from '@hono/zod-openapi';
import type { TransactionSql } from 'postgres';
import { AppError, notFound } from '../../../shared/errors.ts';
import type { BatchStatus } from '../../../shared/shop-floor/batches.ts';
import { authorize } from '../../../sync/permissions.ts';
import { BATCH_IMPORT_JOB } from '../../shop-floor/batches/jobs.ts';
import { errorReportStream } from '../../shop-floor/batches/report.ts';
import { stageBatch } from '../../shop-floor/batches/stage.ts';
import { MAX_BATCH_BYTES, UploadBody, uploadedFile } from '../../shop-floor/batches/upload-body.ts';
import { type Caller, mutatorContext, type RestDeps } from '../context.ts';
import { errors, IdParams, ok, sessionOrKey } from '../openapi.ts';
import { resourceApp, restSource } from '../resource-app.ts';
import { inTenant, readInTenant } from '../tenant.ts';
import { BatchStatusSchema, BatchUploadSchema, uploadBody } from './schemas.ts';

const tags = ['Shop floor: production batches'];
const sqlOf = (tx: { dbTransaction: { wrappedTransaction: unknown } }) => tx.dbTransaction.wrappedTransaction as TransactionSql;

interface BatchRow {
  status: BatchStatus;
  valid: number;
  processed: number;
  rejected: number;
  failure: string | null;
  createdBy: string | null;
}

/** The organization's batch (locked for a write), or 404: another organization's batch is "not found" too. */
async function batchOf(sql: TransactionSql, caller: Caller, id: string, lock = false): Promise<BatchRow> {
  const [batch] = await sql<BatchRow[]>`
    SELECT status, valid, processed, rejected, failure, created_by AS "createdBy" FROM sf_production_batch
     WHERE id = ${id} AND organization_id = ${caller.orgID} ${lock ? sql`FOR UPDATE` : sql``}`;
  if (!batch) throw notFound('Batch');
  return batch;
}

const statusJson = (b: Pick<BatchRow, 'status' | 'processed' | 'valid' | 'rejected' | 'failure'>) => ({
  status: b.status,
  processed: b.processed,
  total: b.valid,
  rejected: b.rejected,
  failure: b.failure,
});

/**
 * /api/production/batch: CSV production batches (seed 004's flow). Upload
 * (every row checked while the body streams in; the valid rows staged, nothing
 * entered), the error report, confirm (the import runs as a background job in
 * chunks, its progress synced to every member), status. Operators and up
 * upload and confirm; every member reads. The upload reads its own body (up
 * to MAX_BATCH_BYTES, not the 1 MB of other routes).
 */
export function productionBatchRoutes(deps: RestDeps) {
  const app = resourceApp(deps, { ownBodyLimit: true });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      ...sessionOrKey,
      summary: 'Upload a CSV of production',
      description: [
        'Operators and above. Every row is parsed and checked as the file streams in (a 100,000-row file is never held whole):',
        'the same rules as a single entry (units defective never above units produced, no negative counts or hours, run time at most 24 h and within the named shift),',
        'the work order an open one (ACTIVE or ON_HOLD) of this organization, the line, shift and product named ones of this organization.',
        'Nothing is entered yet: the valid rows wait for POST /api/production/batch/{id}/confirm.',
        'The whole file is refused (400, nothing stored) when the header has unknown or missing columns (each named), when it is not UTF-8 (UTF-16, Latin-1),',
        `is empty or has no data rows, or is not a CSV (a line over 64 KB, a broken quote). A UTF-8 byte order mark is fine. Over ${MAX_BATCH_BYTES / 1024 / 1024} MB: 413.`,
        'Send `text/csv` (optionally naming the file in `X-File-Name`) or `multipart/form-data` with the field `file`.',
      ].join(' '),
      request: { body: uploadBody },
      responses: { 202: ok(BatchUploadSchema, 'The batch, its counts and the first errors'), ...errors(403, 415) },
    }),
    async (c) => {
      const caller = c.get('caller');
      const length = Number(c.req.header('content-length') ?? Number.NaN);
      const body = new UploadBody(c.req.raw.body, Number.isFinite(length) ? length : null);
      try {
        const summary = await inTenant(deps, caller, restSource(c), async (tx) => {
          await authorize(tx, mutatorContext(caller), 'shopFloorEntry', 'create');
          const file = uploadedFile(body, c.req.raw.headers);
          const batch = { id: randomUUID(), orgID: caller.orgID, userID: caller.userID };
          return stageBatch(sqlOf(tx), { ...batch, fileName: () => file.name, fileSize: () => body.bytes }, file);
        });
        return c.json(summary, 202);
      } catch (err) {
        // Read what the client is still sending, so it gets this answer rather than a reset connection.
        if (!(await body.drain().catch(() => false))) c.header('connection', 'close');
        throw err;
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/confirm',
      tags,
      ...sessionOrKey,
      summary: 'Import a batch’s valid rows',
      description: [
        'Operators and above. Starts the import of the valid rows in the background, in chunks of 2,000; `processed` moves after each',
        '(GET …/status, or live through sync). The entries name the uploader as their author. Only once: a batch already confirmed answers 409.',
        'A row whose work order was closed since the upload is not imported: it is added to the error report and counted in `rejected`.',
      ].join(' '),
      request: { params: IdParams },
      responses: { 202: ok(BatchStatusSchema, 'The import started (or, with no valid row, completed)'), ...errors(403, 409) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const caller = c.get('caller');
      const { answer, uploader } = await inTenant(deps, caller, restSource(c), async (tx) => {
        await authorize(tx, mutatorContext(caller), 'shopFloorEntry', 'create');
        const sql = sqlOf(tx);
        const batch = await batchOf(sql, caller, id, true);
        if (batch.status !== 'VALIDATED') {
          throw new AppError(
            'CONFLICT',
            `This batch was confirmed before (it is ${batch.status}): its rows are never imported twice.`,
          );
        }
        const status: BatchStatus = batch.valid === 0 ? 'COMPLETED' : 'PROCESSING';
        await sql`
          UPDATE sf_production_batch SET status = ${status}, confirmed_by = ${caller.userID}, confirmed_at = now(),
                 completed_at = ${status === 'COMPLETED' ? sql`now()` : null}
           WHERE id = ${id} AND organization_id = ${caller.orgID}`;
        return { answer: statusJson({ ...batch, status }), uploader: batch.createdBy ?? caller.userID };
      });
      if (answer.status === 'PROCESSING') {
        deps.postCommit([
          { job: BATCH_IMPORT_JOB, data: { orgID: caller.orgID, batchID: id, userID: uploader, confirmedBy: caller.userID } },
        ]);
      }
      return c.json(answer, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/status',
      tags,
      ...sessionOrKey,
      summary: 'A batch’s status and progress',
      description:
        'Every member. VALIDATED (uploaded, not confirmed), PROCESSING (importing: `processed` of `total` valid rows), COMPLETED, or FAILED (`failure` says why).',
      request: { params: IdParams },
      responses: { 200: ok(BatchStatusSchema, 'The status'), ...errors() },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const caller = c.get('caller');
      const batch = await readInTenant(deps, caller, (tx) => batchOf(sqlOf(tx), caller, id));
      return c.json(statusJson(batch), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/errors.csv',
      tags,
      ...sessionOrKey,
      summary: 'A batch’s error report',
      description:
        'Every member. Every error found, at upload or at import, as CSV with the columns row, field, message (rows from 1, the header not counted), by row.',
      request: { params: IdParams },
      responses: {
        200: { description: 'The report', content: { 'text/csv': { schema: { type: 'string' as const } } } },
        ...errors(),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const caller = c.get('caller');
      await readInTenant(deps, caller, (tx) => batchOf(sqlOf(tx), caller, id));
      const stream = errorReportStream((work) => readInTenant(deps, caller, (tx) => work(sqlOf(tx))), {
        id,
        orgID: caller.orgID,
      });
      return c.body(stream, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="batch-${id.replace(/[^\w-]/g, '')}-errors.csv"`,
      });
    },
  );
  return app;
}
