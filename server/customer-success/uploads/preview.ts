import { randomUUID } from 'node:crypto';
import { diffValues, type UploadDiff } from '../../../shared/customer-success/uploads/diff.ts';
import {
  type KpiValue,
  MAX_FILE_BYTES,
  PREVIEW_TTL_MS,
  type UploadIssue,
  type UploadMode,
  type UploadRow,
} from '../../../shared/customer-success/uploads/layout.ts';
import { kpiValues } from '../../../shared/customer-success/uploads/rollup.ts';
import { validateWorkbook } from '../../../shared/customer-success/uploads/validate.ts';
import { AppError } from '../../../shared/errors.ts';
import type { ZeroContext } from '../../../sync/context.ts';
import { rangeOfRow } from '../../../sync/health-config.ts';
import { authorize } from '../../../sync/permissions.ts';
import { findOwned, scoped } from '../../../sync/tenant.ts';
import type { DbTransaction } from '../../zero/db-provider.ts';
import { readWorkbook, WorkbookRefused } from './parse.ts';

export interface UploadFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export interface Preview {
  uploadId: string | null;
  mode: UploadMode;
  fileName: string;
  rows: UploadRow[];
  values: KpiValue[];
  errors: UploadIssue[];
  diff: UploadDiff | null;
  expiresAt: number | null;
}

const fileIssue = (msg: string, type: string) => [{ loc: ['body', 'file'], msg, type }];

/** The values of the account's latest version (none before the first). */
export async function latestValues(tx: DbTransaction, ctx: ZeroContext, orgID: string, accountID: string) {
  const latest = await tx.run(
    scoped('kpiUpload', orgID, ctx)
      .where('accountID', accountID)
      .where('version', 'IS NOT', null)
      .orderBy('version', 'desc')
      .one(),
  );
  return latest?.kpiValues ?? [];
}

/** The diff of `values` against the latest version, with the organization's reference ranges for the bands. */
async function diffAgainstLatest(tx: DbTransaction, ctx: ZeroContext, orgID: string, accountID: string, values: KpiValue[]) {
  const ranges = await tx.run(scoped('referenceRange', orgID, ctx));
  const byName = new Map(ranges.map((r) => [r.kpiName.trim().toLowerCase(), rangeOfRow(r)]));
  const latest = await latestValues(tx, ctx, orgID, accountID);
  return diffValues(latest, values, (name) => byName.get(name.trim().toLowerCase()));
}

/**
 * Parses and checks an uploaded workbook for an account, inside the caller's
 * tenant transaction (managers and up; the account must be the
 * organization's). A workbook refused whole (not an .xlsx, damaged, too big,
 * too many rows) is an AppError. A workbook with bad cells answers its
 * errors and stores nothing. A good one is stored as a preview (file, parsed
 * rows, values, diff) that expires after PREVIEW_TTL_MS; nothing else is
 * written until it is confirmed.
 */
export async function previewUpload(
  tx: DbTransaction,
  ctx: ZeroContext,
  p: { orgID: string; accountID: string; mode: UploadMode; file: UploadFile },
): Promise<Preview> {
  await authorize(tx, ctx, 'kpiUpload', 'upload');
  await findOwned(tx, 'account', p.orgID, p.accountID);
  const { file, mode } = p;
  if (file.bytes.length === 0)
    throw new AppError('VALIDATION_FAILED', 'The file is empty', fileIssue('The file is empty', 'empty'));
  if (file.bytes.length > MAX_FILE_BYTES) {
    throw new AppError('TOO_LARGE', `The file is over ${MAX_FILE_BYTES / 1_000_000} MB`);
  }
  let sheets: Awaited<ReturnType<typeof readWorkbook>>;
  try {
    sheets = await readWorkbook(file.bytes);
  } catch (err) {
    if (err instanceof WorkbookRefused) throw new AppError('VALIDATION_FAILED', err.message, fileIssue(err.message, 'workbook'));
    throw err;
  }
  const { rows, issues } = validateWorkbook(sheets, mode);
  const base = { mode, fileName: file.name, rows, errors: issues };
  if (issues.length) return { ...base, uploadId: null, values: [], diff: null, expiresAt: null };

  const values = kpiValues(rows, mode);
  const diff = await diffAgainstLatest(tx, ctx, p.orgID, p.accountID, values);
  const id = randomUUID();
  const now = Date.now();
  const expiresAt = now + PREVIEW_TTL_MS;
  const sql = tx.dbTransaction.wrappedTransaction;
  await sql`
    INSERT INTO kpi_upload (id, organization_id, account_id, mode, file_name, file_size, parsed_rows, kpi_values, diff,
      row_count, kpi_count, added_count, changed_count, removed_count, band_moves_count, created_by, created_at, expires_at)
    VALUES (${id}, ${p.orgID}, ${p.accountID}, ${mode}, ${file.name}, ${file.bytes.length}, ${sql.json(rows as never)},
      ${sql.json(values as never)}, ${sql.json(diff as never)}, ${rows.length}, ${values.length}, ${diff.added.length},
      ${diff.changed.length}, ${diff.removed.length}, ${diff.bandMoves.length}, ${ctx.userID}, ${new Date(now)}, ${new Date(expiresAt)})`;
  await sql`
    INSERT INTO kpi_upload_file (upload_id, organization_id, content_type, bytes)
    VALUES (${id}, ${p.orgID}, ${file.type || 'application/octet-stream'}, ${Buffer.from(file.bytes)})`;
  return { ...base, uploadId: id, values, diff, expiresAt };
}
