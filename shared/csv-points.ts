import Papa from 'papaparse';
import type { FieldIssue } from './errors.ts';
import { dataPointInput } from './kpi.ts';

/** At most this many rows per import (one transaction). */
export const IMPORT_MAX_ROWS = 5000;

export interface ImportRow {
  /** 1-based line in the file, counting the header. */
  line: number;
  value: number;
  recordedAt: number;
  note: string;
}

export interface ImportPreview {
  rows: ImportRow[];
  /** One entry per bad field: loc is ["line N", field]. */
  errors: FieldIssue[];
  total: number;
}

const VALUE_COLUMNS = ['value', 'amount', 'current_value', 'currentvalue'];
const TIME_COLUMNS = ['recordedat', 'recorded_at', 'date', 'time', 'timestamp', 'at'];

/** Parses a date as ISO 8601 (a bare YYYY-MM-DD is UTC midnight); NaN otherwise. */
function parseTime(text: string): number {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(t)) return Number.NaN;
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(t) ? `${t}T00:00:00Z` : t.replace(' ', 'T'));
}

/**
 * Reads a CSV of data points for one KPI: a header row naming a value column
 * and a date column (an optional note column), then one point per row. Every
 * bad row is reported with its line and field; good rows are returned for the
 * person to confirm. Nothing is written here.
 */
export function parsePointsCsv(text: string): ImportPreview {
  const parsed = Papa.parse<Record<string, string>>(text.trim(), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  const valueCol = fields.find((f) => VALUE_COLUMNS.includes(f));
  const timeCol = fields.find((f) => TIME_COLUMNS.includes(f));
  const errors: FieldIssue[] = [];
  if (!valueCol || !timeCol) {
    const missing = [!valueCol && 'a "value" column', !timeCol && 'a "date" (or "recordedAt") column']
      .filter(Boolean)
      .join(' and ');
    errors.push({ loc: ['line 1', 'header'], msg: `The header row needs ${missing}`, type: 'missing_column' });
    return { rows: [], errors, total: parsed.data.length };
  }
  if (parsed.data.length > IMPORT_MAX_ROWS) {
    errors.push({
      loc: ['file'],
      msg: `At most ${IMPORT_MAX_ROWS} rows per import; this file has ${parsed.data.length}`,
      type: 'too_many_rows',
    });
    return { rows: [], errors, total: parsed.data.length };
  }
  const rows: ImportRow[] = [];
  parsed.data.forEach((record, i) => {
    const line = i + 2;
    const rawValue = (record[valueCol] ?? '').trim();
    const candidate = {
      value: rawValue === '' ? Number.NaN : Number(rawValue.replace(/,/g, '')),
      recordedAt: parseTime(record[timeCol] ?? ''),
      note: (record.note ?? '').trim(),
    };
    const result = dataPointInput.safeParse(candidate);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? 'row');
        const msg =
          field === 'recordedAt' && Number.isNaN(candidate.recordedAt)
            ? 'Date must look like 2026-03-31 or 2026-03-31T09:00:00Z'
            : issue.message;
        errors.push({
          loc: [`line ${line}`, field === 'recordedAt' ? timeCol : field === 'value' ? valueCol : field],
          msg,
          type: issue.code,
        });
      }
      return;
    }
    rows.push({
      line,
      value: result.data.value,
      recordedAt: result.data.recordedAt ?? candidate.recordedAt,
      note: result.data.note,
    });
  });
  return { rows, errors, total: parsed.data.length };
}
