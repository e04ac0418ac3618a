import { z } from 'zod';
import type { FieldIssue } from '../errors.ts';
import { ID_MAX_LENGTH, idSchema } from '../validation.ts';
import { MAX_SHIFT_HOURS, MINUTES_PER_DAY, shiftSpanHours } from './shift.ts';
import { day, instant, QUANTITY_MAX, STATUS_LABELS, type WorkOrderStatus } from './work-orders.ts';

/**
 * Shop-floor entries (issue 10): production, quality, downtime and
 * attendance, as one shift reports them. Field rules shared by the forms,
 * the mutators and the REST API; every message names its field. Limits
 * mirrored by 018_sf_entries.sql.
 *
 * A shift date is the day the shift starts (a night shift 22:00-06:00
 * belongs to the evening it begins), as epoch ms at UTC midnight.
 * Run time, scheduled and absent hours are hours (a shift is never longer
 * than a day: MAX_SHIFT_HOURS); downtime is whole minutes.
 */
export const NOTE_MAX = 500;
export const EMPLOYEES_MAX = 10_000;
export const DEFECT_TYPES_MAX = 50;

/** A count of units: a whole number from 0. */
const count = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} cannot be negative`)
    .max(QUANTITY_MAX, `${label} must be at most ${QUANTITY_MAX.toLocaleString('en-US')}`);

const headcount = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number of people`)
    .min(0, `${label} cannot be negative`)
    .max(EMPLOYEES_MAX, `${label} must be at most ${EMPLOYEES_MAX.toLocaleString('en-US')}`);

/** Hours of one shift: 0 to 24. */
const hours = (label: string) =>
  z
    .number({ error: `${label} must be a number of hours` })
    .refine(Number.isFinite, `${label} must be a number of hours`)
    .refine((h) => h >= 0, `${label} cannot be negative`)
    .refine((h) => h <= MAX_SHIFT_HOURS, `${label} must be at most ${MAX_SHIFT_HOURS} hours (no shift is longer than a day)`);

const optionalText = (label: string) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(NOTE_MAX, `${label} must be at most ${NOTE_MAX} characters`)
    .nullish()
    .transform((t) => t || null);

const ref = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .min(1, `${label} is required`)
    .max(ID_MAX_LENGTH, `${label} is not a valid id`);
const optionalRef = (label: string) =>
  ref(label)
    .nullish()
    .transform((v) => v ?? null);

const note = optionalText('Note');

/** A rule across fields broken: the issue names the field to fix. */
const flag = (ctx: z.RefinementCtx, field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });

export const productionEntryInput = z
  .object({
    workOrderID: ref('Work order'),
    /** One of the work order's jobs, or none. */
    jobID: optionalRef('Job'),
    lineID: ref('Line'),
    /** The shift master-data row, or none said. */
    shiftID: optionalRef('Shift'),
    shiftDate: day('Shift date'),
    unitsProduced: count('Units produced'),
    unitsDefective: count('Units defective').default(0),
    runHours: hours('Run time'),
    employeesAssigned: headcount('Employees assigned'),
    employeesPresent: headcount('Employees present')
      .nullish()
      .transform((v) => v ?? null),
    note,
  })
  .superRefine((e, ctx) => {
    if (e.unitsDefective > e.unitsProduced) {
      const message = `Units defective (${e.unitsDefective}) cannot be more than units produced (${e.unitsProduced})`;
      flag(ctx, 'unitsDefective', message);
    }
  });
export type ProductionEntryInput = z.output<typeof productionEntryInput>;

export const qualityEntryInput = z
  .object({
    /** The production entry inspected, or none: then work order, line, shift and date say what. */
    productionEntryID: optionalRef('Production entry'),
    workOrderID: ref('Work order'),
    lineID: ref('Line'),
    shiftID: optionalRef('Shift'),
    shiftDate: day('Shift date'),
    inspected: count('Inspected'),
    /** Defects found, by defect type id. */
    defects: z
      .record(idSchema, count('Defects'), { error: 'Defects must map defect types to counts' })
      .refine((d) => Object.keys(d).length <= DEFECT_TYPES_MAX, `Defects can name at most ${DEFECT_TYPES_MAX} defect types`)
      .default({}),
    scrap: count('Scrap').default(0),
    rework: count('Rework').default(0),
    note,
  })
  .superRefine((e, ctx) => {
    // Scrapped and reworked units were found bad by inspection.
    if (e.scrap + e.rework > e.inspected) {
      const message = `Scrap and rework (${e.scrap + e.rework}) cannot be more than the units inspected (${e.inspected})`;
      flag(ctx, e.scrap > e.inspected ? 'scrap' : 'rework', message);
    }
  });
export type QualityEntryInput = z.output<typeof qualityEntryInput>;

export const downtimeEntryInput = z.object({
  lineID: ref('Line'),
  reasonID: ref('Reason'),
  workOrderID: optionalRef('Work order'),
  startedAt: instant('Start'),
  durationMinutes: z
    .number({ error: 'Minutes must be a number' })
    .int('Minutes must be a whole number')
    .min(1, 'Minutes must be at least 1')
    .max(MINUTES_PER_DAY, `Minutes must be at most ${MINUTES_PER_DAY} (a day)`),
  note,
});
export type DowntimeEntryInput = z.output<typeof downtimeEntryInput>;

export const attendanceEntryInput = z
  .object({
    employeeID: ref('Employee'),
    shiftID: ref('Shift'),
    shiftDate: day('Shift date'),
    scheduledHours: hours('Scheduled hours'),
    absentHours: hours('Absent hours').default(0),
    reason: optionalText('Reason'),
    coveredByPool: z.boolean({ error: 'Covered by pool must be true or false' }).default(false),
  })
  .superRefine((e, ctx) => {
    const issue = (field: string, message: string) => flag(ctx, field, message);
    if (e.absentHours > e.scheduledHours) {
      issue('absentHours', `Absent hours (${e.absentHours}) cannot be more than the scheduled hours (${e.scheduledHours})`);
    } else if (e.absentHours > 0 && !e.reason) {
      issue('reason', 'Reason is required for an absence');
    }
    if (e.coveredByPool && e.absentHours === 0) issue('coveredByPool', 'Covered by pool needs an absence to cover');
  });
export type AttendanceEntryInput = z.output<typeof attendanceEntryInput>;

/** The four kinds, by their table's name, with their rules and their noun in messages. */
export const ENTRIES = {
  productionEntry: { input: productionEntryInput, noun: 'production entry' },
  qualityEntry: { input: qualityEntryInput, noun: 'quality entry' },
  downtimeEntry: { input: downtimeEntryInput, noun: 'downtime entry' },
  attendanceEntry: { input: attendanceEntryInput, noun: 'attendance entry' },
} as const;
export type EntryKind = keyof typeof ENTRIES;
export const ENTRY_KINDS = Object.keys(ENTRIES) as EntryKind[];

/**
 * Hours of an entry that must fit in its shift (run time, scheduled hours):
 * an issue naming `field` when they are more than the shift's span (the KPI
 * formulas' reading of a shift: overnight counts, breaks included).
 */
export function withinShift(
  field: string,
  label: string,
  value: number,
  shift: { name: string; start: string; end: string },
): FieldIssue[] {
  const span = shiftSpanHours(shift.start, shift.end);
  if (span === null || value <= span) return [];
  const msg = `${label} (${value} h) cannot be more than the ${span} h of shift ${shift.name} (${shift.start}-${shift.end})`;
  return [{ loc: [field], msg, type: 'longer_than_shift' }];
}

/**
 * New entries go against work orders that are still open: ACTIVE, or
 * ON_HOLD (a shift before the hold may be entered late). COMPLETED,
 * CANCELLED and REJECTED take none; an issue naming `field` says so.
 */
export function closedOrderIssues(field: string, order: { number: string; status: WorkOrderStatus }): FieldIssue[] {
  if (order.status === 'ACTIVE' || order.status === 'ON_HOLD') return [];
  const msg = `Work order ${order.number} is ${STATUS_LABELS[order.status].toLowerCase()}: it takes no new entries`;
  return [{ loc: [field], msg, type: 'closed' }];
}
