import type { UploadDiff } from '../../../../shared/customer-success/uploads/diff.ts';
import type { KpiValue, UploadIssue, UploadMode } from '../../../../shared/customer-success/uploads/layout.ts';
import { ORG_HEADER } from '../../../../sync/context.ts';
import { api } from '../../../lib/api.ts';
import { postFormWithProgress } from '../../../lib/file-transfer.ts';

export { downloadFile } from '../../../lib/file-transfer.ts';

/** POST /api/accounts/{id}/uploads's answer (server/rest/uploads/schemas.ts PreviewSchema). */
export interface UploadPreview {
  uploadId: string | null;
  mode: UploadMode;
  fileName: string;
  rows: { sheet: string; row: number; name: string; value: number; businessUnit: string | null }[];
  values: KpiValue[];
  errors: UploadIssue[];
  diff: UploadDiff | null;
  expiresAt: string | null;
}

const base = (accountID: string) => `/api/accounts/${encodeURIComponent(accountID)}/uploads`;

/** Sends the workbook for a preview, reporting the upload's progress (0..1). */
export function previewUpload(
  orgID: string,
  accountID: string,
  file: File,
  mode: UploadMode,
  onProgress: (fraction: number) => void,
): Promise<UploadPreview> {
  const form = new FormData();
  form.set('file', file);
  form.set('mode', mode);
  return postFormWithProgress<UploadPreview>(base(accountID), orgID, form, onProgress);
}

const headers = (orgID: string) => ({ [ORG_HEADER]: orgID });

export const confirmUpload = (orgID: string, accountID: string, uploadID: string) =>
  api.post(`${base(accountID)}/${encodeURIComponent(uploadID)}/confirm`, {}, headers(orgID));

export const discardUpload = (orgID: string, accountID: string, uploadID: string) =>
  api.delete(`${base(accountID)}/${encodeURIComponent(uploadID)}`, headers(orgID));

export const rollbackTo = (orgID: string, accountID: string, uploadID: string) =>
  api.post(`${base(accountID)}/${encodeURIComponent(uploadID)}/rollback`, {}, headers(orgID));

export const originalFileUrl = (accountID: string, uploadID: string) => `${base(accountID)}/${encodeURIComponent(uploadID)}/file`;
export const EXAMPLE_URL = '/api/uploads/example.xlsx';
