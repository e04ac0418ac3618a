import { describe, expect, test } from 'vitest';
import { draftKey, loadDrafts, stateOf, storeDrafts } from '../../../web/features/shop-floor/entry/drafts.ts';
import { readKind } from '../../../web/features/shop-floor/entry/kind-specs.ts';
import {
  type EntryChoices,
  emptyCells,
  isBlank,
  numberOf,
  type ProductionCells,
  readBackEntry,
  readProductionRow,
} from '../../../web/features/shop-floor/entry/production-row.ts';
import { readBack, shiftWords } from '../../../web/features/shop-floor/entry/read-back.ts';

const choices: EntryChoices = {
  lines: [
    { id: 'line-1', name: 'Line 1' },
    { id: 'line-2', name: 'Line 2' },
  ],
  shifts: [{ id: 'night', name: 'Night' }],
  orders: [{ id: 'wo-1', number: 'WO-1001', jobs: [{ id: 'job-1', name: 'Cutting' }] }],
};

const cells = (over: Partial<ProductionCells>): ProductionCells => ({
  ...emptyCells('2026-12-02'),
  line: 'Line 1',
  shift: 'night',
  workOrder: 'wo-1001',
  unitsProduced: '480',
  unitsDefective: '3',
  runHours: '7,5',
  employeesAssigned: '6',
  ...over,
});

describe('a production row read by the shared rules', () => {
  test('names are matched without regard to case; a decimal comma reads as a point; the arguments are the mutator’s', () => {
    expect(readProductionRow(cells({ job: 'cutting' }), choices)).toEqual({
      ok: true,
      args: {
        workOrderID: 'wo-1',
        jobID: 'job-1',
        lineID: 'line-1',
        shiftID: 'night',
        shiftDate: Date.UTC(2026, 11, 2),
        unitsProduced: 480,
        unitsDefective: 3,
        runHours: 7.5,
        employeesAssigned: 6,
        employeesPresent: null,
      },
    });
  });

  test('units defective above units produced is an error on the defective cell, with both numbers', () => {
    const r = readProductionRow(cells({ unitsProduced: '10', unitsDefective: '12' }), choices);
    expect(r).toEqual({ ok: false, errors: { unitsDefective: 'Units defective (12) cannot be more than units produced (10)' } });
  });

  test('each unknown name, missing number and bad date is named on its own cell and says what to type', () => {
    const r = readProductionRow(
      cells({ line: 'Line 9', workOrder: 'WO-404', unitsProduced: '', runHours: 'abc', date: '2/12', employeesAssigned: '-1' }),
      choices,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      line: 'Line “Line 9” not found: type a line’s name',
      workOrder: 'Work order “WO-404” is not an open order: type the number of an active or held order',
      unitsProduced: 'Units produced must be a number',
      runHours: 'Run time must be a number of hours',
      date: 'Shift date must be a date like 2026-12-02',
      employeesAssigned: 'Employees assigned cannot be negative',
    });
  });

  test('a job must be one of the order’s; run time over a day is refused', () => {
    const r = readProductionRow(cells({ job: 'Welding', runHours: '25' }), choices);
    expect(r.ok ? {} : r.errors).toEqual({
      job: 'Job “Welding” not found in work order WO-1001',
      runHours: 'Run time must be at most 24 hours (no shift is longer than a day)',
    });
  });

  test('a row with only its date is blank (skipped, not refused); numbers read as people type them', () => {
    expect(isBlank(emptyCells('2026-12-02'))).toBe(true);
    expect(isBlank({ ...emptyCells('2026-12-02'), line: 'Line 1' })).toBe(false);
    expect([numberOf(''), numberOf(' 1 200 '), numberOf('7,5'), numberOf('.5'), numberOf('1e3')]).toEqual([
      undefined,
      1200,
      7.5,
      0.5,
      Number.NaN,
    ]);
  });
});

describe('read-back in words (seed 004)', () => {
  test('line, shift and day, then units, defective, hours and people, then the order', () => {
    const r = readProductionRow(cells({ employeesPresent: '5' }), choices);
    if (!r.ok) throw new Error('expected a valid row');
    expect(readBack(readBackEntry(r.args, choices))).toBe(
      'Line 1, night shift 2 Dec: 480 units, 3 defective, 7.5 h, 5 people (work order WO-1001)',
    );
  });

  test('without a shift, with a job, one person and thousands', () => {
    const text = readBack({
      line: 'Press 2',
      shift: null,
      shiftDate: Date.UTC(2026, 0, 31),
      workOrder: 'WO-7',
      job: 'Stamping',
      unitsProduced: 12000,
      unitsDefective: 1,
      runHours: 8,
      employeesAssigned: 1,
      employeesPresent: null,
    });
    expect(text).toBe('Press 2, 31 Jan: 12,000 units, 1 defective, 8 h, 1 person (work order WO-7, job Stamping)');
    expect([shiftWords('Night shift'), shiftWords('Early')]).toEqual(['night shift', 'early shift']);
  });
});

describe('drafts on the device', () => {
  const memory = () => {
    const data = new Map<string, string>();
    return {
      data,
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    };
  };
  const key = draftKey('production', 'org-a', 'user-1');

  test('kept per form, organization and person', () => {
    expect(new Set([key, draftKey('production', 'org-b', 'user-1'), draftKey('production', 'org-a', 'user-2')]).size).toBe(3);
  });

  test('drafts, refusals and unconfirmed rows are kept; saved and blank rows are not; a sent row comes back editable', () => {
    const store = memory();
    const c = cells({});
    storeDrafts(
      store,
      key,
      [
        { id: 'typed', cells: c, state: { kind: 'draft' } },
        { id: 'blank', cells: emptyCells('2026-12-02'), state: { kind: 'draft' } },
        { id: 'sent', cells: c, state: { kind: 'pending' } },
        { id: 'done', cells: c, state: { kind: 'saved' } },
        { id: 'no', cells: c, state: { kind: 'refused', reason: 'Work order WO-1001 is completed' } },
      ],
      isBlank,
    );
    expect(loadDrafts(store, key)).toEqual([
      { id: 'typed', cells: c, state: { kind: 'draft' } },
      { id: 'sent', cells: c, state: { kind: 'draft' } },
      { id: 'no', cells: c, state: { kind: 'refused', reason: 'Work order WO-1001 is completed' } },
    ]);
    storeDrafts(store, key, [{ id: 'done', cells: c, state: { kind: 'saved' } }], isBlank);
    expect(store.data.has(key)).toBe(false);
  });

  test('unreadable storage is no drafts, not an error', () => {
    const store = memory();
    store.setItem(key, '{not json');
    expect(loadDrafts(store, key)).toEqual([]);
    store.setItem(key, JSON.stringify([{ nope: true }, 'x']));
    expect(loadDrafts(store, key)).toEqual([]);
  });

  test('a write’s outcome as a row state', () => {
    expect(stateOf({ status: 'saved' })).toEqual({ kind: 'saved' });
    expect(stateOf({ status: 'waiting' })).toEqual({ kind: 'pending' });
    expect(stateOf({ status: 'rejected', message: 'No' })).toEqual({ kind: 'refused', reason: 'No' });
  });
});

describe('validation as you type', () => {
  test('units defective above units produced is said while the rest of the row is still blank', () => {
    const typing = { ...emptyCells('2026-12-02'), unitsProduced: '40', unitsDefective: '41' };
    const r = readProductionRow(typing, choices);
    expect(r.ok ? {} : r.errors.unitsDefective).toBe('Units defective (41) cannot be more than units produced (40)');
    const fine = readProductionRow({ ...typing, unitsDefective: '4' }, choices);
    expect(fine.ok ? {} : fine.errors.unitsDefective).toBeUndefined();
    // A units produced that is not a number yet does not make every defective count wrong.
    const unread = readProductionRow({ ...typing, unitsProduced: 'x' }, choices);
    expect(unread.ok ? {} : unread.errors.unitsDefective).toBeUndefined();
  });
});

describe('quality, downtime and attendance forms read by the shared rules', () => {
  test('each form’s rules across fields are said while it is half typed', () => {
    const quality = readKind('qualityEntry', { inspected: '10', scrap: '8', rework: '4' });
    expect(quality.ok ? {} : quality.errors.rework).toBe('Scrap and rework (12) cannot be more than the units inspected (10)');
    const absence = readKind('attendanceEntry', { scheduledHours: '8', absentHours: '9' });
    expect(absence.ok ? {} : absence.errors.absentHours).toBe('Absent hours (9) cannot be more than the scheduled hours (8)');
  });

  test('a complete downtime entry reads as the mutator’s arguments; defects by type become a map', () => {
    const startedAt = '2026-12-02T23:15';
    expect(readKind('downtimeEntry', { lineID: 'line-1', reasonID: 'jam', startedAt, durationMinutes: '25' })).toEqual({
      ok: true,
      args: {
        lineID: 'line-1',
        reasonID: 'jam',
        workOrderID: null,
        startedAt: new Date(startedAt).getTime(),
        durationMinutes: 25,
        note: null,
      },
    });
    const quality = readKind('qualityEntry', {
      shiftDate: '2026-12-02',
      lineID: 'line-1',
      workOrderID: 'wo-1',
      inspected: '50',
      'defects.scratch': '3',
      'defects.dent': '',
    });
    expect(quality.ok && quality.args.defects).toEqual({ scratch: 3 });
  });
});
