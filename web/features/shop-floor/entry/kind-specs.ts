import { ENTRIES } from '../../../../shared/shop-floor/entries.ts';
import { MAX_SHIFT_HOURS } from '../../../../shared/shop-floor/shift.ts';
import { QUANTITY_MAX } from '../../../../shared/shop-floor/work-orders.ts';
import { fromDateInput, fromDateTimeLocal } from '../../../lib/date-inputs.ts';
import { acrossFields } from './across-fields.ts';
import { numberOf } from './production-row.ts';

/**
 * The quality, downtime and attendance forms, as data: each field's label,
 * input and what it reads as. The values are text as typed (a select holds
 * an id, a checkbox "true" or ""); `readKind` turns them into a mutator's
 * arguments with the shared rules, or a message per field. Pure.
 */
export type OtherKind = 'qualityEntry' | 'downtimeEntry' | 'attendanceEntry';
export type Source = 'lines' | 'shifts' | 'orders' | 'reasons' | 'employees';
export type FieldSpec =
  | { name: string; label: string; input: 'select'; source: Source; optional?: boolean }
  | { name: string; label: string; input: 'numeric' | 'decimal' | 'date' | 'datetime' | 'text' | 'checkbox'; optional?: boolean }
  /** One count per defect type, under `defects.<id>`. */
  | { name: 'defects'; label: string; input: 'defects' };

export const KIND_FIELDS: Record<OtherKind, readonly FieldSpec[]> = {
  qualityEntry: [
    { name: 'shiftDate', label: 'Shift date', input: 'date' },
    { name: 'lineID', label: 'Line', input: 'select', source: 'lines' },
    { name: 'shiftID', label: 'Shift', input: 'select', source: 'shifts', optional: true },
    { name: 'workOrderID', label: 'Work order', input: 'select', source: 'orders' },
    { name: 'inspected', label: 'Inspected', input: 'numeric' },
    { name: 'defects', label: 'Defects by type', input: 'defects' },
    { name: 'scrap', label: 'Scrap', input: 'numeric', optional: true },
    { name: 'rework', label: 'Rework', input: 'numeric', optional: true },
  ],
  downtimeEntry: [
    { name: 'lineID', label: 'Line', input: 'select', source: 'lines' },
    { name: 'reasonID', label: 'Reason', input: 'select', source: 'reasons' },
    { name: 'workOrderID', label: 'Work order', input: 'select', source: 'orders', optional: true },
    { name: 'startedAt', label: 'Start', input: 'datetime' },
    { name: 'durationMinutes', label: 'Minutes', input: 'numeric' },
  ],
  attendanceEntry: [
    { name: 'employeeID', label: 'Employee', input: 'select', source: 'employees' },
    { name: 'shiftDate', label: 'Shift date', input: 'date' },
    { name: 'shiftID', label: 'Shift', input: 'select', source: 'shifts' },
    { name: 'scheduledHours', label: 'Scheduled hours', input: 'decimal' },
    { name: 'absentHours', label: 'Absent hours', input: 'decimal', optional: true },
    { name: 'reason', label: 'Reason for the absence', input: 'text', optional: true },
    { name: 'coveredByPool', label: 'Covered by the floating pool', input: 'checkbox' },
  ],
};

/** Stand-ins for fields not typed yet, so each kind's rules across fields run while typing (across-fields.ts). */
const STAND_INS: Record<OtherKind, Record<string, unknown>> = {
  qualityEntry: { workOrderID: 'stand-in', lineID: 'stand-in', shiftDate: 0, inspected: QUANTITY_MAX, scrap: 0, rework: 0 },
  downtimeEntry: { lineID: 'stand-in', reasonID: 'stand-in', startedAt: 0, durationMinutes: 1 },
  attendanceEntry: { employeeID: 'stand-in', shiftID: 'stand-in', shiftDate: 0, scheduledHours: MAX_SHIFT_HOURS, absentHours: 0 },
};

export type KindValues = Record<string, string>;
export type KindReading = { ok: true; args: Record<string, unknown> } | { ok: false; errors: Record<string, string> };

function fieldValue(spec: FieldSpec, values: KindValues): unknown {
  if (spec.input === 'defects') {
    const counts = Object.entries(values)
      .filter(([k, v]) => k.startsWith('defects.') && v.trim() !== '')
      .map(([k, v]) => [k.slice('defects.'.length), numberOf(v)] as const);
    return Object.fromEntries(counts.filter(([, n]) => n !== 0));
  }
  const text = (values[spec.name] ?? '').trim();
  switch (spec.input) {
    case 'numeric':
    case 'decimal':
      return numberOf(text);
    case 'date':
      return fromDateInput(text);
    case 'datetime':
      return fromDateTimeLocal(text);
    case 'checkbox':
      return text === 'true';
    default:
      return text === '' ? (spec.optional ? null : undefined) : text;
  }
}

/** The form's values read by the shared rules of `kind`: its arguments, or a message per field (`defects.<id>` for a count). */
export function readKind(kind: OtherKind, values: KindValues): KindReading {
  const raw = Object.fromEntries(KIND_FIELDS[kind].map((spec) => [spec.name, fieldValue(spec, values)]));
  const parsed = ENTRIES[kind].input.safeParse(raw);
  if (parsed.success) return { ok: true, args: parsed.data as Record<string, unknown> };
  const errors: Record<string, string> = {};
  for (const issue of [...parsed.error.issues, ...acrossFields(ENTRIES[kind].input, STAND_INS[kind], raw, parsed.error.issues)]) {
    const key = issue.path.map(String).join('.');
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

/** Blank when nothing but defaults is typed. */
export const isBlankKind = (values: KindValues) =>
  Object.entries(values).every(([k, v]) => v.trim() === '' || k === 'shiftDate' || k === 'coveredByPool');
