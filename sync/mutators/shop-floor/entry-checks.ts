import type { Transaction } from '@rocicorp/zero';
import type { FieldIssue } from '../../../shared/errors.ts';
import {
  type AttendanceEntryInput,
  closedOrderIssues,
  type EntryKind,
  type ProductionEntryInput,
  type QualityEntryInput,
  withinShift,
} from '../../../shared/shop-floor/entries.ts';
import { zql } from '../../schema.ts';
import { checkReferences, type Reference } from './references.ts';

/**
 * What only the server can check about an entry, on the row as it would be
 * (`row`), for the fields the write sets (`changed`; a create sets all):
 * the master data it names is the organization's and not archived, its
 * work order is the organization's and still open, a job is the work
 * order's, a quality entry's production entry is the same work order,
 * line, shift and date, hours fit in the shift, and an employee has one
 * attendance entry per shift and date. Fields the write leaves
 * alone are not checked again, so archiving a line later does not lock
 * the entries that name it. Each issue names its field; a row of another
 * organization is "not found", as one that does not exist.
 */
type Row = Record<string, unknown>;
type Changed = Record<string, unknown>;
type Extra<R> = (tx: Transaction, orgID: string, row: R, changed: Changed) => Promise<FieldIssue[]>;

/** The master data each kind names: its field, its table and its noun in messages. */
const MASTER: Record<EntryKind, [field: string, table: Reference['table'], noun: string][]> = {
  productionEntry: [
    ['lineID', 'line', 'Line'],
    ['shiftID', 'shift', 'Shift'],
  ],
  qualityEntry: [
    ['lineID', 'line', 'Line'],
    ['shiftID', 'shift', 'Shift'],
  ],
  downtimeEntry: [
    ['lineID', 'line', 'Line'],
    ['reasonID', 'downtimeReason', 'Reason'],
  ],
  attendanceEntry: [
    ['employeeID', 'employee', 'Employee'],
    ['shiftID', 'shift', 'Shift'],
  ],
};

const notFound = (field: string, noun: string): FieldIssue => ({
  loc: [field],
  msg: `${noun} not found in this organization`,
  type: 'not_found',
});
const touches = (changed: Changed, ...fields: string[]) => fields.some((f) => f in changed);

/** The work order named in `workOrderID`: the organization's, and open for new entries. */
async function openOrder(tx: Transaction, orgID: string, id: string): Promise<FieldIssue[]> {
  const order = await tx.run(zql.workOrder.where('organizationID', orgID).where('id', id).one());
  return order ? closedOrderIssues('workOrderID', order) : [notFound('workOrderID', 'Work order')];
}

/** Hours in `field` within the shift the row names, when either changes. */
async function fitsShift(tx: Transaction, orgID: string, row: Row, changed: Changed, field: string, label: string) {
  const shiftID = row.shiftID as string | null;
  if (!shiftID || !touches(changed, field, 'shiftID')) return [];
  const shift = await tx.run(zql.shift.where('organizationID', orgID).where('id', shiftID).one());
  return shift ? withinShift(field, label, row[field] as number, shift) : [];
}

/** Each kind's own rules beyond its references. */
const EXTRA: { [K in EntryKind]: Extra<never> } = {
  productionEntry: (async (tx, orgID, row, changed) => {
    const issues = await fitsShift(tx, orgID, row, changed, 'runHours', 'Run time');
    if (row.jobID && touches(changed, 'jobID', 'workOrderID')) {
      const job = await tx.run(zql.job.where('organizationID', orgID).where('id', row.jobID).one());
      if (job?.workOrderID !== row.workOrderID) {
        issues.push({ loc: ['jobID'], msg: 'Job not found in this work order', type: 'not_found' });
      }
    }
    return issues;
  }) satisfies Extra<ProductionEntryInput>,

  qualityEntry: (async (tx, orgID, row, changed) => {
    const defectTypes = Object.keys(row.defects).map((id) => ({
      field: ['defects', id],
      table: 'defectType' as const,
      id,
      noun: 'Defect type',
    }));
    const issues = await checkReferences(tx, orgID, 'defects' in changed ? defectTypes : []);
    if (row.productionEntryID && touches(changed, 'productionEntryID', 'workOrderID', 'lineID', 'shiftID', 'shiftDate')) {
      const made = await tx.run(zql.productionEntry.where('organizationID', orgID).where('id', row.productionEntryID).one());
      const same = (['workOrderID', 'lineID', 'shiftID', 'shiftDate'] as const).every((f) => (made?.[f] ?? null) === row[f]);
      if (!made) issues.push(notFound('productionEntryID', 'Production entry'));
      else if (!same) {
        const msg = 'Production entry must be of the same work order, line, shift and shift date';
        issues.push({ loc: ['productionEntryID'], msg, type: 'mismatch' });
      }
    }
    return issues;
  }) satisfies Extra<QualityEntryInput>,

  downtimeEntry: async () => [],

  attendanceEntry: (async (tx, orgID, row, changed) => {
    const issues = await fitsShift(tx, orgID, row, changed, 'scheduledHours', 'Scheduled hours');
    if (touches(changed, 'employeeID', 'shiftID', 'shiftDate')) {
      const same = await tx.run(
        zql.attendanceEntry
          .where('organizationID', orgID)
          .where('employeeID', row.employeeID)
          .where('shiftID', row.shiftID)
          .where('shiftDate', row.shiftDate),
      );
      // A create's row has no id yet; an update's is itself, not a twin.
      if (same.some((e) => e.id !== (row as { id?: string }).id)) {
        const msg = 'This employee already has an attendance entry for this shift and date: edit that entry instead';
        issues.push({ loc: ['employeeID'], msg, type: 'taken' });
      }
    }
    return issues;
  }) satisfies Extra<AttendanceEntryInput>,
};

/** Every server-side check of an entry of `kind` (see above). */
export async function entryIssues(tx: Transaction, kind: EntryKind, orgID: string, row: Row, changed: Changed) {
  const refs = MASTER[kind]
    .filter(([field]) => field in changed)
    .map(([field, table, noun]) => ({ field, table, id: row[field] as string | null, noun }));
  const issues = await checkReferences(tx, orgID, refs);
  if (touches(changed, 'workOrderID') && row.workOrderID) issues.push(...(await openOrder(tx, orgID, row.workOrderID as string)));
  issues.push(...(await EXTRA[kind](tx, orgID, row as never, changed)));
  return issues;
}
