import ExcelJS from 'exceljs';
import type { Cell, SheetCells } from '../../../shared/customer-success/uploads/cells.ts';
import { MAX_COLUMNS, MAX_ROWS } from '../../../shared/customer-success/uploads/layout.ts';
import { zipRefusal } from './zip-guard.ts';

/** A workbook refused whole (not an .xlsx, damaged, too big, too many rows), with the reason to show. */
export class WorkbookRefused extends Error {}

/** An exceljs cell value as the validator's Cell: formulas by their saved result, rich text and links by their text. */
export function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return { kind: 'text', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'date', value: value.getTime() };
  if ('error' in value) return { kind: 'error', value: String(value.error) };
  if ('richText' in value) return { kind: 'text', value: value.richText.map((r) => r.text).join('') };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    const formula = 'formula' in value ? value.formula : value.sharedFormula;
    if (result === undefined || result === null) return { kind: 'formula-without-result', formula: String(formula) };
    if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) {
      return { kind: 'error', value: String(result.error) };
    }
    return cellOf(result as ExcelJS.CellValue);
  }
  if ('text' in value) return cellOf(value.text as ExcelJS.CellValue);
  return { kind: 'text', value: String(value) };
}

/**
 * Reads an .xlsx into sheets of cells. Refuses (WorkbookRefused) a file that
 * is not a zip, would unpack too far, cannot be read as a workbook, or holds
 * more rows or columns than a KPI workbook could.
 */
export async function readWorkbook(bytes: Uint8Array): Promise<SheetCells[]> {
  const refusal = zipRefusal(bytes);
  if (refusal) throw new WorkbookRefused(refusal);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typing predates the generic Buffer of @types/node.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new WorkbookRefused('The file could not be read as an Excel workbook (.xlsx); it may be damaged or in another format');
  }
  const sheets: SheetCells[] = [];
  let rowCount = 0;
  for (const ws of workbook.worksheets) {
    const rows: SheetCells['rows'] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      rowCount++;
      const cells: Cell[] = [];
      for (let c = 1; c <= Math.min(row.cellCount, MAX_COLUMNS); c++) cells.push(cellOf(row.getCell(c).value));
      rows.push({ row: rowNumber, cells });
    });
    if (rowCount > MAX_ROWS + workbook.worksheets.length) {
      throw new WorkbookRefused(`The workbook has more than ${MAX_ROWS} rows; at most ${MAX_ROWS} KPI rows are accepted`);
    }
    sheets.push({ name: ws.name, rows });
  }
  return sheets;
}
