import { FREQUENCIES, type Frequency, KPI_NAME_MAX, NOTE_MAX } from '../../kpi.ts';
import { HEALTH_CATEGORIES, type HealthCategory } from '../categories.ts';

/**
 * The KPI workbook of an account (seed 002's master workbook): one sheet per
 * health category, named exactly as the category; row 1 holds the column
 * headers below, each later row one KPI.
 *
 * Two modes (seed 002's kpi_upload_mode), a field of the upload request:
 * - `corporate` (the default): the rows are the account's KPIs, one value per
 *   KPI parameter; a KPI named twice anywhere in the workbook is an error.
 * - `rollup`: a seventh column, "Business unit", names the sub-account each
 *   row measures; a KPI has one row per business unit, and its account value
 *   is the weighted mean of those rows (weighted by each row's Weight; all
 *   weights 0: the plain mean). The KPI's own weight in its category is the
 *   mean of the rows' weights. A KPI named twice for one business unit, or in
 *   two sheets, is an error.
 */
export const UPLOAD_MODES = ['corporate', 'rollup'] as const;
export type UploadMode = (typeof UPLOAD_MODES)[number];

export const CATEGORY_SHEETS: readonly HealthCategory[] = HEALTH_CATEGORIES;

/** The columns, in order, with their letters; `unit` only in rollup mode. */
export const COLUMNS = {
  name: { header: 'KPI parameter', letter: 'A' },
  value: { header: 'Data', letter: 'B' },
  weight: { header: 'Weight', letter: 'C' },
  impact: { header: 'Impact level', letter: 'D' },
  frequency: { header: 'Measurement frequency', letter: 'E' },
  sourceReview: { header: 'Source review', letter: 'F' },
  unit: { header: 'Business unit', letter: 'G' },
} as const;
export type ColumnKey = keyof typeof COLUMNS;

/** The columns a workbook in `mode` has, in order. */
export function columnsOf(mode: UploadMode): ColumnKey[] {
  const base: ColumnKey[] = ['name', 'value', 'weight', 'impact', 'frequency', 'sourceReview'];
  return mode === 'rollup' ? [...base, 'unit'] : base;
}

export const IMPACT_LEVELS = ['High', 'Medium', 'Low'] as const;
export type ImpactLevel = (typeof IMPACT_LEVELS)[number];

/** Limits: a file over MAX_FILE_BYTES (1 MB, under the REST API's 1 MiB body limit so the file is refused by name) or with more than MAX_ROWS KPI rows is refused whole. */
export const MAX_FILE_BYTES = 1_000_000;
/** What the workbook may unpack to (its XML): a small file that inflates past this is refused as a zip bomb. */
export const MAX_UNPACKED_BYTES = 40 * 1024 * 1024;
export const MAX_ROWS = 2000;
export const MAX_COLUMNS = 30;
/** How long a preview can be confirmed. */
export const PREVIEW_TTL_MS = 60 * 60 * 1000;
export const KPI_NAME_LIMIT = KPI_NAME_MAX;
export const TEXT_LIMIT = NOTE_MAX;
export const UNIT_NAME_MAX = 100;

/** One validated row of the workbook. */
export interface UploadRow {
  sheet: string;
  row: number;
  category: HealthCategory;
  name: string;
  value: number;
  weight: number;
  impact: ImpactLevel | null;
  frequency: Frequency;
  sourceReview: string;
  /** rollup mode: the business unit; corporate: null. */
  unit: string | null;
}

/** What confirming writes for one KPI of the account. */
export type KpiValue = {
  name: string;
  category: HealthCategory;
  value: number;
  weight: number;
  frequency: Frequency;
};

/** One problem in the workbook, where it is: sheet, 1-based row and column letter (null when it is the whole sheet or file). */
export interface UploadIssue {
  sheet: string | null;
  row: number | null;
  column: string | null;
  message: string;
}

export { FREQUENCIES };
