/**
 * A cell as the validator sees it, whatever the file format made of it: a
 * number, text, a boolean, a date (epoch ms), an error value such as #DIV/0!,
 * a formula whose result was never saved, or nothing.
 */
export type Cell =
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: number }
  | { kind: 'error'; value: string }
  | { kind: 'formula-without-result'; formula: string }
  | { kind: 'empty' };

/** One sheet: its name and its non-empty rows (1-based row numbers), cells by column index from 0. */
export interface SheetCells {
  name: string;
  rows: { row: number; cells: Cell[] }[];
}

export const EMPTY: Cell = { kind: 'empty' };

export function isBlank(cell: Cell | undefined): boolean {
  return !cell || cell.kind === 'empty' || (cell.kind === 'text' && cell.value.trim() === '');
}

/** Text for a text column: numbers and booleans as written, dates as YYYY-MM-DD. */
export function cellText(cell: Cell | undefined): string | { error: string } {
  if (!cell) return '';
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'text':
      return cell.value.trim();
    case 'number':
      return String(cell.value);
    case 'boolean':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'date':
      return new Date(cell.value).toISOString().slice(0, 10);
    case 'error':
      return { error: `holds the error ${cell.value}` };
    case 'formula-without-result':
      return { error: `is a formula (=${cell.formula}) with no saved result; open the file in Excel and save it again` };
  }
}
