import { closedOrderIssues, productionEntryInput, withinShift } from './entries.ts';
import type { WorkOrderStatus } from './work-orders.ts';

/**
 * CSV production batches (issue 10, seed 004): the columns a file may have
 * and the check of one data row, with the same rules as a single production
 * entry (shared/shop-floor/entries.ts) plus what a file names by text (the
 * work order by number, the line and shift by name, the product by code).
 * Pure: the server hands in its lookups of the organization's rows.
 */
export const BATCH_STATUSES = ['VALIDATED', 'PROCESSING', 'COMPLETED', 'FAILED'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const REQUIRED_COLUMNS = [
  'work_order_id',
  'shift_date',
  'units_produced',
  'run_time_hours',
  'employees_assigned',
] as const;
export const OPTIONAL_COLUMNS = ['shift', 'line', 'product', 'units_defective'] as const;
export type BatchColumn = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
const KNOWN: ReadonlySet<string> = new Set([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);

/** One problem of a row: its number among the data rows (from 1), the column, and what to fix. */
export interface BatchRowError {
  row: number;
  field: string;
  message: string;
}

/** A header cell as matched: trimmed, any case. */
export const columnName = (cell: string) => cell.trim().toLowerCase();

/**
 * What is wrong with a header row, each problem naming its column: unknown
 * columns, required ones missing, a column twice. Empty when it is usable.
 */
export function headerProblems(header: readonly string[]): { field: string; message: string }[] {
  const names = header.map(columnName);
  const problems: { field: string; message: string }[] = [];
  const expected = `the columns are ${REQUIRED_COLUMNS.join(', ')} and optionally ${OPTIONAL_COLUMNS.join(', ')}`;
  const unknown = names.filter((n) => !KNOWN.has(n));
  for (const n of unknown) {
    problems.push({ field: n || '(blank)', message: `Unknown column “${n}” in the header: ${expected}` });
  }
  for (const n of REQUIRED_COLUMNS) {
    if (!names.includes(n))
      problems.push({ field: n, message: `Required column “${n}” is missing from the header: ${expected}` });
  }
  for (const n of new Set(names.filter((n, i) => names.indexOf(n) !== i))) {
    problems.push({ field: n, message: `Column “${n}” appears more than once in the header` });
  }
  return problems;
}

export interface BatchOrder {
  id: string;
  number: string;
  status: WorkOrderStatus;
  productID: string | null;
  /** The line of the order's first job, taken when a row names none. */
  defaultLineID: string | null;
}
export interface BatchShift {
  id: string;
  name: string;
  start: string;
  end: string;
}

/** The organization's rows a file may name, by the text it names them with. */
export interface BatchRefs {
  order(number: string): BatchOrder | undefined;
  /** By name (or id). */
  line(name: string): { id: string; archived: boolean } | undefined;
  shift(name: string): (BatchShift & { archived: boolean }) | undefined;
  /** By code (or name). */
  product(code: string): { id: string; code: string } | undefined;
}

/** A valid row, its references resolved: what the import writes. */
export interface StagedRow {
  row: number;
  workOrderID: string;
  lineID: string;
  shiftID: string | null;
  /** Epoch ms at UTC midnight. */
  shiftDate: number;
  unitsProduced: number;
  unitsDefective: number;
  runHours: number;
  employeesAssigned: number;
}

/** The entry rule's field under its CSV column. */
const COLUMN_OF: Record<string, BatchColumn> = {
  workOrderID: 'work_order_id',
  lineID: 'line',
  shiftID: 'shift',
  shiftDate: 'shift_date',
  unitsProduced: 'units_produced',
  unitsDefective: 'units_defective',
  runHours: 'run_time_hours',
  employeesAssigned: 'employees_assigned',
};

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A cell as a number, or an error message naming the column. */
function numberCell(column: string, text: string): number | string {
  if (!NUMBER.test(text)) return `${column} must be a number (got “${text.slice(0, 40)}”)`;
  return Number(text);
}

/** A YYYY-MM-DD that is a real day, as epoch ms at UTC midnight. */
function dayCell(text: string): number | string {
  const m = DATE.exec(text);
  const at = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || new Date(at).getUTCDate() !== Number(m[3]))
    return `shift_date must be a date, YYYY-MM-DD (got “${text.slice(0, 40)}”)`;
  return at;
}

/**
 * Checks one data row (`cells` by column name, already trimmed; `row` its
 * number). Every problem found is returned, each naming its column; with
 * none, the row as the import writes it.
 */
export function checkBatchRow(
  row: number,
  cells: Partial<Record<BatchColumn, string>>,
  refs: BatchRefs,
): { ok: true; staged: StagedRow } | { ok: false; errors: BatchRowError[] } {
  const errors: BatchRowError[] = [];
  const fail = (field: string, message: string) => errors.push({ row, field, message });
  const text = (c: BatchColumn) => cells[c] ?? '';

  const numbers: Record<string, number | undefined> = {};
  for (const column of ['units_produced', 'run_time_hours', 'employees_assigned', 'units_defective'] as const) {
    const t = text(column);
    if (t === '') {
      if (column !== 'units_defective') fail(column, `${column} is required`);
      continue;
    }
    const n = numberCell(column, t);
    if (typeof n === 'string') fail(column, n);
    else numbers[column] = n;
  }
  let shiftDate: number | undefined;
  if (text('shift_date') === '') fail('shift_date', 'shift_date is required');
  else {
    const d = dayCell(text('shift_date'));
    if (typeof d === 'string') fail('shift_date', d);
    else shiftDate = d;
  }

  const number = text('work_order_id');
  const order = number === '' ? undefined : refs.order(number);
  if (number === '') fail('work_order_id', 'work_order_id is required (the work order’s number)');
  else if (!order) fail('work_order_id', `No work order with the number “${number}” in this organization`);
  else for (const i of closedOrderIssues('work_order_id', order)) fail('work_order_id', i.msg);

  let lineID: string | null = null;
  if (text('line') !== '') {
    const line = refs.line(text('line'));
    if (!line) fail('line', `No line named “${text('line')}” in this organization`);
    else if (line.archived) fail('line', `Line “${text('line')}” is archived: it takes no new entries`);
    else lineID = line.id;
  } else if (order) {
    lineID = order.defaultLineID;
    if (!lineID) fail('line', `line is required: work order ${order.number} has no job to take the line from`);
  }

  let shift: BatchShift | undefined;
  if (text('shift') !== '') {
    const found = refs.shift(text('shift'));
    if (!found) fail('shift', `No shift named “${text('shift')}” in this organization`);
    else if (found.archived) fail('shift', `Shift “${text('shift')}” is archived: it takes no new entries`);
    else shift = found;
  }

  if (text('product') !== '') {
    const product = refs.product(text('product'));
    if (!product) fail('product', `No product with the code “${text('product')}” in this organization`);
    else if (order?.productID && order.productID !== product.id) {
      fail('product', `Work order ${order.number} is for another product than “${product.code}”`);
    }
  }

  // The single entry's rules: counts, hours from 0 to 24, defective never above produced.
  const parsed = productionEntryInput.safeParse({
    workOrderID: order?.id ?? 'unresolved',
    lineID: lineID ?? 'unresolved',
    shiftID: shift?.id ?? null,
    shiftDate: shiftDate ?? 0,
    unitsProduced: numbers.units_produced ?? 0,
    unitsDefective: numbers.units_defective ?? 0,
    runHours: numbers.run_time_hours ?? 0,
    employeesAssigned: numbers.employees_assigned ?? 0,
  });
  if (!parsed.success) {
    const reported = new Set(errors.map((e) => e.field));
    for (const issue of parsed.error.issues) {
      const column = COLUMN_OF[String(issue.path[0])] ?? String(issue.path[0]);
      // A cell already reported (not a number, missing) is not reported twice, and a rule
      // across cells (defective above produced) only holds between cells that are each fine.
      const across =
        issue.code === 'custom' &&
        column === 'units_defective' &&
        (reported.has('units_produced') || reported.has('units_defective'));
      if (!reported.has(column) && !across) fail(column, issue.message);
      reported.add(column);
    }
  }
  if (shift && numbers.run_time_hours !== undefined) {
    for (const i of withinShift('run_time_hours', 'Run time', numbers.run_time_hours, shift)) fail('run_time_hours', i.msg);
  }
  if (errors.length > 0 || !parsed.success || !order || !lineID) {
    return { ok: false, errors: errors.length > 0 ? errors : [{ row, field: 'row', message: 'The row could not be read' }] };
  }
  const e = parsed.data;
  return {
    ok: true,
    staged: {
      row,
      workOrderID: order.id,
      lineID,
      shiftID: e.shiftID,
      shiftDate: e.shiftDate,
      unitsProduced: e.unitsProduced,
      unitsDefective: e.unitsDefective,
      runHours: e.runHours,
      employeesAssigned: e.employeesAssigned,
    },
  };
}
