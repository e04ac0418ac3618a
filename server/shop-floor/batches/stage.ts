import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import type { TransactionSql } from 'postgres';
import { AppError, type FieldIssue } from '../../../shared/errors.ts';
import {
  type BatchColumn,
  type BatchRowError,
  checkBatchRow,
  columnName,
  headerProblems,
  type StagedRow,
} from '../../../shared/shop-floor/batches.ts';
import { utf8Text } from './decode.ts';
import { loadBatchRefs } from './refs.ts';
import type { UploadedFile } from './upload-body.ts';

/**
 * Valid rows per staged chunk (one sf_production_batch_chunk row, which the
 * import enters in one transaction), and errors per INSERT into the report:
 * memory stays flat whatever the file's size.
 */
export const STAGE_CHUNK = 2000;
/** The most data rows one file may have. */
export const MAX_BATCH_ROWS = 200_000;
/** Errors returned in the upload's answer; the error report has them all. */
export const ERRORS_SHOWN = 1000;
/** The longest row taken: a longer one is not a CSV row (10 MB of garbage with no line break). */
const MAX_ROW_CHARS = 64 * 1024;

export interface BatchSummary {
  batchId: string;
  total: number;
  valid: number;
  invalid: number;
  errors: BatchRowError[];
}

const fileRefused = (msg: string, details: FieldIssue[] = [{ loc: ['body', 'file'], msg, type: 'file' }]) =>
  new AppError('VALIDATION_FAILED', msg, details);

const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);

/** A staged row as sf_production_batch_chunk.rows holds it (see migration 022). */
const stagedJson = (r: StagedRow) => ({
  r: r.row,
  w: r.workOrderID,
  l: r.lineID,
  s: r.shiftID,
  d: isoDay(r.shiftDate),
  p: r.unitsProduced,
  x: r.unitsDefective,
  h: r.runHours,
  e: r.employeesAssigned,
});

/** The staging table's and the error report's writes, a chunk at a time. */
function stagingWriter(sql: TransactionSql, batchID: string, orgID: string) {
  let rows: StagedRow[] = [];
  let chunk = 0;
  let errors: BatchRowError[] = [];
  let seq = 0;
  const flushRows = async () => {
    if (rows.length === 0) return;
    const staged = rows.map(stagedJson);
    rows = [];
    await sql`
      INSERT INTO sf_production_batch_chunk (batch_id, organization_id, chunk, rows)
      VALUES (${batchID}, ${orgID}, ${chunk++}, ${sql.json(staged)})`;
  };
  const flushErrors = async () => {
    if (errors.length === 0) return;
    const values = errors.map((e) => ({
      batch_id: batchID,
      organization_id: orgID,
      seq: ++seq,
      row_number: e.row,
      field: e.field.slice(0, 100),
      message: e.message.slice(0, 1000),
    }));
    errors = [];
    await sql`INSERT INTO sf_production_batch_error ${sql(values)}`;
  };
  return {
    async row(r: StagedRow) {
      rows.push(r);
      if (rows.length >= STAGE_CHUNK) await flushRows();
    },
    async errors(list: BatchRowError[]) {
      errors.push(...list);
      if (errors.length >= STAGE_CHUNK) await flushErrors();
    },
    async flush() {
      await flushRows();
      await flushErrors();
    },
  };
}

/** The CSV's records (arrays of trimmed cells), parsed as the text streams in. */
function csvRecords(file: UploadedFile): AsyncIterable<string[]> {
  const parser = parse({ relax_column_count: true, skip_empty_lines: true, trim: true, max_record_size: MAX_ROW_CHARS });
  // The parser pulls text as it needs it; an encoding refusal or a parse error ends the iteration with that error.
  pipeline(Readable.from(utf8Text(file.chunks)), parser).catch(() => {});
  return parser;
}

/** A csv-parse error as what the person can fix. */
function parseRefusal(err: CsvError): AppError {
  const line = /line (\d+)/.exec(err.message)?.[1];
  if (err.code === 'CSV_MAX_RECORD_SIZE') {
    return fileRefused(
      `Line ${line ?? '?'} is longer than ${MAX_ROW_CHARS / 1024} KB: this is not a production CSV (or a quote is never closed)`,
    );
  }
  return fileRefused(`The file is not a readable CSV at line ${line ?? '?'}: ${err.message.replace(/^[^:]*: /, '')}`);
}

/**
 * Reads the file row by row into a new batch: the header checked (unknown or
 * missing columns refuse the whole file, naming them), then every data row
 * checked (shared/shop-floor/batches.ts) against the organization's rows;
 * the valid ones go to the staging table, STAGE_CHUNK rows a chunk, and
 * every problem to the error report. Runs in the uploader's tenant transaction:
 * a refusal part-way (encoding, size, a broken CSV) rolls it all back.
 */
export async function stageBatch(
  sql: TransactionSql,
  batch: { id: string; orgID: string; userID: string; fileName: () => string | null; fileSize: () => number },
  file: UploadedFile,
): Promise<BatchSummary> {
  await sql`
    INSERT INTO sf_production_batch (id, organization_id, status, total, valid, invalid, created_by, created_at)
    VALUES (${batch.id}, ${batch.orgID}, 'VALIDATED', 0, 0, 0, ${batch.userID}, now())`;
  const refs = await loadBatchRefs(sql, batch.orgID);
  const staging = stagingWriter(sql, batch.id, batch.orgID);
  const shown: BatchRowError[] = [];
  let header: BatchColumn[] | null = null;
  let total = 0;
  let invalid = 0;
  try {
    for await (const record of csvRecords(file)) {
      if (!header) {
        const problems = headerProblems(record);
        if (problems.length > 0) {
          const details = problems.map((p) => ({ loc: ['body', 'file', 'header', p.field], msg: p.message, type: 'column' }));
          throw fileRefused(`The header row is not a production CSV's: ${problems.map((p) => p.message).join('; ')}`, details);
        }
        header = record.map(columnName) as BatchColumn[];
        continue;
      }
      total++;
      if (total > MAX_BATCH_ROWS) {
        throw fileRefused(`The file has more than ${MAX_BATCH_ROWS.toLocaleString('en-US')} rows: split it into smaller files`);
      }
      const cells: Partial<Record<BatchColumn, string>> = {};
      header.forEach((column, i) => {
        cells[column] = record[i] ?? '';
      });
      const checked = checkBatchRow(total, cells, refs);
      const extra = record.slice(header.length).some((c) => c !== '');
      const errors = checked.ok ? [] : checked.errors;
      if (extra) {
        const message = `The row has ${record.length} values but the header names ${header.length} columns`;
        errors.unshift({ row: total, field: 'row', message });
      }
      if (checked.ok && !extra) await staging.row(checked.staged);
      else {
        invalid++;
        if (shown.length < ERRORS_SHOWN) shown.push(...errors.slice(0, ERRORS_SHOWN - shown.length));
        await staging.errors(errors);
      }
    }
  } catch (err) {
    throw err instanceof CsvError ? parseRefusal(err) : err;
  }
  if (!header) throw fileRefused('The file is empty: send a header row and at least one data row');
  if (total === 0) throw fileRefused('The file has a header but no data rows');
  await staging.flush();
  const valid = total - invalid;
  await sql`
    UPDATE sf_production_batch SET total = ${total}, valid = ${valid}, invalid = ${invalid},
           file_name = ${batch.fileName() || null}, file_size = ${batch.fileSize()}
     WHERE id = ${batch.id} AND organization_id = ${batch.orgID}`;
  return { batchId: batch.id, total, valid, invalid, errors: shown };
}
