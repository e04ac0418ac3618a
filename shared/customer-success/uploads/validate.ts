import type { Frequency } from '../../kpi.ts';
import { readNumber, VALUE_LIMIT } from '../../numbers.ts';
import { type HealthCategory, isHealthCategory } from '../categories.ts';
import { type Cell, cellText, isBlank, type SheetCells } from './cells.ts';
import {
  CATEGORY_SHEETS,
  COLUMNS,
  type ColumnKey,
  columnsOf,
  FREQUENCIES,
  IMPACT_LEVELS,
  type ImpactLevel,
  KPI_NAME_LIMIT,
  MAX_ROWS,
  TEXT_LIMIT,
  UNIT_NAME_MAX,
  type UploadIssue,
  type UploadMode,
  type UploadRow,
} from './layout.ts';

type Read<T> = { ok: true; value: T } | { ok: false; message: string };
const fail = <T>(message: string): Read<T> => ({ ok: false, message });

/** A number column: numbers (a formula's saved result too) and number text; never a date, a word or an error. */
function readNumberCell(cell: Cell | undefined, label: string): Read<number> {
  if (!cell || isBlank(cell)) return fail(`${label} is required`);
  if (cell.kind === 'number') {
    return Number.isFinite(cell.value) && Math.abs(cell.value) <= VALUE_LIMIT
      ? { ok: true, value: cell.value }
      : fail(`${label} must be a number within ±${VALUE_LIMIT}`);
  }
  if (cell.kind === 'text') {
    const read = readNumber(cell.value);
    return read.ok ? read : fail(`${label} must be a number: ${read.reason}`);
  }
  if (cell.kind === 'date') return fail(`${label} must be a number, not a date`);
  if (cell.kind === 'boolean') return fail(`${label} must be a number, not ${cell.value ? 'TRUE' : 'FALSE'}`);
  const text = cellText(cell);
  return fail(`${label} ${typeof text === 'string' ? 'must be a number' : text.error}`);
}

function readText(cell: Cell | undefined, label: string, max: number): Read<string> {
  const text = cellText(cell);
  if (typeof text !== 'string') return fail(`${label} ${text.error}`);
  return text.length > max ? fail(`${label} must be at most ${max} characters`) : { ok: true, value: text };
}

/** A value of a fixed list, matched without regard to case; blank gives `byDefault`. */
function readChoice<T extends string>(
  cell: Cell | undefined,
  label: string,
  choices: readonly T[],
  byDefault: T | null,
): Read<T | null> {
  const text = readText(cell, label, 100);
  if (!text.ok) return text;
  if (text.value === '') return { ok: true, value: byDefault };
  const found = choices.find((c) => c.toLowerCase() === text.value.toLowerCase());
  return found ? { ok: true, value: found } : fail(`${label} must be one of ${choices.join(', ')}, not “${text.value}”`);
}

const norm = (s: string) => s.trim().toLowerCase();

/** Row 1 must name the mode's columns, in order; each wrong one is named. */
function headerIssues(sheet: SheetCells, mode: UploadMode): UploadIssue[] {
  const header = sheet.rows.find((r) => r.row === 1);
  return columnsOf(mode).flatMap((key, i) => {
    const { header: expected, letter } = COLUMNS[key];
    const text = cellText(header?.cells[i]);
    if (typeof text === 'string' && norm(text) === norm(expected)) return [];
    const found = typeof text === 'string' && text ? `“${text}”` : 'nothing';
    const hint = key === 'unit' ? ' (rollup mode names each row’s business unit there)' : '';
    return [{ sheet: sheet.name, row: 1, column: letter, message: `The header must be “${expected}”, found ${found}${hint}` }];
  });
}

/**
 * Reads and checks every row of the workbook, reporting each problem with its
 * sheet, row and column; rows with a problem are left out of `rows`. The
 * workbook is usable only when `issues` is empty.
 */
export function validateWorkbook(sheets: readonly SheetCells[], mode: UploadMode): { rows: UploadRow[]; issues: UploadIssue[] } {
  const issues: UploadIssue[] = [];
  const rows: UploadRow[] = [];
  const byName = new Map(sheets.map((s) => [s.name.trim(), s]));
  for (const category of CATEGORY_SHEETS) {
    if (!byName.has(category)) {
      issues.push({ sheet: category, row: null, column: null, message: `The sheet “${category}” is missing` });
    }
  }
  for (const sheet of sheets) {
    if (!isHealthCategory(sheet.name.trim())) {
      issues.push({
        sheet: sheet.name,
        row: null,
        column: null,
        message: `“${sheet.name}” is not a health category; sheets must be named ${CATEGORY_SHEETS.join(', ')}`,
      });
    }
  }
  const dataRows = sheets.reduce((n, s) => n + s.rows.filter((r) => r.row > 1).length, 0);
  if (dataRows > MAX_ROWS) {
    return {
      rows: [],
      issues: [
        { sheet: null, row: null, column: null, message: `The workbook has ${dataRows} rows; at most ${MAX_ROWS} are accepted` },
      ],
    };
  }

  // Where each KPI was first seen (its sheet), and each KPI and business unit (rollup) or KPI (corporate).
  const sheetOf = new Map<string, { sheet: string; row: number }>();
  const entryOf = new Map<string, { sheet: string; row: number }>();
  for (const sheet of sheets) {
    const category = sheet.name.trim();
    if (!isHealthCategory(category)) continue;
    const headers = headerIssues(sheet, mode);
    issues.push(...headers);
    if (headers.length) continue;
    for (const { row, cells } of sheet.rows) {
      if (row === 1 || cells.every((c) => isBlank(c))) continue;
      const read = readRow(cells, mode);
      const at = (key: ColumnKey, message: string) =>
        issues.push({ sheet: sheet.name, row, column: COLUMNS[key].letter, message });
      for (const [key, message] of read.issues) at(key, message);
      // A KPI named twice is reported even when the row has other problems.
      if (!read.name) continue;
      const name = norm(read.name);
      const key = `${name}\u0000${norm(read.unit ?? '')}`;
      const inOtherSheet = sheetOf.get(name);
      const twice = entryOf.get(key);
      if (inOtherSheet && inOtherSheet.sheet !== sheet.name) {
        at('name', `The KPI “${read.name}” is already in ${inOtherSheet.sheet}, row ${inOtherSheet.row}`);
      } else if (twice) {
        const unit = mode === 'rollup' ? ` for the business unit “${read.unit}”` : '';
        at('name', `The KPI “${read.name}” is already in ${twice.sheet}, row ${twice.row}${unit}`);
      } else {
        sheetOf.set(name, { sheet: sheet.name, row });
        entryOf.set(key, { sheet: sheet.name, row });
        if (read.row) rows.push({ sheet: sheet.name, row, category: category as HealthCategory, ...read.row });
      }
    }
  }
  if (issues.length === 0 && rows.length === 0) {
    issues.push({ sheet: null, row: null, column: null, message: 'The workbook has no KPI rows below the headers' });
  }
  return { rows: issues.length ? [] : rows, issues };
}

type RowFields = Omit<UploadRow, 'sheet' | 'row' | 'category'>;

/** One row's cells read and checked; every bad cell named by its column. */
function readRow(
  cells: Cell[],
  mode: UploadMode,
): { name: string | undefined; unit: string | null; row: RowFields | null; issues: [ColumnKey, string][] } {
  const issues: [ColumnKey, string][] = [];
  const take = <T>(key: ColumnKey, r: Read<T>): T | undefined => {
    if (r.ok) return r.value;
    issues.push([key, r.message]);
    return undefined;
  };
  const name = take('name', readText(cells[0], 'KPI parameter', KPI_NAME_LIMIT));
  if (name === '') issues.push(['name', 'KPI parameter is required']);
  const value = take('value', readNumberCell(cells[1], 'Data'));
  const weight = take('weight', isBlank(cells[2]) ? { ok: true, value: 1 } : readNumberCell(cells[2], 'Weight'));
  if (weight !== undefined && weight < 0) issues.push(['weight', 'Weight cannot be negative']);
  const impact = take('impact', readChoice<ImpactLevel>(cells[3], 'Impact level', IMPACT_LEVELS, null));
  const frequency = take('frequency', readChoice<Frequency>(cells[4], 'Measurement frequency', FREQUENCIES, 'monthly'));
  const sourceReview = take('sourceReview', readText(cells[5], 'Source review', TEXT_LIMIT));
  let unit: string | null = null;
  if (mode === 'rollup') {
    const text = take('unit', readText(cells[6], 'Business unit', UNIT_NAME_MAX));
    if (text === '') issues.push(['unit', 'Business unit is required in rollup mode']);
    unit = text || null;
  }
  const none = { name: name || undefined, unit, row: null, issues };
  if (issues.length || !name || value === undefined || weight === undefined || impact === undefined) return none;
  if (!frequency || sourceReview === undefined) return none;
  return { name, unit, row: { name, value, weight, impact, frequency, sourceReview, unit }, issues };
}
