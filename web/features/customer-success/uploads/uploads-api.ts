import type { UploadDiff } from '../../../../shared/customer-success/uploads/diff.ts';
import type { KpiValue, UploadIssue, UploadMode } from '../../../../shared/customer-success/uploads/layout.ts';
import { ORG_HEADER } from '../../../../sync/context.ts';
import { ApiError, api } from '../../../lib/api.ts';

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

/**
 * Sends the workbook for a preview. XMLHttpRequest rather than fetch: it
 * reports the upload's progress (0..1) as it goes.
 */
export function previewUpload(
  orgID: string,
  accountID: string,
  file: File,
  mode: UploadMode,
  onProgress: (fraction: number) => void,
): Promise<UploadPreview> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', base(accountID));
    xhr.setRequestHeader(ORG_HEADER, orgID);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'Cannot reach the server. Check your connection and try again.'));
    xhr.onload = () => {
      let data: { error?: { code?: string; message?: string; details?: [] } } | null = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as unknown as UploadPreview);
      else {
        const err = data?.error;
        reject(
          new ApiError(
            xhr.status,
            (err?.code ?? 'INTERNAL') as 'INTERNAL',
            err?.message || `Upload failed (${xhr.status})`,
            err?.details ?? [],
          ),
        );
      }
    };
    const form = new FormData();
    form.set('file', file);
    form.set('mode', mode);
    xhr.send(form);
  });
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

/** Downloads a file of the API in the organization (a plain link could not send the organization header). */
export async function downloadFile(orgID: string, url: string, fileName: string): Promise<void> {
  const res = await fetch(url, { credentials: 'same-origin', headers: headers(orgID) });
  if (!res.ok) throw new ApiError(res.status, 'INTERNAL', `The download failed (${res.status})`);
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
