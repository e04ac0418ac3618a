import type { BatchRowError, BatchStatus } from '../../../../shared/shop-floor/batches.ts';
import { ORG_HEADER } from '../../../../sync/context.ts';
import { api } from '../../../lib/api.ts';
import { downloadFile, postFormWithProgress } from '../../../lib/file-transfer.ts';

/** POST /api/production/batch's answer (server/rest/production-batches/schemas.ts). */
export interface BatchUpload {
  batchId: string;
  total: number;
  valid: number;
  invalid: number;
  errors: BatchRowError[];
}

const BASE = '/api/production/batch';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

/** Sends the CSV (multipart, field `file`), reporting the upload's progress (0..1). */
export function uploadBatch(orgID: string, file: File, onProgress: (fraction: number) => void): Promise<BatchUpload> {
  const form = new FormData();
  form.set('file', file);
  return postFormWithProgress<BatchUpload>(BASE, orgID, form, onProgress);
}

/** Starts the import of the batch's valid rows; its progress then arrives through sync. */
export const confirmBatch = (orgID: string, id: string) =>
  api.post<{ status: BatchStatus; processed: number; total: number }>(`${one(id)}/confirm`, {}, { [ORG_HEADER]: orgID });

export const downloadErrorReport = (orgID: string, id: string) =>
  downloadFile(orgID, `${one(id)}/errors.csv`, `batch-${id.slice(0, 8)}-errors.csv`);
