import type { ApiResult, Person } from './people.ts';
import { answerOf, baseUrl, nextIp } from './people.ts';

export const BATCH_PATH = '/api/production/batch';

/** How a CSV goes up: as the body (text/csv) or in a multipart form's `file` field. */
export type UploadAs = 'csv' | 'multipart';

/** A CSV from a header and rows (arrays of cells), lines ending in \n. */
export const csvOf = (header: string[], rows: (string | number)[][]) =>
  `${[header, ...rows].map((r) => r.join(',')).join('\n')}\n`;

/**
 * Uploads `content` (text or bytes) to POST /api/production/batch as
 * `who` in `orgID`, signed in, and reads the JSON answer.
 */
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
export async function uploadBatch<T = any>(
  who: Pick<Person, 'cookie' | 'ip'>,
  orgID: string,
  content: string | Uint8Array,
  opts: { as?: UploadAs; name?: string; contentType?: string } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {
    origin: baseUrl(),
    cookie: who.cookie,
    'x-forwarded-for': who.ip ?? nextIp(),
    'x-organization-id': orgID,
  };
  let body: BodyInit;
  if ((opts.as ?? 'csv') === 'multipart') {
    const form = new FormData();
    form.append('note', 'a field before the file is skipped');
    form.append('file', new Blob([content as BlobPart], { type: 'text/csv' }), opts.name ?? 'production.csv');
    body = form;
  } else {
    headers['content-type'] = opts.contentType ?? 'text/csv';
    if (opts.name) headers['x-file-name'] = encodeURIComponent(opts.name);
    body = content as BodyInit;
  }
  return answerOf<T>(await fetch(`${baseUrl()}${BATCH_PATH}`, { method: 'POST', headers, body }));
}
