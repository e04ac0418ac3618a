import type { ErrorCode, FieldIssue } from '../../shared/errors.ts';
import { ORG_HEADER } from '../../sync/context.ts';
import { ApiError } from './api.ts';

/**
 * Sends a multipart form to `url` in the organization and reads the JSON
 * answer. XMLHttpRequest rather than fetch: it reports the upload's progress
 * (0..1) as it goes. An API error becomes an ApiError, as api.ts makes them.
 */
export function postFormWithProgress<T>(
  url: string,
  orgID: string,
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader(ORG_HEADER, orgID);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'Cannot reach the server. Check your connection and try again.'));
    xhr.onload = () => {
      let data: { error?: { code?: ErrorCode; message?: string; details?: FieldIssue[] } } | null = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data as T);
        return;
      }
      const err = data?.error;
      reject(
        new ApiError(xhr.status, err?.code ?? 'INTERNAL', err?.message || `Upload failed (${xhr.status})`, err?.details ?? []),
      );
    };
    xhr.send(form);
  });
}

/** Downloads a file of the API in the organization (a plain link could not send the organization header). */
export async function downloadFile(orgID: string, url: string, fileName: string): Promise<void> {
  const res = await fetch(url, { credentials: 'same-origin', headers: { [ORG_HEADER]: orgID } });
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
