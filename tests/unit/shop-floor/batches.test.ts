import { describe, expect, test } from 'vitest';
import { type BatchRefs, checkBatchRow, headerProblems } from '../../../shared/shop-floor/batches.ts';

/** An organization with one open order on a line (WO-1, product P-1), a closed one, a night shift and an archived line. */
const refs: BatchRefs = {
  order: (n) =>
    ({
      'WO-1': { id: 'o1', number: 'WO-1', status: 'ACTIVE' as const, productID: 'p1', defaultLineID: 'l1' },
      'WO-2': { id: 'o2', number: 'WO-2', status: 'ON_HOLD' as const, productID: null, defaultLineID: null },
      'WO-X': { id: 'ox', number: 'WO-X', status: 'REJECTED' as const, productID: null, defaultLineID: 'l1' },
    })[n],
  line: (n) => ({ 'Line 1': { id: 'l1', archived: false }, Old: { id: 'l0', archived: true } })[n],
  shift: (n) => (n === 'Night' ? { id: 's1', name: 'Night', start: '22:00', end: '06:00', archived: false } : undefined),
  product: (c) => ({ 'P-1': { id: 'p1', code: 'P-1' }, 'P-2': { id: 'p2', code: 'P-2' } })[c],
};
const row = {
  work_order_id: 'WO-1',
  shift_date: '2026-11-02',
  units_produced: '480',
  run_time_hours: '7.5',
  employees_assigned: '4',
};

describe('CSV batch header', () => {
  test('required columns in any order and case, optional ones too: no problem', () => {
    expect(
      headerProblems([' Shift_Date', 'UNITS_PRODUCED', 'work_order_id', 'employees_assigned', 'run_time_hours', 'line']),
    ).toEqual([]);
  });

  test('unknown, missing and repeated columns are each named', () => {
    const problems = headerProblems(['work_order_id', 'work_order_id', 'date', 'units_produced', 'run_time_hours']);
    expect(problems.map((p) => p.field)).toEqual(['date', 'shift_date', 'employees_assigned', 'work_order_id']);
    expect(problems[3]?.message).toBe('Column “work_order_id” appears more than once in the header');
  });
});

describe('CSV batch rows', () => {
  test('a good row resolves its references: the line from the order’s first job when none is named', () => {
    expect(checkBatchRow(1, { ...row, units_defective: '6' }, refs)).toEqual({
      ok: true,
      staged: {
        row: 1,
        workOrderID: 'o1',
        lineID: 'l1',
        shiftID: null,
        shiftDate: Date.UTC(2026, 10, 2),
        unitsProduced: 480,
        unitsDefective: 6,
        runHours: 7.5,
        employeesAssigned: 4,
      },
    });
  });

  test('an overnight shift counts its real hours: 8 h fits 22:00-06:00, 9 h does not', () => {
    expect(checkBatchRow(2, { ...row, shift: 'Night', run_time_hours: '8' }, refs).ok).toBe(true);
    expect(checkBatchRow(2, { ...row, shift: 'Night', run_time_hours: '9' }, refs)).toEqual({
      ok: false,
      errors: [
        { row: 2, field: 'run_time_hours', message: 'Run time (9 h) cannot be more than the 8 h of shift Night (22:00-06:00)' },
      ],
    });
  });

  test.each([
    [{ work_order_id: 'WO-X' }, 'work_order_id', 'Work order WO-X is rejected: it takes no new entries'],
    [{ work_order_id: 'WO-2' }, 'line', 'line is required: work order WO-2 has no job to take the line from'],
    [{ line: 'Old' }, 'line', 'Line “Old” is archived: it takes no new entries'],
    [{ product: 'P-2' }, 'product', 'Work order WO-1 is for another product than “P-2”'],
    [{ units_produced: '4.5' }, 'units_produced', 'Units produced must be a whole number'],
    [{ units_produced: '1e3' }, 'units_produced', 'units_produced must be a number (got “1e3”)'],
    [{ run_time_hours: '-1' }, 'run_time_hours', 'Run time cannot be negative'],
    [{ employees_assigned: '20000' }, 'employees_assigned', 'Employees assigned must be at most 10,000'],
    [{ units_defective: '481' }, 'units_defective', 'Units defective (481) cannot be more than units produced (480)'],
    [{ shift_date: '02/11/2026' }, 'shift_date', 'shift_date must be a date, YYYY-MM-DD (got “02/11/2026”)'],
  ])('%o is refused on %s', (change, field, message) => {
    expect(checkBatchRow(3, { ...row, ...change }, refs)).toEqual({ ok: false, errors: [{ row: 3, field, message }] });
  });

  test('defective above produced is not claimed when produced itself is wrong', () => {
    const checked = checkBatchRow(4, { ...row, units_produced: '-5', units_defective: '2' }, refs);
    expect(checked).toEqual({
      ok: false,
      errors: [{ row: 4, field: 'units_produced', message: 'Units produced cannot be negative' }],
    });
  });
});
