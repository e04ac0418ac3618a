import ExcelJS from 'exceljs';
import { HEALTH_CATEGORIES } from '../../shared/customer-success/categories.ts';
import { type ApiResult, baseUrl, type Person } from './people.ts';

export const HEADERS = ['KPI parameter', 'Data', 'Weight', 'Impact level', 'Measurement frequency', 'Source review'];

type Rows = Record<string, ExcelJS.CellValue[][]>;

/**
 * An .xlsx built with exceljs: the five category sheets with the headers
 * (plus "Business unit" when `rollup`), the given rows per sheet; `sheets`
 * replaces the sheet names (to leave one out or add a stranger).
 */
export async function buildWorkbook(
  rows: Rows,
  opts: { sheets?: string[]; rollup?: boolean; headers?: string[] } = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const headers = opts.headers ?? (opts.rollup ? [...HEADERS, 'Business unit'] : HEADERS);
  for (const name of opts.sheets ?? HEALTH_CATEGORIES) {
    const ws = wb.addWorksheet(name);
    ws.addRow(headers);
    for (const row of rows[name] ?? []) ws.addRow(row);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** POSTs a workbook to the account's uploads as `who` in `org` (multipart: file and mode), answering status and JSON. */
export async function postWorkbook(
  who: Pick<Person, 'cookie' | 'ip'>,
  org: string,
  accountID: string,
  bytes: Uint8Array,
  opts: { mode?: string; name?: string; type?: string } = {},
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
): Promise<ApiResult<any>> {
  const form = new FormData();
  const type = opts.type ?? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  form.set('file', new Blob([Uint8Array.from(bytes)], { type }), opts.name ?? 'kpis.xlsx');
  if (opts.mode) form.set('mode', opts.mode);
  const res = await fetch(`${baseUrl()}/api/accounts/${accountID}/uploads`, {
    method: 'POST',
    headers: { origin: baseUrl(), cookie: who.cookie, 'x-forwarded-for': who.ip, 'x-organization-id': org },
    body: form,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body, headers: res.headers };
}

/** GETs raw bytes (a file download) as `who` in `org`. */
export async function download(who: Pick<Person, 'cookie' | 'ip'>, org: string, path: string) {
  const res = await fetch(`${baseUrl()}${path}`, {
    headers: { origin: baseUrl(), cookie: who.cookie, 'x-forwarded-for': who.ip, 'x-organization-id': org },
  });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}
