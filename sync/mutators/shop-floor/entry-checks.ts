import type { Transaction } from '@rocicorp/zero';
import type { FieldIssue } from '../../../shared/errors.ts';
import {
  type AttendanceEntryInput,
  closedOrderIssues,
  type DowntimeEntryInput,
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
 * line, shift and date, and hours fit in the shift. Fields the write leaves
 * alone are not checked again, so archiving a line later does not lock
 * the entries that name it. Each issue names its field; a row of another
 * organization is "not found", as one that does not exist.
 */
type Changed<R> = Partial<Record<keyof R, unknown>>;
type Check<R> = (tx: Transaction, orgID: string, row: R, changed: Changed<R>) => Promise<FieldIssue[]>;

const notFound = (field: string, noun: string): FieldIssue => ({
  loc: [field],
  msg: `${noun} not found in this organization`,
  type: 'not_found',
});
const touches = <R>(changed: Changed<R>, ...fields: (keyof R)[]) => fields.some((f) => f in changed);

/** The work order named in `field`: the organization's, and open for new entries. */
async function openOrder(tx: Transaction, orgID: string, field: string, id: string | null): Promise<FieldIssue[]> {
  if (!id) return [];
  const order = await tx.run(zql.workOrder.where('organizationID', orgID).where('id', id).one());
  return order ? closedOrderIssues(field, order) : [notFound(field, 'Work order')];
}

async function shiftOf(tx: Transaction, orgID: string, id: string | null) {
  return id ? tx.run(zql.shift.where('organizationID', orgID).where('id', id).one()) : undefined;
}

/** Master data references among the fields a write sets. */
const refs = <R>(changed: Changed<R>, list: (Reference & { field: keyof R & string })[]) =>
  list.filter((r) => r.field in changed);

const production: Check<ProductionEntryInput> = async (tx, orgID, row, changed) => {
  const issues = await checkReferences(
    tx,
    orgID,
    refs(changed, [
      { field: 'lineID', table: 'line', id: row.lineID, noun: 'Line' },
      { field: 'shiftID', table: 'shift', id: row.shiftID, noun: 'Shift' },
    ]),
  );
  if ('workOrderID' in changed) issues.push(...(await openOrder(tx, orgID, 'workOrderID', row.workOrderID)));
  if (row.jobID && touches(changed, 'jobID', 'workOrderID')) {
    const job = await tx.run(zql.job.where('organizationID', orgID).where('id', row.jobID).one());
    if (job?.workOrderID !== row.workOrderID) {
      issues.push({ loc: ['jobID'], msg: 'Job not found in this work order', type: 'not_found' });
    }
  }
  const shift = touches(changed, 'runHours', 'shiftID') ? await shiftOf(tx, orgID, row.shiftID) : undefined;
  if (shift) issues.push(...withinShift('runHours', 'Run time', row.runHours, shift));
  return issues;
};

const quality: Check<QualityEntryInput> = async (tx, orgID, row, changed) => {
  const defectTypes = Object.keys(row.defects).map((id) => ({
    field: ['defects', id],
    table: 'defectType' as const,
    id,
    noun: 'Defect type',
  }));
  const issues = await checkReferences(tx, orgID, [
    ...refs(changed, [
      { field: 'lineID', table: 'line', id: row.lineID, noun: 'Line' },
      { field: 'shiftID', table: 'shift', id: row.shiftID, noun: 'Shift' },
    ]),
    ...('defects' in changed ? defectTypes : []),
  ]);
  if ('workOrderID' in changed) issues.push(...(await openOrder(tx, orgID, 'workOrderID', row.workOrderID)));
  if (row.productionEntryID && touches(changed, 'productionEntryID', 'workOrderID', 'lineID', 'shiftID', 'shiftDate')) {
    const query = zql.productionEntry.where('organizationID', orgID).where('id', row.productionEntryID).one();
    const made = await tx.run(query);
    if (!made) issues.push(notFound('productionEntryID', 'Production entry'));
    else if (
      made.workOrderID !== row.workOrderID ||
      made.lineID !== row.lineID ||
      (made.shiftID ?? null) !== row.shiftID ||
      made.shiftDate !== row.shiftDate
    ) {
      const msg = 'Production entry must be of the same work order, line, shift and shift date';
      issues.push({ loc: ['productionEntryID'], msg, type: 'mismatch' });
    }
  }
  return issues;
};

const downtime: Check<DowntimeEntryInput> = async (tx, orgID, row, changed) => {
  const issues = await checkReferences(
    tx,
    orgID,
    refs(changed, [
      { field: 'lineID', table: 'line', id: row.lineID, noun: 'Line' },
      { field: 'reasonID', table: 'downtimeReason', id: row.reasonID, noun: 'Reason' },
    ]),
  );
  if ('workOrderID' in changed) issues.push(...(await openOrder(tx, orgID, 'workOrderID', row.workOrderID)));
  return issues;
};

const attendance: Check<AttendanceEntryInput> = async (tx, orgID, row, changed) => {
  const issues = await checkReferences(
    tx,
    orgID,
    refs(changed, [
      { field: 'employeeID', table: 'employee', id: row.employeeID, noun: 'Employee' },
      { field: 'shiftID', table: 'shift', id: row.shiftID, noun: 'Shift' },
    ]),
  );
  const shift = touches(changed, 'scheduledHours', 'shiftID') ? await shiftOf(tx, orgID, row.shiftID) : undefined;
  if (shift) issues.push(...withinShift('scheduledHours', 'Scheduled hours', row.scheduledHours, shift));
  return issues;
};

export const ENTRY_CHECKS: { [K in EntryKind]: Check<never> } = {
  productionEntry: production as Check<never>,
  qualityEntry: quality as Check<never>,
  downtimeEntry: downtime as Check<never>,
  attendanceEntry: attendance as Check<never>,
};
