import type { Formats } from '../../../../shared/formats.ts';
import { type DecimalSeparator, numberInputText, readNumber } from '../../../../shared/numbers.ts';
import type { MasterDataKind } from '../../../../shared/shop-floor/master-data.ts';
import { breaksFromText, breaksText, plannedMinutes, type ShiftBreak } from '../../../../shared/shop-floor/shifts.ts';
import { durationText } from '../inputs.ts';

/** A master data row as the section sees it: its id, archive time and fields. */
export type MasterRow = { id: string; archivedAt?: number | null | undefined; [field: string]: unknown };

/** How a field is typed in the form, and turned into the value the shared rules check. */
export type FieldKind = 'text' | 'number' | 'time' | 'planned' | 'breaks';

export interface FieldSpec {
  key: string;
  label: string;
  kind: FieldKind;
  description?: string;
}

export interface ColumnSpec {
  label: string;
  value: (row: MasterRow, fmt: Formats) => string;
  numeric?: boolean;
}

/** One master data object on the settings page: its words, its form fields and its table's columns. */
export interface MasterSpec {
  kind: MasterDataKind;
  title: string;
  singular: string;
  intro: string;
  fields: FieldSpec[];
  columns: ColumnSpec[];
}

const text = (row: MasterRow, key: string) => String(row[key] ?? '');
const code: FieldSpec = { key: 'code', label: 'Code', kind: 'text', description: 'Short and unique, e.g. MECH.' };
const name: FieldSpec = { key: 'name', label: 'Name', kind: 'text' };
const codeColumn: ColumnSpec = { label: 'Code', value: (r) => text(r, 'code') };
const nameColumn: ColumnSpec = { label: 'Name', value: (r) => text(r, 'name') };

export const MASTER_SPECS: MasterSpec[] = [
  {
    kind: 'line',
    title: 'Lines',
    singular: 'line',
    intro: 'The work centres jobs run on.',
    fields: [{ ...name, description: 'Unique, e.g. Assembly line.' }],
    columns: [nameColumn],
  },
  {
    kind: 'product',
    title: 'Products',
    singular: 'product',
    intro: 'What the lines make, with the seconds one piece takes at the ideal rate (performance is measured against it).',
    fields: [
      code,
      name,
      {
        key: 'idealCycleSeconds',
        label: 'Ideal cycle time (seconds)',
        kind: 'number',
        description: 'Seconds per piece, above 0.',
      },
    ],
    columns: [
      codeColumn,
      nameColumn,
      {
        label: 'Ideal cycle time',
        numeric: true,
        value: (r, fmt) => (typeof r.idealCycleSeconds === 'number' ? `${fmt.number(r.idealCycleSeconds)} s` : 'Not set'),
      },
    ],
  },
  {
    kind: 'shift',
    title: 'Shifts',
    singular: 'shift',
    intro: 'The shift calendar. An end at or before the start is the next day: 22:00 to 06:00 is a night shift.',
    fields: [
      { ...name, description: 'Unique, e.g. Night.' },
      { key: 'start', label: 'Start', kind: 'time', description: '24-hour clock, e.g. 22:00.' },
      { key: 'end', label: 'End', kind: 'time', description: 'At or before the start: the next day.' },
      { key: 'breaks', label: 'Breaks', kind: 'breaks', description: 'Optional, e.g. 02:00-02:30, 04:00-04:10.' },
    ],
    columns: [
      nameColumn,
      {
        label: 'Hours',
        value: (r) => `${text(r, 'start')}–${text(r, 'end')}${text(r, 'end') <= text(r, 'start') ? ' (next day)' : ''}`,
      },
      { label: 'Breaks', value: (r) => breaksText((r.breaks ?? []) as ShiftBreak[]) || 'None' },
      {
        label: 'Planned time',
        value: (r) =>
          durationText(
            60 * plannedMinutes({ start: text(r, 'start'), end: text(r, 'end'), breaks: (r.breaks ?? []) as ShiftBreak[] }),
          ),
      },
    ],
  },
  {
    kind: 'employee',
    title: 'Employees',
    singular: 'employee',
    intro: 'The people on the floor. Archiving an employee marks them inactive; their history stays.',
    fields: [{ ...code, description: 'Unique, e.g. a badge number.' }, name],
    columns: [codeColumn, nameColumn],
  },
  {
    kind: 'downtimeReason',
    title: 'Downtime reasons',
    singular: 'downtime reason',
    intro: 'Why a line stops. Planned stops (maintenance, changeovers) do not count against availability.',
    fields: [code, name, { key: 'planned', label: 'Kind', kind: 'planned' }],
    columns: [codeColumn, nameColumn, { label: 'Kind', value: (r) => (r.planned ? 'Planned' : 'Unplanned') }],
  },
  {
    kind: 'defectType',
    title: 'Defect types',
    singular: 'defect type',
    intro: 'What goes wrong with a piece, for the quality entries.',
    fields: [code, name],
    columns: [codeColumn, nameColumn],
  },
];

/** A row's field as the form's text. */
export function fieldText(field: FieldSpec, value: unknown, decimal: DecimalSeparator): string {
  if (field.kind === 'number') return typeof value === 'number' ? numberInputText(value, decimal) : '';
  if (field.kind === 'planned') return value === true ? 'planned' : value === false ? 'unplanned' : '';
  if (field.kind === 'breaks') return breaksText((value ?? []) as ShiftBreak[]);
  return value === null || value === undefined ? '' : String(value);
}

/**
 * The form's text as the value the shared rules check: a number (NaN when
 * the text is not one, so the rule's message shows), a boolean, a list of
 * breaks, or the text itself.
 */
export function fieldValue(field: FieldSpec, text: string, decimal: DecimalSeparator): unknown {
  if (field.kind === 'number') {
    if (text.trim() === '') return undefined;
    const reading = readNumber(text, { decimal });
    return reading.ok ? reading.value : Number.NaN;
  }
  if (field.kind === 'planned') return text === '' ? undefined : text === 'planned';
  if (field.kind === 'breaks') return breaksFromText(text);
  return text;
}
