import ExcelJS from 'exceljs';
import { HEALTH_CATEGORIES } from '../../shared/customer-success/categories.ts';

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
