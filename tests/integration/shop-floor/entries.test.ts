import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';
import type { AttendanceEntry, DowntimeEntry, ProductionEntry, QualityEntry } from '../../../sync/schema.ts';
import { useAdminSql } from '../../helpers/db.ts';
import { useOrg } from '../../helpers/people.ts';
import { comparable, expectError, expectStatus, rest } from '../../helpers/rest.ts';
import { refusalOf, type TestZero, useZeroClients, watch } from '../../helpers/zero-client.ts';

type Entry = Record<string, unknown> & { id: string; shiftDate: string };
const locs = (error: { details: { loc: (string | number)[] }[] }) => error.details.map((d) => d.loc.join('.'));
const day = (text: string) => Date.parse(text);
const PATH = '/api/production/entries';

describe('production, quality, downtime and attendance entries', () => {
  const org = useOrg('Entries', { ada: 'owner', mia: 'manager', otto: 'operator', vic: 'viewer' });
  const other = useOrg('Entries elsewhere', { ivan: 'owner' });
  type Who = 'mia' | 'otto' | 'vic';
  const as = (who: Who) => ({ person: org[who], org: org.id });
  const open = useZeroClients();
  const sql = useAdminSql({ max: 2 });
  /** The organization's master data and work orders, made once by the manager. */
  const ids = { lineA: '', lineB: '', early: '', night: '', employee: '', reason: '', defect: '', jobOrder: '' };

  const ok = async (zero: TestZero, write: Parameters<TestZero['mutate']>[0]) => {
    const result = await zero.mutate(write).server;
    expect(result.type, JSON.stringify(result)).toBe('success');
  };
  const order = async (number: string) =>
    expectStatus(await rest(as('mia'), 'POST', '/api/work-orders', { number, plannedQuantity: 1000 }), 201) as Entry;
  const post = (who: Who, body: Record<string, unknown>) => rest(as(who), 'POST', PATH, body);
  const entry = (body: Record<string, unknown> = {}) => ({
    workOrder: 'WO-JOB',
    shiftDate: '2026-11-02',
    unitsProduced: 100,
    runTimeHours: 7,
    employeesAssigned: 3,
    ...body,
  });
  const rowsOf = async () =>
    (await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM sf_production_entry WHERE organization_id = ${org.id}`)[0]?.n;

  beforeAll(async () => {
    const z = open(org.mia, org.id);
    for (const key of ['lineA', 'lineB', 'early', 'night', 'employee', 'reason', 'defect'] as const) ids[key] = randomUUID();
    await ok(z, mutators.line.create({ id: ids.lineA, name: 'Line A' }));
    await ok(z, mutators.line.create({ id: ids.lineB, name: 'Line B' }));
    await ok(z, mutators.shift.create({ id: ids.early, name: 'Early', start: '06:00', end: '14:00', breaks: [] }));
    await ok(z, mutators.shift.create({ id: ids.night, name: 'Night', start: '22:00', end: '06:00', breaks: [] }));
    await ok(z, mutators.employee.create({ id: ids.employee, code: 'E-1', name: 'Ana' }));
    await ok(z, mutators.downtimeReason.create({ id: ids.reason, code: 'MECH', name: 'Mechanical', planned: false }));
    await ok(z, mutators.defectType.create({ id: ids.defect, code: 'SCR', name: 'Scratch' }));
    // WO-JOB has a job on line A: entries default to it.
    ids.jobOrder = (await order('WO-JOB')).id;
    const job = { id: randomUUID(), workOrderID: ids.jobOrder, name: 'Assemble', lineID: ids.lineA, plannedQuantity: 1000 };
    await ok(z, mutators.job.create(job));
  });

  test('an operator enters production over REST (line from the order’s first job, shift by name) and through Zero; a viewer sees both live', async () => {
    const zo = open(org.otto, org.id);
    const zv = open(org.vic, org.id);
    const seen = watch<ProductionEntry[]>(
      zv,
      queries.productionEntries.byWorkOrder({ orgID: org.id, workOrderID: ids.jobOrder }),
    );
    const stored = expectStatus(await post('otto', entry({ shift: 'Night', unitsDefective: 4, note: ' Slow start ' })), 201);
    expect(stored).toEqual({
      id: expect.any(String),
      workOrder: 'WO-JOB',
      workOrderId: ids.jobOrder,
      jobId: null,
      lineId: ids.lineA,
      line: 'Line A',
      shift: 'Night',
      shiftId: ids.night,
      shiftDate: '2026-11-02',
      unitsProduced: 100,
      unitsDefective: 4,
      runTimeHours: 7,
      employeesAssigned: 3,
      employeesPresent: null,
      note: 'Slow start',
      createdBy: org.otto.userID,
      createdAt: expect.any(String),
      updatedBy: org.otto.userID,
      updatedAt: expect.any(String),
    });
    const id = randomUUID();
    const fields = { workOrderID: ids.jobOrder, lineID: ids.lineB, shiftID: ids.early, shiftDate: day('2026-11-03') };
    await ok(zo, mutators.productionEntry.create({ id, ...fields, unitsProduced: 50, runHours: 8, employeesAssigned: 2 }));
    const both = await seen.until((rows) => rows.length === 2);
    // Newest shift date first, with the order, line and shift that name them.
    expect(both.map((e) => e.id)).toEqual([id, stored.id]);
    expect(both[0]).toMatchObject({ unitsDefective: 0, createdBy: org.otto.userID });

    // Viewers read only; operators do not edit or delete (managers correct entries).
    expectError(await post('vic', entry()), 403, 'FORBIDDEN');
    expect(
      await refusalOf(
        zv,
        mutators.productionEntry.create({ id: randomUUID(), ...fields, unitsProduced: 1, runHours: 1, employeesAssigned: 1 }),
      ),
    ).toMatchObject({
      code: 'FORBIDDEN',
      message:
        'Your role (Viewer) cannot enter production, quality, downtime or attendance. Ask an admin of this organization for access.',
    });
    expect(await refusalOf(zo, mutators.productionEntry.update({ id, unitsProduced: 60 }))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Your role (Operator) cannot edit shop-floor entries. Ask an admin of this organization for access.',
    });
    expect(await refusalOf(zo, mutators.productionEntry.delete({ id }))).toMatchObject({ code: 'FORBIDDEN' });

    // The manager corrects the count: checked again on the row as it would be, and named as its editor.
    const zm = open(org.mia, org.id);
    expect(await refusalOf(zm, mutators.productionEntry.update({ id, unitsDefective: 51 }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: ['unitsDefective'],
      message: 'Units defective (51) cannot be more than units produced (50)',
    });
    await ok(zm, mutators.productionEntry.update({ id, unitsProduced: 60, unitsDefective: 5 }));
    const edited = await seen.until((rows) => rows.some((e) => e.id === id && e.unitsProduced === 60));
    expect(edited.find((e) => e.id === id)).toMatchObject({
      unitsDefective: 5,
      updatedBy: org.mia.userID,
      createdBy: org.otto.userID,
    });
    await ok(zm, mutators.productionEntry.delete({ id: stored.id }));
    await seen.until((rows) => rows.length === 1);
    const audited = await sql<{ action: string }[]>`
      SELECT action FROM audit_log WHERE organization_id = ${org.id} AND table_name = 'sf_production_entry' AND row_id = ${id} ORDER BY id`;
    expect(audited.map((a) => a.action)).toEqual(['insert', 'update']);
  });

  test('bad input is refused naming the field, and nothing is written', async () => {
    const before = await rowsOf();
    const refused = async (body: Record<string, unknown>, field: string, message?: string | RegExp) => {
      const error = expectError(await post('otto', entry(body)), 400, 'VALIDATION_FAILED');
      expect(locs(error), JSON.stringify(body)).toEqual([`body.${field}`]);
      if (message) expect(error.details[0]?.msg).toMatch(message);
      return error;
    };
    await refused(
      { unitsProduced: 10, unitsDefective: 11 },
      'unitsDefective',
      'Units defective (11) cannot be more than units produced (10)',
    );
    await refused({ runTimeHours: -1 }, 'runTimeHours', 'Run time cannot be negative');
    await refused({ runTimeHours: 25 }, 'runTimeHours', 'Run time must be at most 24 hours (no shift is longer than a day)');
    await refused(
      { runTimeHours: 8.5, shift: 'Early' },
      'runTimeHours',
      'Run time (8.5 h) cannot be more than the 8 h of shift Early (06:00-14:00)',
    );
    await refused({ employeesAssigned: -2 }, 'employeesAssigned');
    await refused({ shiftDate: '02/11/2026' }, 'shiftDate');
    await refused({ shift: 'Weekend' }, 'shift', 'No shift named “Weekend” in this organization');
    await refused({ lineId: randomUUID() }, 'lineId', 'Line not found in this organization');
    // An order without jobs has no line to default to.
    await order('WO-NOJOB');
    await refused({ workOrder: 'WO-NOJOB' }, 'lineId', /^lineId is required/);
    expectStatus(await post('otto', entry({ workOrder: 'WO-NOJOB', lineId: ids.lineB })), 201);

    // An unknown number and another organization's are the same "no such number".
    const theirs = { person: other.ivan, org: other.id };
    expectStatus(await rest(theirs, 'POST', '/api/work-orders', { number: 'WO-THEIRS', plannedQuantity: 1 }), 201);
    const foreign = await post('otto', entry({ workOrder: 'WO-THEIRS' }));
    expect(locs(expectError(foreign, 400, 'VALIDATION_FAILED'))).toEqual(['body.workOrder']);
    const unknown = await post('otto', entry({ workOrder: 'WO-NONE' }));
    const told = (res: typeof foreign, number: string) => JSON.stringify(comparable(res)).replaceAll(number, 'N');
    expect(told(foreign, 'WO-THEIRS')).toBe(told(unknown, 'WO-NONE'));
    expect(comparable(foreign).message).toBe('No work order with the number “WO-THEIRS” in this organization');
    // From the other side: A's line is "not found" for B's own order, as a line that does not exist.
    const borrowed = await rest(theirs, 'POST', PATH, entry({ workOrder: 'WO-THEIRS', lineId: ids.lineA }));
    expect(expectError(borrowed, 400, 'VALIDATION_FAILED').details).toEqual([
      { loc: ['body', 'lineId'], msg: 'Line not found in this organization', type: 'not_found' },
    ]);

    // A finished order takes no new entries; one on hold still does (a shift before the hold, entered late).
    const done = await order('WO-DONE');
    await rest(as('mia'), 'POST', `/api/work-orders/${done.id}/transitions`, { to: 'COMPLETED' });
    await refused(
      { workOrder: 'WO-DONE', lineId: ids.lineA },
      'workOrder',
      'Work order WO-DONE is completed: it takes no new entries',
    );
    const held = await order('WO-HELD');
    await rest(as('mia'), 'POST', `/api/work-orders/${held.id}/transitions`, { to: 'ON_HOLD', reason: 'Material' });
    expectStatus(await post('otto', entry({ workOrder: 'WO-HELD', lineId: ids.lineA })), 201);
    expect(await rowsOf()).toBe((before ?? 0) + 2);

    // Through Zero the same rules hold, named by the mutator's fields.
    const zo = open(org.otto, org.id);
    const base = {
      id: randomUUID(),
      workOrderID: done.id,
      lineID: ids.lineA,
      shiftDate: day('2026-11-04'),
      runHours: 1,
      employeesAssigned: 1,
    };
    expect(await refusalOf(zo, mutators.productionEntry.create({ ...base, unitsProduced: 5 }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: ['workOrderID'],
    });
    expect(
      await refusalOf(
        zo,
        mutators.productionEntry.create({ ...base, workOrderID: held.id, unitsProduced: 5, unitsDefective: 6 }),
      ),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: ['unitsDefective'],
    });
    expect(await rowsOf()).toBe((before ?? 0) + 2);
  });

  test('the list pages newest first with an opaque cursor, each row once, and filters by work order number, line and dates', async () => {
    const paged = await order('WO-PAGE');
    const dates = [
      '2026-10-01',
      '2026-10-03',
      '2026-10-03',
      '2026-10-03',
      '2026-10-05',
      '2026-10-05',
      '2026-10-07',
      '2026-10-09',
    ];
    for (const [i, shiftDate] of dates.entries()) {
      const lineId = i % 2 === 0 ? ids.lineA : ids.lineB;
      expectStatus(await post('otto', entry({ workOrder: 'WO-PAGE', lineId, shiftDate, unitsProduced: i })), 201);
    }
    const expected = await sql<{ id: string }[]>`
      SELECT id FROM sf_production_entry WHERE work_order_id = ${paged.id} ORDER BY shift_date DESC, id DESC`;
    expect(expected).toHaveLength(8);

    const pages: Entry[][] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?workOrder=WO-PAGE&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = expectStatus(await rest(as('vic'), 'GET', `${PATH}${query}`), 200) as {
        items: Entry[];
        nextCursor: string | null;
      };
      pages.push(page.items);
      cursor = page.nextCursor;
    } while (cursor && pages.length < 10);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 2]);
    expect(pages.flat().map((e) => e.id)).toEqual(expected.map((r) => r.id));

    const list = async (query: string) =>
      (expectStatus(await rest(as('vic'), 'GET', `${PATH}?workOrder=WO-PAGE&${query}`), 200) as { items: Entry[] }).items;
    const onLineB = await list(`line=${ids.lineB}`);
    expect(onLineB.map((e) => e.lineId)).toEqual([ids.lineB, ids.lineB, ids.lineB, ids.lineB]);
    const inDays = await list('from=2026-10-03&to=2026-10-05');
    expect(inDays.map((e) => e.shiftDate)).toEqual(['2026-10-05', '2026-10-05', '2026-10-03', '2026-10-03', '2026-10-03']);
    expect((await list('limit=500')).length).toBe(8);
    // Another organization's number lists nothing, like a number no one has.
    const byNumber = async (number: string) =>
      (expectStatus(await rest(as('vic'), 'GET', `${PATH}?workOrder=${number}`), 200) as { items: Entry[] }).items;
    expect(await byNumber('WO-THEIRS')).toEqual([]);
    expect(await byNumber('WO-NOBODY')).toEqual([]);
    expect(
      (
        expectStatus(await rest({ person: other.ivan, org: other.id }, 'GET', `${PATH}?workOrder=WO-PAGE`), 200) as {
          items: Entry[];
        }
      ).items,
    ).toEqual([]);

    expect(locs(expectError(await rest(as('vic'), 'GET', `${PATH}?cursor=not-a-cursor`), 400, 'VALIDATION_FAILED'))).toEqual([
      'query.cursor',
    ]);
    expect(locs(expectError(await rest(as('vic'), 'GET', `${PATH}?limit=501`), 400, 'VALIDATION_FAILED'))).toEqual([
      'query.limit',
    ]);
    expect(locs(expectError(await rest(as('vic'), 'GET', `${PATH}?from=yesterday`), 400, 'VALIDATION_FAILED'))).toEqual([
      'query.from',
    ]);
  });

  test('quality, downtime and attendance through Zero: entered by the operator, read by the viewer, their rules named', async () => {
    const zo = open(org.otto, org.id);
    const zv = open(org.vic, org.id);
    const date = day('2026-11-10');
    const quality = watch<QualityEntry[]>(
      zv,
      queries.qualityEntries.byLine({ orgID: org.id, lineID: ids.lineA, from: date, to: date }),
    );
    const downtime = watch<DowntimeEntry[]>(
      zv,
      queries.downtimeEntries.byLine({ orgID: org.id, lineID: ids.lineA, from: date, to: date }),
    );
    const attendance = watch<AttendanceEntry[]>(zv, queries.attendanceEntries.byDate({ orgID: org.id, from: date, to: date }));

    const production = randomUUID();
    const onShift = { workOrderID: ids.jobOrder, lineID: ids.lineA, shiftID: ids.night, shiftDate: date };
    await ok(
      zo,
      mutators.productionEntry.create({ id: production, ...onShift, unitsProduced: 200, runHours: 8, employeesAssigned: 4 }),
    );
    const q = { id: randomUUID(), productionEntryID: production, ...onShift, inspected: 40 };
    expect(await refusalOf(zo, mutators.qualityEntry.create({ ...q, scrap: 30, rework: 11 }))).toMatchObject({
      fields: ['rework'],
    });
    expect(await refusalOf(zo, mutators.qualityEntry.create({ ...q, defects: { [randomUUID()]: 1 } }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Defect type not found in this organization',
    });
    expect(await refusalOf(zo, mutators.qualityEntry.create({ ...q, lineID: ids.lineB }))).toMatchObject({
      fields: ['productionEntryID'],
    });
    await ok(zo, mutators.qualityEntry.create({ ...q, defects: { [ids.defect]: 3 }, scrap: 2, rework: 1 }));
    expect((await quality.until((rows) => rows.length === 1))[0]).toMatchObject({
      defects: { [ids.defect]: 3 },
      productionEntryID: production,
    });
    const lineDay = watch<(ProductionEntry & { quality: QualityEntry[] })[]>(
      zv,
      queries.productionEntries.lineDay({ orgID: org.id, lineID: ids.lineA, date }),
    );
    expect((await lineDay.until((rows) => rows.length === 1))[0]?.quality).toHaveLength(1);

    const stop = {
      id: randomUUID(),
      lineID: ids.lineA,
      reasonID: ids.reason,
      startedAt: date + 23 * 3_600_000,
      durationMinutes: 35,
    };
    expect(await refusalOf(zo, mutators.downtimeEntry.create({ ...stop, durationMinutes: 0 }))).toMatchObject({
      fields: ['durationMinutes'],
    });
    expect(await refusalOf(zo, mutators.downtimeEntry.create({ ...stop, reasonID: randomUUID() }))).toMatchObject({
      fields: ['reasonID'],
    });
    await ok(zo, mutators.downtimeEntry.create({ ...stop, workOrderID: ids.jobOrder, note: 'Belt slipped' }));
    expect((await downtime.until((rows) => rows.length === 1))[0]).toMatchObject({ durationMinutes: 35, note: 'Belt slipped' });

    const shift = { id: randomUUID(), employeeID: ids.employee, shiftID: ids.night, shiftDate: date, scheduledHours: 8 };
    expect(await refusalOf(zo, mutators.attendanceEntry.create({ ...shift, absentHours: 4 }))).toMatchObject({
      fields: ['reason'],
    });
    expect(await refusalOf(zo, mutators.attendanceEntry.create({ ...shift, scheduledHours: 9 }))).toMatchObject({
      fields: ['scheduledHours'],
      message: 'Scheduled hours (9 h) cannot be more than the 8 h of shift Night (22:00-06:00)',
    });
    await ok(zo, mutators.attendanceEntry.create({ ...shift, absentHours: 4, reason: 'Doctor', coveredByPool: true }));
    expect((await attendance.until((rows) => rows.length === 1))[0]).toMatchObject({ coveredByPool: true, absentHours: 4 });
    expect(await refusalOf(zo, mutators.attendanceEntry.create({ ...shift, id: randomUUID() }))).toMatchObject({
      fields: ['employeeID'],
      message: 'This employee already has an attendance entry for this shift and date: edit that entry instead',
    });
    // Its own row is no twin: a manager's edit of the same entry goes through.
    await ok(open(org.mia, org.id), mutators.attendanceEntry.update({ id: shift.id, absentHours: 2 }));
    await attendance.until((rows) => rows[0]?.absentHours === 2);

    // Deleting a production entry takes its quality entries with it (managers only).
    await ok(open(org.mia, org.id), mutators.productionEntry.delete({ id: production }));
    await quality.until((rows) => rows.length === 0);
  });
});
