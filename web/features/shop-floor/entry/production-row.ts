import { productionEntryInput } from '../../../../shared/shop-floor/entries.ts';
import { QUANTITY_MAX } from '../../../../shared/shop-floor/work-orders.ts';
import { fromDateInput } from '../../../lib/date-inputs.ts';
import { acrossFields } from './across-fields.ts';
import type { ReadBackEntry } from './read-back.ts';

/**
 * One production entry as the grid and the check-in form hold it: the text
 * of each cell, as typed or pasted (a line, shift, work order and job by
 * name or number, as people know them), turned into the mutator's arguments
 * by the shared rules. Pure: the unit tests run it without a browser.
 */
export const PRODUCTION_COLUMNS = [
  'date',
  'line',
  'shift',
  'workOrder',
  'job',
  'unitsProduced',
  'unitsDefective',
  'runHours',
  'employeesAssigned',
  'employeesPresent',
] as const;
export type ProductionColumn = (typeof PRODUCTION_COLUMNS)[number];

export const COLUMN_LABELS: Record<ProductionColumn, string> = {
  date: 'Shift date',
  line: 'Line',
  shift: 'Shift',
  workOrder: 'Work order',
  job: 'Job',
  unitsProduced: 'Units produced',
  unitsDefective: 'Units defective',
  runHours: 'Run time (h)',
  employeesAssigned: 'Employees assigned',
  employeesPresent: 'Employees present',
};

/** Columns holding numbers: a phone shows a number pad for them, decimals for run time. */
export const NUMBER_COLUMNS: Partial<Record<ProductionColumn, 'numeric' | 'decimal'>> = {
  unitsProduced: 'numeric',
  unitsDefective: 'numeric',
  runHours: 'decimal',
  employeesAssigned: 'numeric',
  employeesPresent: 'numeric',
};

export type ProductionCells = Record<ProductionColumn, string>;

/** What the organization's master data names: the choices cells are read against. */
export interface EntryChoices {
  lines: readonly { id: string; name: string }[];
  shifts: readonly { id: string; name: string }[];
  orders: readonly { id: string; number: string; jobs: readonly { id: string; name: string }[] }[];
}

export interface ProductionArgs {
  workOrderID: string;
  jobID: string | null;
  lineID: string;
  shiftID: string | null;
  shiftDate: number;
  unitsProduced: number;
  unitsDefective: number;
  runHours: number;
  employeesAssigned: number;
  employeesPresent: number | null;
}

export type CellErrors = Partial<Record<ProductionColumn, string>>;
export type RowReading = { ok: true; args: ProductionArgs } | { ok: false; errors: CellErrors };

export const emptyCells = (date = ''): ProductionCells => ({
  ...(Object.fromEntries(PRODUCTION_COLUMNS.map((c) => [c, ''])) as ProductionCells),
  date,
});

/** Nothing typed but (perhaps) the date a new row starts with: skipped, not refused. */
export const isBlank = (cells: ProductionCells) => PRODUCTION_COLUMNS.every((c) => c === 'date' || cells[c].trim() === '');

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A number cell: blank is none, a decimal comma reads as a point, anything else that is not a number is NaN. */
export function numberOf(text: string): number | undefined {
  const t = text.trim().replace(/\s/g, '');
  if (t === '') return undefined;
  const normal = /^-?\d+,\d+$/.test(t) ? t.replace(',', '.') : t;
  return /^-?(\d+\.?\d*|\.\d+)$/.test(normal) ? Number(normal) : Number.NaN;
}

/** The shared schema's field for each column (its issues come back under these names). */
const FIELD_COLUMN: Record<string, ProductionColumn> = {
  shiftDate: 'date',
  lineID: 'line',
  shiftID: 'shift',
  workOrderID: 'workOrder',
  jobID: 'job',
  unitsProduced: 'unitsProduced',
  unitsDefective: 'unitsDefective',
  runHours: 'runHours',
  employeesAssigned: 'employeesAssigned',
  employeesPresent: 'employeesPresent',
};
export const columnOfField = (field: string): ProductionColumn | undefined => FIELD_COLUMN[field];

/** Stand-ins for fields not typed yet, so the rules across fields run while typing (across-fields.ts). */
const STAND_INS: Record<string, unknown> = {
  workOrderID: 'stand-in',
  lineID: 'stand-in',
  shiftDate: 0,
  unitsProduced: QUANTITY_MAX,
  unitsDefective: 0,
  runHours: 0,
  employeesAssigned: 0,
};

/** Names the master data by what was typed; each miss is an error on its cell that says what to type. */
function resolveNames(cells: ProductionCells, choices: EntryChoices, errors: CellErrors) {
  const line = choices.lines.find((l) => same(l.name, cells.line));
  if (cells.line.trim() && !line) errors.line = `Line “${cells.line.trim()}” not found: type a line’s name`;
  const shift = choices.shifts.find((s) => same(s.name, cells.shift));
  if (cells.shift.trim() && !shift)
    errors.shift = `Shift “${cells.shift.trim()}” not found: type a shift’s name, or leave it blank`;
  const order = choices.orders.find((o) => same(o.number, cells.workOrder));
  if (cells.workOrder.trim() && !order) {
    errors.workOrder = `Work order “${cells.workOrder.trim()}” is not an open order: type the number of an active or held order`;
  }
  const job = order?.jobs.find((j) => same(j.name, cells.job));
  if (cells.job.trim() && order && !job) errors.job = `Job “${cells.job.trim()}” not found in work order ${order.number}`;
  return { line, shift, order, job };
}

/** A row's cells read against the choices and checked by the shared rules: the arguments, or a message per cell. */
export function readProductionRow(cells: ProductionCells, choices: EntryChoices): RowReading {
  const errors: CellErrors = {};
  const { line, shift, order, job } = resolveNames(cells, choices, errors);
  const values = {
    workOrderID: order?.id ?? (cells.workOrder.trim() ? 'unknown' : undefined),
    jobID: job?.id ?? null,
    lineID: line?.id ?? (cells.line.trim() ? 'unknown' : undefined),
    shiftID: shift?.id ?? null,
    shiftDate: fromDateInput(cells.date),
    unitsProduced: numberOf(cells.unitsProduced),
    unitsDefective: numberOf(cells.unitsDefective) ?? 0,
    runHours: numberOf(cells.runHours),
    employeesAssigned: numberOf(cells.employeesAssigned),
    employeesPresent: numberOf(cells.employeesPresent) ?? null,
  };
  const parsed = productionEntryInput.safeParse(values);
  if (!parsed.success) {
    for (const issue of [...parsed.error.issues, ...acrossFields(productionEntryInput, STAND_INS, values, parsed.error.issues)]) {
      const column = columnOfField(String(issue.path[0]));
      if (!column || errors[column]) continue;
      const unreadableDate = column === 'date' && cells.date.trim() !== '';
      errors[column] = unreadableDate ? 'Shift date must be a date like 2026-12-02' : issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  const e = parsed.data;
  return {
    ok: true,
    args: {
      workOrderID: e.workOrderID,
      jobID: e.jobID,
      lineID: e.lineID,
      shiftID: e.shiftID,
      shiftDate: e.shiftDate,
      unitsProduced: e.unitsProduced,
      unitsDefective: e.unitsDefective,
      runHours: e.runHours,
      employeesAssigned: e.employeesAssigned,
      employeesPresent: e.employeesPresent,
    },
  };
}

/** The entry in words for the read-back (read-back.ts), naming what the ids point at. */
export function readBackEntry(args: ProductionArgs, choices: EntryChoices): ReadBackEntry {
  const order = choices.orders.find((o) => o.id === args.workOrderID);
  return {
    ...args,
    line: choices.lines.find((l) => l.id === args.lineID)?.name ?? 'Unknown line',
    shift: choices.shifts.find((s) => s.id === args.shiftID)?.name ?? null,
    workOrder: order?.number ?? 'unknown',
    job: order?.jobs.find((j) => j.id === args.jobID)?.name ?? null,
  };
}
