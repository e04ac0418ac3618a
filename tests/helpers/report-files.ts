import { createRequire } from 'node:module';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect } from 'vitest';
import { baseUrl, nextIp } from './people.ts';
import type { RestAuth } from './rest.ts';

// The metrics of PDF's standard fonts (Helvetica, ...), which pdf.js reads from files in Node.
const STANDARD_FONTS = `${path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

/** A PDF's pages and each page's text (runs joined by spaces), read back with Mozilla's pdf.js. */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: string[]; text: string }> {
  const task = getDocument({ data: bytes.slice(), standardFontDataUrl: STANDARD_FONTS });
  const doc = await task.promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await task.destroy();
  return { pages, text: pages.join('\n') };
}

/** A workbook read back with exceljs. */
export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.slice().buffer);
  return book;
}

/** A sheet's rows as arrays of cell values (row 1 is the header), without exceljs's leading empty slot. */
export function sheetRows(book: ExcelJS.Workbook, name: string): ExcelJS.CellValue[][] {
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet “${name}”; sheets: ${book.worksheets.map((s) => s.name).join(', ')}`);
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    rows.push((row.values as ExcelJS.CellValue[]).slice(1));
  });
  return rows;
}

/** A report download: its status, headers and bytes, and the file name its Content-Disposition gives. */
export interface Download {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
  fileName: string | undefined;
  /** The body as JSON (an error), when it is JSON. */
  json: () => { error: { code: string; message: string; details: { loc: (string | number)[] }[] } };
}

/** GETs a report as `auth` (a person's session in an organization, an API key, or no one). */
export async function getReport(auth: RestAuth, path: string): Promise<Download> {
  const headers: Record<string, string> = { origin: baseUrl(), 'x-forwarded-for': nextIp() };
  if ('person' in auth && auth.person) {
    headers.cookie = auth.person.cookie;
    headers['x-forwarded-for'] = auth.person.ip;
    if ('org' in auth && auth.org) headers['x-organization-id'] = auth.org;
  }
  if ('key' in auth && auth.key) headers.authorization = `Bearer ${auth.key}`;
  const res = await fetch(`${baseUrl()}${path}`, { headers });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const fileName = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  return { status: res.status, headers: res.headers, bytes, fileName, json: () => JSON.parse(new TextDecoder().decode(bytes)) };
}

export const PDF = 'application/pdf';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Expects a PDF download: its type, file name and pages ("Page n of m" on each); returns its text. */
export async function expectPdf(download: Download, fileName: string) {
  expect(download.status, new TextDecoder().decode(download.bytes.slice(0, 400))).toBe(200);
  expect(download.headers.get('content-type')).toBe(PDF);
  expect(download.fileName).toBe(fileName);
  const pdf = await pdfText(download.bytes);
  pdf.pages.forEach((page, i) => {
    expect(page).toContain(`Page ${i + 1} of ${pdf.pages.length}`);
  });
  return pdf;
}

/** Expects an XLSX download with the file name; returns the workbook. */
export async function expectXlsx(download: Download, fileName: string) {
  expect(download.status, new TextDecoder().decode(download.bytes.slice(0, 400))).toBe(200);
  expect(download.headers.get('content-type')).toBe(XLSX);
  expect(download.fileName).toBe(fileName);
  return readWorkbook(download.bytes);
}

/** The organization's name as the reports put it in a file name (spaces to _). */
export const fileOrg = (name: string) => name.replace(/[^A-Za-z0-9-]+/g, '_').replace(/^_+|_+$/g, '');
