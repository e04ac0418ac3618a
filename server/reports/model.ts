/**
 * The neutral report model every report builds and every renderer reads: a
 * title, the period it covers, notes (what a reader must know first, e.g.
 * that the period has no data), charts and tables. The PDF renderer draws
 * the charts and tables; the XLSX renderer writes one sheet per table (chart
 * data always has a table of its own, so nothing is lost in a workbook).
 */

/** How a column's values are typed and formatted. Percentages are fractions (0.25 is 25 %). */
export type ColumnType = 'text' | 'number' | 'integer' | 'percent' | 'date' | 'datetime';

export interface Column {
  header: string;
  type: ColumnType;
  /** Decimals shown for numbers and percentages (default 2 for number, 1 for percent). */
  decimals?: number;
}

/** A cell: text, a number, a date (epoch ms, shown as a date or date-time by its column) or empty. */
export type Cell = string | number | null;

export interface Table {
  /** The sheet name in a workbook (at most 31 characters there) and the heading in a PDF. */
  title: string;
  columns: Column[];
  rows: Cell[][];
  /** Said instead of an empty table. */
  emptyText?: string;
}

export interface SeriesPoint {
  /** Epoch ms. */
  x: number;
  y: number;
}

/** A line chart over time: one or more series, optionally a target line. */
export interface LineChart {
  kind: 'line';
  title: string;
  unit: string;
  series: { name: string; points: SeriesPoint[] }[];
  target?: number | undefined;
}

/** Bars per category, optionally with a cumulative-percentage line (a Pareto). */
export interface BarChart {
  kind: 'bar';
  title: string;
  unit: string;
  bars: { label: string; value: number }[];
  /** 0-100 per bar, drawn against a right-hand 0-100 % axis. */
  cumulative?: number[] | undefined;
}

export type Chart = LineChart | BarChart;

export interface ReportModel {
  /** "KPIs", "Account health: Acme", "Daily production". */
  title: string;
  organization: string;
  period: { from: string; to: string; label: string };
  /** Epoch ms. */
  generatedAt: number;
  notes: string[];
  /** Key figures shown under the header: label and text. */
  figures: { label: string; value: string }[];
  charts: Chart[];
  tables: Table[];
  /** The file name without extension: "Demo_Company_KPIs_2026-12-03". */
  fileStem: string;
}

/** An organization's (or an account's) name as part of a file name: letters, digits, - and _ only. */
export function fileNamePart(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9-]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return cleaned.slice(0, 60) || 'Organization';
}
