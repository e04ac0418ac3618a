import { describe, expect, test } from 'vitest';
import { can, rolesThat } from '../../../shared/roles.ts';
import {
  attendanceEntryInput,
  closedOrderIssues,
  downtimeEntryInput,
  productionEntryInput,
  qualityEntryInput,
  withinShift,
} from '../../../shared/shop-floor/entries.ts';
import { WORK_ORDER_STATUSES } from '../../../shared/shop-floor/work-orders.ts';
import { fieldIssues } from '../../../shared/validation.ts';

const DAY = Date.UTC(2026, 11, 3);
const production = {
  workOrderID: 'wo1',
  lineID: 'l1',
  shiftDate: DAY,
  unitsProduced: 100,
  runHours: 7.5,
  employeesAssigned: 4,
};
const quality = { workOrderID: 'wo1', lineID: 'l1', shiftDate: DAY, inspected: 50 };
const downtime = { lineID: 'l1', reasonID: 'r1', startedAt: Date.UTC(2026, 11, 3, 9, 15), durationMinutes: 20 };
const attendance = { employeeID: 'e1', shiftID: 's1', shiftDate: DAY, scheduledHours: 8 };

/** Each refused field with its message. */
function refusals(schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) return {};
  return Object.fromEntries(fieldIssues(result.error as never).map((i) => [i.loc.join('.'), i.msg]));
}

describe('production entries', () => {
  test('a minimal entry takes its defaults: nothing defective, no job, shift, people present or note', () => {
    expect(productionEntryInput.parse({ ...production, note: '  ' })).toEqual({
      ...production,
      jobID: null,
      shiftID: null,
      unitsDefective: 0,
      employeesPresent: null,
      note: null,
    });
    // Any instant of the day is that day.
    expect(productionEntryInput.parse({ ...production, shiftDate: DAY + 13 * 3_600_000 }).shiftDate).toBe(DAY);
  });

  test('units defective never above units produced, named and with both numbers', () => {
    expect(refusals(productionEntryInput, { ...production, unitsProduced: 10, unitsDefective: 12 })).toEqual({
      unitsDefective: 'Units defective (12) cannot be more than units produced (10)',
    });
    expect(refusals(productionEntryInput, { ...production, unitsProduced: 10, unitsDefective: 10 })).toEqual({});
  });

  test('counts are whole and not negative; times are hours from 0 to 24; every message names its field', () => {
    expect(
      refusals(productionEntryInput, {
        ...production,
        unitsProduced: -1,
        unitsDefective: 1.5,
        runHours: -0.5,
        employeesAssigned: 2.5,
        employeesPresent: -2,
      }),
    ).toEqual({
      unitsProduced: 'Units produced cannot be negative',
      unitsDefective: 'Units defective must be a whole number',
      runHours: 'Run time cannot be negative',
      employeesAssigned: 'Employees assigned must be a whole number of people',
      employeesPresent: 'Employees present cannot be negative',
    });
    expect(refusals(productionEntryInput, { ...production, runHours: 24.5 })).toEqual({
      runHours: 'Run time must be at most 24 hours (no shift is longer than a day)',
    });
    expect(refusals(productionEntryInput, { ...production, runHours: 24 })).toEqual({});
    expect(refusals(productionEntryInput, { ...production, runHours: Number.NaN })).toEqual({
      runHours: 'Run time must be a number of hours',
    });
    expect(refusals(productionEntryInput, { ...production, unitsProduced: '5' })).toEqual({
      unitsProduced: 'Units produced must be a number',
    });
  });

  test('the work order, line and shift date are required; the note is at most 500 characters', () => {
    expect(refusals(productionEntryInput, { ...production, workOrderID: '', lineID: undefined, shiftDate: 'today' })).toEqual({
      workOrderID: 'Work order is required',
      lineID: 'Line is required',
      shiftDate: 'Shift date must be a date and time',
    });
    expect(refusals(productionEntryInput, { ...production, note: 'x'.repeat(501) })).toEqual({
      note: 'Note must be at most 500 characters',
    });
  });
});

describe('quality entries', () => {
  test('defects by defect type; scrap and rework default to none', () => {
    expect(qualityEntryInput.parse({ ...quality, defects: { d1: 3, d2: 0 } })).toMatchObject({
      defects: { d1: 3, d2: 0 },
      scrap: 0,
      rework: 0,
      productionEntryID: null,
      shiftID: null,
    });
  });

  test('scrap and rework together no more than inspected, naming the one that tips it', () => {
    expect(refusals(qualityEntryInput, { ...quality, scrap: 51 })).toEqual({
      scrap: 'Scrap and rework (51) cannot be more than the units inspected (50)',
    });
    expect(refusals(qualityEntryInput, { ...quality, scrap: 30, rework: 21 })).toEqual({
      rework: 'Scrap and rework (51) cannot be more than the units inspected (50)',
    });
    expect(refusals(qualityEntryInput, { ...quality, scrap: 30, rework: 20 })).toEqual({});
  });

  test('defect counts are whole and not negative, named by their defect type; inspected is required', () => {
    expect(refusals(qualityEntryInput, { ...quality, defects: { d1: -1, d2: 0.5 } })).toEqual({
      'defects.d1': 'Defects cannot be negative',
      'defects.d2': 'Defects must be a whole number',
    });
    expect(refusals(qualityEntryInput, { ...quality, inspected: undefined })).toEqual({
      inspected: 'Inspected must be a number',
    });
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`d${i}`, 1]));
    expect(refusals(qualityEntryInput, { ...quality, defects: many })).toEqual({
      defects: 'Defects can name at most 50 defect types',
    });
  });
});

describe('downtime entries', () => {
  test('a reason, a start and whole minutes from 1 to a day', () => {
    expect(downtimeEntryInput.parse(downtime)).toEqual({ ...downtime, workOrderID: null, note: null });
    expect(refusals(downtimeEntryInput, { ...downtime, durationMinutes: 0 })).toEqual({
      durationMinutes: 'Minutes must be at least 1',
    });
    expect(refusals(downtimeEntryInput, { ...downtime, durationMinutes: 1441 })).toEqual({
      durationMinutes: 'Minutes must be at most 1440 (a day)',
    });
    expect(refusals(downtimeEntryInput, { ...downtime, reasonID: '', startedAt: null })).toEqual({
      reasonID: 'Reason is required',
      startedAt: 'Start must be a date and time',
    });
  });
});

describe('attendance entries', () => {
  test('absent hours within the scheduled ones, with a reason; the pool covers only an absence', () => {
    expect(attendanceEntryInput.parse(attendance)).toEqual({ ...attendance, absentHours: 0, reason: null, coveredByPool: false });
    expect(refusals(attendanceEntryInput, { ...attendance, absentHours: 9, reason: 'Sick' })).toEqual({
      absentHours: 'Absent hours (9) cannot be more than the scheduled hours (8)',
    });
    expect(refusals(attendanceEntryInput, { ...attendance, absentHours: 4 })).toEqual({
      reason: 'Reason is required for an absence',
    });
    expect(refusals(attendanceEntryInput, { ...attendance, coveredByPool: true })).toEqual({
      coveredByPool: 'Covered by pool needs an absence to cover',
    });
    expect(refusals(attendanceEntryInput, { ...attendance, absentHours: 4, reason: 'Sick', coveredByPool: true })).toEqual({});
    expect(refusals(attendanceEntryInput, { ...attendance, scheduledHours: 25, absentHours: -1 })).toEqual({
      scheduledHours: 'Scheduled hours must be at most 24 hours (no shift is longer than a day)',
      absentHours: 'Absent hours cannot be negative',
    });
  });
});

describe('rules that need the shift or the work order', () => {
  const night = { name: 'Night', start: '22:00', end: '06:00' };

  test('hours fit in the shift, overnight counted as the KPI formulas count it', () => {
    expect(withinShift('runHours', 'Run time', 8, night)).toEqual([]);
    expect(withinShift('runHours', 'Run time', 8.5, night)).toEqual([
      {
        loc: ['runHours'],
        msg: 'Run time (8.5 h) cannot be more than the 8 h of shift Night (22:00-06:00)',
        type: 'longer_than_shift',
      },
    ]);
    expect(withinShift('scheduledHours', 'Scheduled hours', 24, { name: 'Day', start: '06:00', end: '06:00' })).toEqual([]);
  });

  test('new entries go against ACTIVE or ON_HOLD orders only', () => {
    const open = WORK_ORDER_STATUSES.filter(
      (status) => closedOrderIssues('workOrderID', { number: 'WO-1', status }).length === 0,
    );
    expect(open).toEqual(['ACTIVE', 'ON_HOLD']);
    expect(closedOrderIssues('workOrderID', { number: 'WO-1', status: 'COMPLETED' })).toEqual([
      { loc: ['workOrderID'], msg: 'Work order WO-1 is completed: it takes no new entries', type: 'closed' },
    ]);
  });

  test('operators enter; managers and up edit and delete; viewers read', () => {
    expect(rolesThat('shopFloorEntry', 'create')).toEqual(['owner', 'admin', 'manager', 'operator']);
    expect(rolesThat('shopFloorEntry', 'update')).toEqual(['owner', 'admin', 'manager']);
    expect(rolesThat('shopFloorEntry', 'delete')).toEqual(['owner', 'admin', 'manager']);
    expect(can('viewer', 'shopFloorEntry', 'read')).toBe(true);
    expect(can('viewer', 'shopFloorEntry', 'create')).toBe(false);
  });
});
