import ExcelJS from 'exceljs';
import type { Cell, Column, ColumnType, ReportModel, Table } from './model.ts';

/** Excel number formats per column type; percentages are fractions shown with %. */
function numberFormat(column: Column): string | undefined {
  const decimals = (n: number) => (n > 0 ? `0.${'0'.repeat(n)}` : '0');
  const formats: Record<ColumnType, string | undefined> = {
    text: undefined,
    integer: '#,##0',
    number: `#,##${decimals(column.decimals ?? 2)}`,
    percent: `${decimals(column.decimals ?? 1)}%`,
    date: 'yyyy-mm-dd',
    datetime: 'yyyy-mm-dd hh:mm',
  };
  return formats[column.type];
}

/** A cell's value as Excel stores it: dates (epoch ms) as real dates, numbers as numbers, nothing as empty. */
function cellValue(cell: Cell, column: Column): ExcelJS.CellValue {
  if (cell === null || cell === '') return null;
  if (typeof cell === 'number' && (column.type === 'date' || column.type === 'datetime')) return new Date(cell);
  return cell;
}

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ], and unique in the workbook. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

function addTable(book: ExcelJS.Workbook, table: Table, taken: Set<string>) {
  const sheet = book.addWorksheet(sheetName(table.title, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({
    header: c.header,
    width: Math.max(12, c.header.length + 2, c.type === 'text' ? 24 : 0),
    style: { numFmt: numberFormat(c) },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const cells of table.rows) {
    sheet.addRow(cells.map((cell, i) => cellValue(cell, table.columns[i] ?? { header: '', type: 'text' })));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
}

/**
 * The report as a workbook: a "Report" sheet first (organization, title,
 * period, when made, the key figures and notes, such as "no data"), then one
 * sheet per table with a bold, frozen header row and typed cells.
 */
export async function renderXlsx(model: ReportModel): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = model.organization;
  book.created = new Date(model.generatedAt);
  const taken = new Set<string>();
  const about: Table = {
    title: 'Report',
    columns: [
      { header: 'Item', type: 'text' },
      { header: 'Value', type: 'text' },
    ],
    rows: [
      ['Organization', model.organization],
      ['Report', model.title],
      ['From', model.period.from],
      ['To', model.period.to],
      ['Generated (UTC)', new Date(model.generatedAt).toISOString().slice(0, 16).replace('T', ' ')],
      ...model.figures.map((f) => [f.label, f.value]),
      ...model.notes.map((n) => ['Note', n]),
    ],
  };
  addTable(book, about, taken);
  for (const table of model.tables) addTable(book, table, taken);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
