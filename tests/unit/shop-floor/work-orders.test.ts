import { describe, expect, test } from 'vitest';
import { can } from '../../../shared/roles.ts';
import { masterDataInput, masterDataPatch, takenMessage } from '../../../shared/shop-floor/master-data.ts';
import { breaksFromText, breaksText, plannedMinutes, shiftSpanMinutes } from '../../../shared/shop-floor/shifts.ts';
import {
  canTransition,
  holdSeconds,
  isFinal,
  jobInput,
  needsReason,
  nextStatuses,
  transitionAction,
  transitionInput,
  transitionIssues,
  transitionLabel,
  WORK_ORDER_STATUSES,
  type WorkOrderStatus,
  workOrderInput,
  workOrderPatch,
} from '../../../shared/shop-floor/work-orders.ts';

/** Every move the lifecycle allows (seed 003), written out once more by hand. */
const ALLOWED: [WorkOrderStatus, WorkOrderStatus][] = [
  ['ACTIVE', 'ON_HOLD'],
  ['ON_HOLD', 'ACTIVE'],
  ['ACTIVE', 'COMPLETED'],
  ['ACTIVE', 'CANCELLED'],
  ['ON_HOLD', 'CANCELLED'],
  ['ACTIVE', 'REJECTED'],
  ['ON_HOLD', 'REJECTED'],
];
const PAIRS = WORK_ORDER_STATUSES.flatMap((from) => WORK_ORDER_STATUSES.map((to) => [from, to] as const));
const isAllowed = (from: WorkOrderStatus, to: WorkOrderStatus) => ALLOWED.some(([f, t]) => f === from && t === to);
const fields = (issues: { loc: (string | number)[] }[]) => issues.map((i) => i.loc.join('.'));
const pathsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (r.error?.issues ?? []).map((i) => i.path.join('.')).sort();

describe('the work order lifecycle', () => {
  test.for(PAIRS)('%s -> %s is allowed exactly when the diagram has it', ([from, to]) => {
    expect(canTransition(from, to)).toBe(isAllowed(from, to));
    expect(nextStatuses(from).includes(to)).toBe(isAllowed(from, to));
  });

  test('completed, cancelled and rejected are final; staying put is never a transition', () => {
    expect(WORK_ORDER_STATUSES.filter(isFinal)).toEqual(['COMPLETED', 'CANCELLED', 'REJECTED']);
    for (const s of WORK_ORDER_STATUSES) expect(canTransition(s, s)).toBe(false);
  });

  test('a hold, a cancellation and a rejection need a reason; a release and a completion do not', () => {
    expect(WORK_ORDER_STATUSES.filter(needsReason)).toEqual(['ON_HOLD', 'CANCELLED', 'REJECTED']);
  });

  test('a forbidden move is refused naming `to`, with where the order can go', () => {
    const done = transitionIssues('COMPLETED', { to: 'ACTIVE', reason: null });
    expect(fields(done)).toEqual(['to']);
    expect(done[0]?.msg).toBe('"to" cannot be ACTIVE while the work order is COMPLETED: Completed is final');
    const skip = transitionIssues('ON_HOLD', { to: 'COMPLETED', reason: 'done' });
    expect(skip[0]?.msg).toBe(
      '"to" cannot be COMPLETED while the work order is ON_HOLD: from On hold it can go to ACTIVE, CANCELLED, REJECTED',
    );
    expect(fields(transitionIssues('ACTIVE', { to: 'ACTIVE', reason: null }))).toEqual(['to']);
  });

  test('an allowed move without its required reason is refused naming `reason`; with it, it passes', () => {
    for (const [from, to] of ALLOWED) {
      const without = transitionIssues(from, { to, reason: null });
      expect(fields(without), `${from} -> ${to}`).toEqual(needsReason(to) ? ['reason'] : []);
      expect(transitionIssues(from, { to, reason: 'Because' }), `${from} -> ${to}`).toEqual([]);
    }
    expect(transitionIssues('ACTIVE', { to: 'ON_HOLD', reason: null })[0]?.msg).toBe(
      'Reason is required to move a work order to ON_HOLD',
    );
  });

  test('the input: `to` one of the statuses, the reason trimmed (blank is none) and at most 500 characters', () => {
    expect(transitionInput.parse({ to: 'ON_HOLD', reason: '  Waiting for parts ' })).toEqual({
      to: 'ON_HOLD',
      reason: 'Waiting for parts',
    });
    expect(transitionInput.parse({ to: 'ACTIVE', reason: '   ' })).toEqual({ to: 'ACTIVE', reason: null });
    expect(transitionInput.parse({ to: 'ACTIVE' })).toEqual({ to: 'ACTIVE', reason: null });
    const bad = transitionInput.safeParse({ to: 'PAUSED', reason: 'x'.repeat(501) });
    expect(pathsOf(bad)).toEqual(['reason', 'to']);
    expect(bad.error?.issues.find((i) => i.path[0] === 'to')?.message).toBe(
      'To must be one of ACTIVE, ON_HOLD, COMPLETED, CANCELLED, REJECTED',
    );
  });

  test('holding and releasing are operators’ work; closing is managers’; viewers do neither', () => {
    expect(WORK_ORDER_STATUSES.map((to) => transitionAction(to))).toEqual(['hold', 'hold', 'close', 'close', 'close']);
    expect(can('operator', 'workOrder', 'hold')).toBe(true);
    expect(can('operator', 'workOrder', 'close')).toBe(false);
    expect(can('operator', 'workOrder', 'create')).toBe(false);
    expect(can('manager', 'workOrder', 'close')).toBe(true);
    expect(can('viewer', 'workOrder', 'hold')).toBe(false);
    expect(can('viewer', 'workOrder', 'read')).toBe(true);
    for (const resource of ['line', 'product', 'shift', 'employee', 'downtimeReason', 'defectType'] as const) {
      expect(can('operator', resource, 'update'), resource).toBe(false);
      expect(can('manager', resource, 'update'), resource).toBe(true);
      expect(can('viewer', resource, 'read'), resource).toBe(true);
    }
  });

  test('buttons say what they do', () => {
    expect(transitionLabel('ACTIVE', 'ON_HOLD')).toBe('Put on hold');
    expect(transitionLabel('ON_HOLD', 'ACTIVE')).toBe('Release');
    expect(transitionLabel('ON_HOLD', 'REJECTED')).toBe('Reject');
  });

  test('a hold lasts whole seconds from its start to its end, never less than 0', () => {
    expect(holdSeconds(1_000, 46 * 60_000 + 1_000)).toBe(2760);
    expect(holdSeconds(10_000, 10_400)).toBe(0);
    expect(holdSeconds(10_000, 9_000)).toBe(0);
  });
});

describe('work order and job fields', () => {
  test('a new order needs a number and a whole planned quantity from 1; the rest is optional', () => {
    expect(workOrderInput.parse({ number: ' WO-1 ', plannedQuantity: 5 })).toEqual({
      number: 'WO-1',
      plannedQuantity: 5,
      productID: null,
      plannedStart: null,
      plannedShipDate: null,
    });
    const bad = workOrderInput.safeParse({ number: ' ', plannedQuantity: 2.5, plannedStart: Number.NaN });
    expect(pathsOf(bad)).toEqual(['number', 'plannedQuantity', 'plannedStart']);
    expect(bad.error?.issues.find((i) => i.path[0] === 'plannedQuantity')?.message).toBe(
      'Planned quantity must be a whole number',
    );
    expect(pathsOf(workOrderInput.safeParse({ number: 'W', plannedQuantity: 0 }))).toEqual(['plannedQuantity']);
  });

  test('ship dates are days: any instant of one is kept as its UTC midnight', () => {
    const patch = workOrderPatch.parse({ plannedShipDate: Date.UTC(2026, 11, 18, 15, 30), actualShipDate: null });
    expect(patch).toEqual({ plannedShipDate: Date.UTC(2026, 11, 18), actualShipDate: null });
    expect(workOrderPatch.parse({})).toEqual({});
  });

  test('a job needs a name, a line and a planned quantity', () => {
    expect(pathsOf(jobInput.safeParse({ name: '', plannedQuantity: -1 }))).toEqual(['lineID', 'name', 'plannedQuantity']);
  });
});

describe('master data fields', () => {
  test('a product needs a code, a name and an ideal cycle time above 0 (at most a day)', () => {
    const product = masterDataInput('product');
    expect(product.parse({ code: ' WID-1 ', name: 'Widget', idealCycleSeconds: 12.5 })).toEqual({
      code: 'WID-1',
      name: 'Widget',
      idealCycleSeconds: 12.5,
    });
    for (const [value, message] of [
      [0, 'Ideal cycle time must be more than 0 seconds'],
      [-3, 'Ideal cycle time must be more than 0 seconds'],
      [86_401, 'Ideal cycle time must be at most 86400 seconds (a day)'],
      [null, 'Ideal cycle time must be a number of seconds'],
    ] as const) {
      const r = product.safeParse({ code: 'A', name: 'B', idealCycleSeconds: value });
      expect(
        r.error?.issues.map((i) => i.message),
        String(value),
      ).toEqual([message]);
    }
    expect(pathsOf(masterDataPatch('product').safeParse({ idealCycleSeconds: 0 }))).toEqual(['idealCycleSeconds']);
    expect(masterDataPatch('product').parse({ name: 'Renamed' })).toEqual({ name: 'Renamed' });
  });

  test('a downtime reason says whether it is planned; codes and names are required', () => {
    const reason = masterDataInput('downtimeReason');
    expect(reason.parse({ code: 'PM', name: 'Maintenance', planned: true })).toEqual({
      code: 'PM',
      name: 'Maintenance',
      planned: true,
    });
    expect(pathsOf(reason.safeParse({ code: '', name: 'x'.repeat(101) }))).toEqual(['code', 'name', 'planned']);
    expect(takenMessage('downtimeReason', 'PM')).toBe(
      'A downtime reason with the code “PM” already exists (it may be archived): choose another code',
    );
  });
});

describe('shifts', () => {
  const shift = masterDataInput('shift');
  const night = {
    name: 'Night',
    start: '22:00',
    end: '06:00',
    breaks: [
      { start: '23:50', end: '00:20' },
      { start: '02:00', end: '02:30' },
    ],
  };

  test('an end before the start is the next day: a 22:00-06:00 shift lasts 8 hours, 7 of them planned', () => {
    expect(shift.parse(night)).toEqual(night);
    expect(shiftSpanMinutes(night)).toBe(480);
    expect(plannedMinutes(night)).toBe(420);
    expect(plannedMinutes({ start: '06:00', end: '14:00', breaks: [] })).toBe(480);
  });

  test('times are HH:MM; equal times are a 24-hour shift; breaks lie inside the shift without overlapping', () => {
    expect(pathsOf(shift.safeParse({ ...night, start: '24:00', end: '6:00' }))).toEqual(['end', 'start']);
    const allDay = { name: 'Around the clock', start: '06:00', end: '06:00', breaks: [{ start: '05:30', end: '06:00' }] };
    expect(shift.parse(allDay)).toEqual(allDay);
    expect(shiftSpanMinutes(allDay)).toBe(24 * 60);
    expect(plannedMinutes(allDay)).toBe(24 * 60 - 30);
    const outside = shift.safeParse({ ...night, breaks: [{ start: '12:00', end: '12:30' }] });
    expect(outside.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['breaks.0.end', 'Break 12:00-12:30 must lie inside the shift (22:00-06:00)'],
    ]);
    const overlapping = shift.safeParse({
      ...night,
      breaks: [
        { start: '02:00', end: '02:30' },
        { start: '02:15', end: '02:45' },
      ],
    });
    expect(pathsOf(overlapping)).toEqual(['breaks.1.start']);
    expect(pathsOf(shift.safeParse({ ...night, breaks: [{ start: '01:00', end: '01:00' }] }))).toEqual(['breaks.0.end']);
  });

  test('breaks read from text and back', () => {
    expect(breaksFromText(' 12:00-12:30, 15:00 – 15:10\n')).toEqual([
      { start: '12:00', end: '12:30' },
      { start: '15:00', end: '15:10' },
    ]);
    expect(breaksFromText('  ')).toEqual([]);
    expect(breaksText(night.breaks)).toBe('23:50-00:20, 02:00-02:30');
  });
});
