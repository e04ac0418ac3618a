import Papa from 'papaparse';
import type { FieldIssue } from './errors.ts';
import { readIsoDate } from './iso-date.ts';
import { dataPointInput } from './kpi.ts';
import { type DecimalSeparator, readNumber } from './numbers.ts';

/** At most this many rows per import (one transaction). */
export const IMPORT_MAX_ROWS = 5000;

export interface ImportRow {
  /** 1-based line in the file, counting the header. */
  line: number;
  value: number;
  recordedAt: number;
  note: string;
}

/** How the values' decimal separator was settled. */
export interface DecimalReading {
  separator: DecimalSeparator;
  /** 'file': the values show it ("6,5", "1,234.5"); 'chosen': the person picked it; 'assumed': the default. */
  source: 'file' | 'chosen' | 'assumed';
  /** Some values read differently with "." and "," ("1,234": 1234 or 1.234) and nothing in the file settles it. */
  ambiguous: boolean;
}

export interface ImportPreview {
  rows: ImportRow[];
  /** One entry per bad field: loc is ["line N", column]. */
  errors: FieldIssue[];
  total: number;
  /** The column delimiter the file uses. */
  delimiter: string;
  decimal: DecimalReading;
  /** Columns of the file that are not imported, as the header names them. */
  ignoredColumns: string[];
}

export interface ImportOptions {
  /** The person's choice of decimal separator, for a file that does not settle it. */
  decimal?: DecimalSeparator;
  /** The separator to assume otherwise: the organization's locale's. Default '.'. */
  defaultDecimal?: DecimalSeparator;
}

const VALUE_COLUMNS = ['value', 'amount', 'current_value', 'currentvalue'];
const TIME_COLUMNS = ['recordedat', 'recorded_at', 'date', 'time', 'timestamp', 'at'];
const NOTE_COLUMNS = ['note'];
const KNOWN = new Set([...VALUE_COLUMNS, ...TIME_COLUMNS, ...NOTE_COLUMNS]);
const DELIMITERS = [',', ';', '\t', '|'];
export const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'vertical bar' };

/**
 * The file's delimiter: the one that splits the header into the most of the
 * column names we know ("date;value" is semicolon-separated however many
 * commas its values hold); papaparse's guess from the rows when the header
 * names none.
 */
function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  let best = { delimiter: '', known: 0 };
  for (const delimiter of DELIMITERS) {
    const cells = Papa.parse<string[]>(header, { delimiter }).data[0] ?? [];
    const known = cells.filter((c) => KNOWN.has(c.trim().toLowerCase())).length;
    if (known > best.known) best = { delimiter, known };
  }
  if (best.known > 0) return best.delimiter;
  return Papa.parse(text, { preview: 20, delimitersToGuess: DELIMITERS }).meta.delimiter || ',';
}

/** What one value says about the decimal separator: '.', ',', either (as in "1,234"), or nothing. */
function decimalHint(cell: string): DecimalSeparator | 'either' | null {
  const core = cell.trim().replace(/^[+\-\u2212]/, '');
  const dot = core.lastIndexOf('.');
  const comma = core.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ',';
  if (dot < 0 && comma < 0) return null;
  const separator = dot >= 0 ? '.' : ',';
  const other = separator === '.' ? ',' : '.';
  // Twice ("1.234.567") it can only group thousands.
  if (core.indexOf(separator) !== core.lastIndexOf(separator)) return other;
  // One separator before exactly three digits groups or decimates alike; "0,500" is no grouping.
  return /^[1-9]\d{0,2}[.,]\d{3}$/.test(core) ? 'either' : separator;
}

/**
 * The values' decimal separator: the person's choice, else what most values
 * show (the others are then refused, each with its reason), else the
 * default. Ambiguous when values could be read both ways and none shows it.
 */
function detectDecimal(cells: readonly string[], options: ImportOptions): DecimalReading {
  const hints = cells.map(decimalHint);
  const dots = hints.filter((h) => h === '.').length;
  const commas = hints.filter((h) => h === ',').length;
  const fallback = options.defaultDecimal ?? '.';
  const ambiguous = dots === 0 && commas === 0 && hints.includes('either');
  if (options.decimal) return { separator: options.decimal, source: 'chosen', ambiguous };
  if (dots === commas) return { separator: fallback, source: 'assumed', ambiguous };
  return { separator: dots > commas ? '.' : ',', source: 'file', ambiguous };
}

/** The header's columns: which one holds values, dates, notes, and the ones left out (named). */
function readHeader(header: readonly string[], rows: readonly string[][]) {
  const names = header.map((h) => h.trim().toLowerCase());
  const value = names.findIndex((n) => VALUE_COLUMNS.includes(n));
  const time = names.findIndex((n) => TIME_COLUMNS.includes(n));
  const note = names.findIndex((n) => NOTE_COLUMNS.includes(n));
  const width = Math.max(header.length, ...rows.map((r) => r.length));
  const ignored: string[] = [];
  for (let i = 0; i < width; i++) {
    if (i === value || i === time || i === note) continue;
    const name = header[i]?.trim();
    // A nameless column counts only when it holds something (a trailing delimiter makes an empty one).
    if (name) ignored.push(name);
    else if (rows.some((r) => (r[i] ?? '').trim() !== '')) ignored.push(`column ${i + 1} (no name)`);
  }
  return { value, time, note, ignored };
}

/**
 * Reads a CSV of data points for one KPI: a header row naming a value column
 * and a date column (an optional note column), then one point per row. The
 * delimiter and the decimal separator come from the file (see above);
 * numbers are read by readNumber, dates by readIsoDate, both as strictly as
 * in the forms. Every bad row is reported with its line and column, columns
 * that are not imported are named, and good rows are returned for the person
 * to confirm. Nothing is written here.
 */
export function parsePointsCsv(text: string, options: ImportOptions = {}): ImportPreview {
  const trimmed = text.trim();
  const delimiter = detectDelimiter(trimmed);
  const [header = [], ...records] = Papa.parse<string[]>(trimmed, { delimiter, skipEmptyLines: 'greedy' }).data;
  const columns = readHeader(header, records);
  const valueName = header[columns.value]?.trim() ?? 'value';
  const timeName = header[columns.time]?.trim() ?? 'date';
  const decimal = detectDecimal(
    records.map((r) => r[columns.value] ?? ''),
    options,
  );
  const preview = { rows: [] as ImportRow[], errors: [] as FieldIssue[], total: records.length, delimiter, decimal };

  if (columns.value < 0 || columns.time < 0) {
    const missing = [columns.value < 0 && 'a "value" column', columns.time < 0 && 'a "date" (or "recordedAt") column']
      .filter(Boolean)
      .join(' and ');
    preview.errors.push({ loc: ['line 1', 'header'], msg: `The header row needs ${missing}`, type: 'missing_column' });
    return { ...preview, ignoredColumns: [] };
  }
  if (records.length > IMPORT_MAX_ROWS) {
    const msg = `At most ${IMPORT_MAX_ROWS} rows per import; this file has ${records.length}`;
    preview.errors.push({ loc: ['file'], msg, type: 'too_many_rows' });
    return { ...preview, ignoredColumns: columns.ignored };
  }

  records.forEach((record, i) => {
    const line = i + 2;
    const issue = (column: string, msg: string, type: string) =>
      preview.errors.push({ loc: [`line ${line}`, column], msg, type });
    const rawValue = record[columns.value] ?? '';
    const value = readNumber(rawValue, { decimal: decimal.separator });
    const time = readIsoDate(record[columns.time] ?? '');
    if (!value.ok) issue(valueName, rawValue.trim() === '' ? 'Value is required' : value.reason, 'invalid_number');
    if (!time.ok) issue(timeName, time.reason, 'invalid_date');
    if (!value.ok || !time.ok) return;
    const note = columns.note < 0 ? '' : (record[columns.note] ?? '');
    const result = dataPointInput.safeParse({ value: value.value, recordedAt: time.value, note });
    if (!result.success) {
      for (const e of result.error.issues) {
        const field = String(e.path[0] ?? 'row');
        issue(field === 'recordedAt' ? timeName : field === 'value' ? valueName : field, e.message, e.code);
      }
      return;
    }
    preview.rows.push({ line, value: result.data.value, recordedAt: time.value, note: result.data.note });
  });
  return { ...preview, ignoredColumns: columns.ignored };
}
