import { createRequire } from 'node:module';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

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
