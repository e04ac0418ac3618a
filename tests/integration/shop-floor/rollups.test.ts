import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { plannedMinutes, type ShiftBreak, shiftSpanMinutes } from '../../../shared/shop-floor/shifts.ts';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';
import type { RollupRecompute, ShiftRollup } from '../../../sync/schema.ts';
import { useAdminSql, useAppSql } from '../../helpers/db.ts';
import { useOrg } from '../../helpers/people.ts';
import { expectError, expectStatus, rest } from '../../helpers/rest.ts';
import { type TestZero, useZeroClients, watch } from '../../helpers/zero-client.ts';
import { eventually, freshRollups, storedRollups, workOrderOf } from './rollup-aggregate.ts';

const day = (text: string) => Date.parse(text);

describe('stored per-shift rollups', () => {
  const org = useOrg('Rollups', { ada: 'owner', mia: 'manager', otto: 'operator', vic: 'viewer' });
  const other = useOrg('Rollups elsewhere', { ivan: 'owner' });
  const open = useZeroClients();
  const sql = useAdminSql({ max: 4 });
  const appSql = useAppSql();
  const ids = { lineA: '', lineB: '', early: '', night: '', p1: '', p2: '', wo1: '', wo2: '', mech: '', clean: '' };

  const ok = async (zero: TestZero, write: Parameters<TestZero['mutate']>[0]) => {
    const result = await zero.mutate(write).server;
    expect(result.type, JSON.stringify(result)).toBe('success');
  };
  /** The rollups equal a fresh aggregate of the entry tables (the test's own, from the entries and master data). */
  const consistent = async (orgID = org.id) => {
    const [stored, fresh] = await Promise.all([storedRollups(sql, orgID), freshRollups(sql, orgID)]);
    expect(stored).toEqual(fresh);
    return stored;
  };
  /** `count` production entries inserted by the owner in one plain INSERT, as a bulk import does. */
  const bulk = (
    tx: typeof sql,
    count: number,
    at: { line: string; order: string; shift: string | null; date: string; units?: number },
  ) => tx`
    INSERT INTO sf_production_entry (id, organization_id, work_order_id, line_id, shift_id, shift_date, units_produced,
      units_defective, run_hours, employees_assigned, employees_present, created_at, updated_at)
    SELECT gen_random_uuid()::text, ${org.id}, ${at.order}, ${at.line}, ${at.shift}, ${at.date}::date, ${at.units ?? 10} + g % 7,
      g % 3, 6.5 + (g % 4) * 0.1, 3 + g % 2, CASE WHEN g % 2 = 0 THEN 3 END, now(), now()
      FROM generate_series(1, ${count}) g`;

  beforeAll(async () => {
    const z = open(org.mia, org.id);
    for (const key of ['lineA', 'lineB', 'early', 'night', 'p1', 'p2', 'mech', 'clean'] as const) ids[key] = randomUUID();
    await ok(z, mutators.line.create({ id: ids.lineA, name: 'Line A' }));
    await ok(z, mutators.line.create({ id: ids.lineB, name: 'Line B' }));
    const lunch: ShiftBreak[] = [{ start: '10:00', end: '10:30' }];
    await ok(z, mutators.shift.create({ id: ids.early, name: 'Early', start: '06:00', end: '14:00', breaks: lunch }));
    await ok(z, mutators.shift.create({ id: ids.night, name: 'Night', start: '22:00', end: '06:00', breaks: [] }));
    await ok(z, mutators.product.create({ id: ids.p1, code: 'P1', name: 'Widget', idealCycleSeconds: 30 }));
    await ok(z, mutators.product.create({ id: ids.p2, code: 'P2', name: 'Gadget', idealCycleSeconds: 45 }));
    await ok(z, mutators.downtimeReason.create({ id: ids.mech, code: 'MECH', name: 'Mechanical', planned: false }));
    await ok(z, mutators.downtimeReason.create({ id: ids.clean, code: 'CLEAN', name: 'Cleaning', planned: true }));
    const order = (number: string, product: string) => workOrderOf({ person: org.mia, org: org.id }, number, product);
    ids.wo1 = await order('WO-1', 'P1');
    ids.wo2 = await order('WO-2', 'P2');
  });

  test('the shift calendar’s planned minutes: span less breaks, the overnight shift its real 8 h', async () => {
    const rows = await sql<{ planned: number; span: number }[]>`
      SELECT sf_shift_planned_minutes(start_time, end_time, breaks) AS planned, sf_shift_span_minutes(start_time, end_time) AS span
        FROM sf_shift WHERE id IN (${ids.early}, ${ids.night}) ORDER BY name`;
    expect(rows).toEqual([
      { planned: 450, span: 480 },
      { planned: 480, span: 480 },
    ]);
    expect(plannedMinutes({ start: '06:00', end: '14:00', breaks: [{ start: '10:00', end: '10:30' }] })).toBe(450);
    expect(shiftSpanMinutes({ start: '22:00', end: '06:00' })).toBe(480);
  });

  test('entries through Zero, REST and a plain bulk INSERT; edits that move an entry; deletes: the rollups stay a fresh aggregate', async () => {
    const zo = open(org.otto, org.id);
    const zm = open(org.mia, org.id);
    const zv = open(org.vic, org.id);
    const from = day('2026-06-01');
    const to = day('2026-06-30');
    const live = watch<ShiftRollup[]>(zv, queries.shiftRollups.byLine({ orgID: org.id, lineID: ids.lineA, from, to }));

    const id = randomUUID();
    const at = { workOrderID: ids.wo1, lineID: ids.lineA, shiftID: ids.early, shiftDate: day('2026-06-02') };
    await ok(
      zo,
      mutators.productionEntry.create({ id, ...at, unitsProduced: 800, unitsDefective: 8, runHours: 7, employeesAssigned: 4 }),
    );
    const first = await live.until((rows) => rows.length === 1);
    expect(first[0]).toMatchObject({
      id: `${ids.lineA}|${ids.p1}|${ids.early}|2026-06-02`,
      productID: ids.p1,
      productionEntries: 1,
      unitsProduced: 800,
      unitsDefective: 8,
      runHours: 7,
      plannedMinutes: 450,
      shiftMinutes: 480,
      employeesAssigned: 4,
      employeeMinutes: 4 * 480,
    });
    await consistent();

    // REST, the night shift, no employees present given.
    expectStatus(
      await rest({ person: org.otto, org: org.id }, 'POST', '/api/production/entries', {
        workOrder: 'WO-2',
        shiftDate: '2026-06-02',
        unitsProduced: 300,
        runTimeHours: 7.5,
        employeesAssigned: 2,
        lineId: ids.lineA,
        shift: 'Night',
      }),
      201,
    );
    // A bulk import's plain INSERTs, some with no shift.
    await bulk(sql, 400, { line: ids.lineA, order: ids.wo1, shift: ids.early, date: '2026-06-03' });
    await bulk(sql, 100, { line: ids.lineB, order: ids.wo2, shift: null, date: '2026-06-03' });
    const stored = await consistent();
    expect(stored.find((r) => r.shift_id === null)).toMatchObject({ production_entries: 100, planned_minutes: 0 });
    await live.until((rows) => rows.length === 3);

    // Moving the first entry to line B on another date, then changing its shift and counts.
    await ok(zm, mutators.productionEntry.update({ id, lineID: ids.lineB, shiftDate: day('2026-06-05') }));
    await consistent();
    await ok(zm, mutators.productionEntry.update({ id, shiftID: ids.night, unitsProduced: 900 }));
    await consistent();
    // The row it left is gone, not left at zero.
    const afterMove = await live.until((rows) => rows.length === 2);
    expect(afterMove.map((r) => r.shiftDate)).toEqual([day('2026-06-02'), day('2026-06-03')]);
    // A bulk update and a bulk delete.
    await sql`UPDATE sf_production_entry SET units_produced = units_produced + 1, run_hours = 7
               WHERE organization_id = ${org.id} AND shift_date = '2026-06-03' AND units_produced % 2 = 0`;
    await consistent();
    await sql`DELETE FROM sf_production_entry WHERE organization_id = ${org.id} AND shift_date = '2026-06-03' AND line_id = ${ids.lineA}`;
    await consistent();
    await ok(zm, mutators.productionEntry.delete({ id }));
    await consistent();
  });

  test('quality and downtime entries: inspected, scrap, rework and defects; planned and unplanned stops on the line and day', async () => {
    const zo = open(org.otto, org.id);
    const production = randomUUID();
    const at = { workOrderID: ids.wo1, lineID: ids.lineA, shiftID: ids.night, shiftDate: day('2026-07-01') };
    await ok(
      zo,
      mutators.productionEntry.create({ id: production, ...at, unitsProduced: 500, runHours: 7, employeesAssigned: 3 }),
    );
    const defect = randomUUID();
    await ok(open(org.mia, org.id), mutators.defectType.create({ id: defect, code: 'SCR', name: 'Scratch' }));
    await ok(
      zo,
      mutators.qualityEntry.create({
        id: randomUUID(),
        productionEntryID: production,
        ...at,
        inspected: 100,
        defects: { [defect]: 7 },
        scrap: 3,
        rework: 2,
      }),
    );
    const stop = (reasonID: string, startedAt: string, durationMinutes: number) =>
      mutators.downtimeEntry.create({
        id: randomUUID(),
        lineID: ids.lineA,
        reasonID,
        workOrderID: ids.wo1,
        startedAt: Date.parse(startedAt),
        durationMinutes,
      });
    await ok(zo, stop(ids.mech, '2026-07-01T23:10:00Z', 25));
    await ok(zo, stop(ids.mech, '2026-07-01T08:00:00Z', 15));
    await ok(zo, stop(ids.clean, '2026-07-01T12:00:00Z', 30));
    const stored = await consistent();
    const day1 = stored.filter((r) => r.shift_date === '2026-07-01');
    expect(day1.find((r) => r.shift_id === ids.night)).toMatchObject({
      quality_entries: 1,
      inspected: 100,
      scrap: 3,
      rework: 2,
      defects: 7,
    });
    expect(day1.find((r) => r.shift_id === null)).toMatchObject({
      product_id: ids.p1,
      planned_stops: 1,
      planned_downtime_minutes: 30,
      unplanned_stops: 2,
      unplanned_downtime_minutes: 40,
    });
    // A work order's product changed: its entries move to the new product's rows.
    await sql`UPDATE sf_work_order SET product_id = ${ids.p2} WHERE id = ${ids.wo1}`;
    expect((await consistent()).filter((r) => r.product_id === ids.p1)).toEqual([]);
    await sql`UPDATE sf_work_order SET product_id = ${ids.p1} WHERE id = ${ids.wo1}`;
    await consistent();
  });

  test('two connections writing the same keys at once: both land (deltas, not a re-aggregated snapshot)', async () => {
    const at = { line: ids.lineA, order: ids.wo2, shift: ids.early, date: '2026-08-01' };
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = sql.begin(async (tx) => {
      await bulk(tx as unknown as typeof sql, 50, at);
      await held;
    });
    // The second waits on the first's rollup row, then adds to it.
    const second = (async () => {
      await eventually(async () => {
        const [waiting] = await sql<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'idle in transaction' AND query LIKE '%generate_series%'`;
        return (waiting?.n ?? 0) >= 1;
      });
      const writing = sql.begin((tx) => bulk(tx as unknown as typeof sql, 70, at));
      await eventually(async () => {
        const [blocked] = await sql<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%generate_series%'`;
        return (blocked?.n ?? 0) >= 1;
      });
      release();
      await writing;
    })();
    await Promise.all([first, second]);
    const stored = await consistent();
    expect(stored.find((r) => r.shift_date === '2026-08-01')).toMatchObject({ production_entries: 120 });
  });

  test('a shift’s breaks change: a recompute (managers only) rebuilds the range, its progress live for every viewer', async () => {
    const zm = open(org.mia, org.id);
    const zv = open(org.vic, org.id);
    await bulk(sql, 30, { line: ids.lineA, order: ids.wo1, shift: ids.early, date: '2026-09-10' });
    await bulk(sql, 30, { line: ids.lineB, order: ids.wo2, shift: ids.early, date: '2026-09-20' });
    const before = await consistent();
    expect(before.find((r) => r.shift_date === '2026-09-10')?.planned_minutes).toBe(30 * 450);
    // A second break: the stored planned minutes are now stale, until a recompute.
    const breaks = [
      { start: '09:00', end: '09:15' },
      { start: '12:00', end: '12:30' },
    ];
    await ok(zm, mutators.shift.update({ id: ids.early, breaks }));
    const [stale, fresh] = await Promise.all([storedRollups(sql, org.id), freshRollups(sql, org.id)]);
    expect(stale).not.toEqual(fresh);

    const body = { from: '2026-06-01', to: '2026-09-30' };
    for (const who of ['otto', 'vic'] as const) {
      expectError(await rest({ person: org[who], org: org.id }, 'POST', '/api/kpi/recompute', body), 403, 'FORBIDDEN');
    }
    const tooLong = expectError(
      await rest({ person: org.mia, org: org.id }, 'POST', '/api/kpi/recompute', { from: '2025-01-01', to: '2026-09-30' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(tooLong.details.map((d) => d.loc.join('.'))).toEqual(['body.to']);
    const runs = watch<RollupRecompute[]>(zv, queries.rollupRecomputes.recent({ orgID: org.id }));
    const run = expectStatus(await rest({ person: org.mia, org: org.id }, 'POST', '/api/kpi/recompute', body), 202);
    expect(run).toMatchObject({ from: '2026-06-01', to: '2026-09-30', processed: 0, total: 122, requestedBy: org.mia.userID });
    const done = await runs.until((rows) => rows.some((r) => r.id === run.id && r.status === 'done'));
    expect(done.find((r) => r.id === run.id)).toMatchObject({ processed: 122, total: 122, error: null });
    // The viewer saw it move: queued, then running with days processed.
    const seen = runs
      .history()
      .map((rows) => rows.find((r) => r.id === run.id))
      .filter((r) => r !== undefined);
    expect(seen.some((r) => r.status === 'running' && r.processed > 0 && r.processed < r.total)).toBe(true);
    const after = await consistent();
    expect(after.find((r) => r.shift_date === '2026-09-10')?.planned_minutes).toBe(30 * (480 - 45));
    expectStatus(await rest({ person: org.vic, org: org.id }, 'GET', `/api/kpi/recompute/${run.id}`), 200);

    // Through Zero, the same: a manager starts one; a viewer is refused.
    const viaZero = randomUUID();
    const range = { from: day('2026-09-01'), to: day('2026-09-30') };
    await ok(zm, mutators.rollupRecompute.start({ id: viaZero, ...range }));
    await runs.until((rows) => rows.some((r) => r.id === viaZero && r.status === 'done'));
    const refused = await zv.mutate(mutators.rollupRecompute.start({ id: randomUUID(), ...range })).server;
    expect(refused.type).toBe('error');
    await consistent();
  });

  test('another organization’s rollups are never visible: through Zero, as kpi_app, and its entries never reach ours', async () => {
    const zi = open(other.ivan, other.id);
    const line = randomUUID();
    await ok(zi, mutators.line.create({ id: line, name: 'Their line' }));
    const theirOrder = (
      expectStatus(
        await rest({ person: other.ivan, org: other.id }, 'POST', '/api/work-orders', { number: 'WO-T', plannedQuantity: 10 }),
        201,
      ) as { id: string }
    ).id;
    await ok(
      zi,
      mutators.productionEntry.create({
        id: randomUUID(),
        workOrderID: theirOrder,
        lineID: line,
        shiftDate: day('2026-06-02'),
        unitsProduced: 5,
        runHours: 1,
        employeesAssigned: 1,
      }),
    );
    await consistent(other.id);
    const range = { from: day('2026-01-01'), to: day('2026-12-31') };
    // Ours, asked for through their organization id: refused, no row served.
    const zv = open(org.vic, org.id);
    const crossing = watch<ShiftRollup[]>(zv, queries.shiftRollups.inRange({ orgID: other.id, ...range }));
    const ownRows = watch<ShiftRollup[]>(zv, queries.shiftRollups.inRange({ orgID: org.id, ...range }));
    const own = await ownRows.until((rows) => rows.length > 0);
    expect(own.every((r) => r.organizationID === org.id)).toBe(true);
    expect(crossing.current()).toEqual([]);
    const byTheirLine = watch<ShiftRollup[]>(zv, queries.shiftRollups.byLine({ orgID: org.id, lineID: line, ...range }));
    await zv.run(queries.shiftRollups.byLine({ orgID: org.id, lineID: line, ...range }), { type: 'complete' });
    expect(byTheirLine.current()).toEqual([]);
    // As kpi_app acting in our organization: only ours, even naming their line.
    const read = await appSql.begin(async (tx) => {
      await tx`SELECT set_config('app.user_id', ${org.vic.userID}, true), set_config('app.org_id', ${org.id}, true)`;
      return tx<{ organization_id: string }[]>`SELECT organization_id FROM sf_shift_rollup`;
    });
    expect(read.length).toBeGreaterThan(0);
    expect(new Set(read.map((r) => r.organization_id))).toEqual(new Set([org.id]));
    // The stored-KPI read function: theirs named from ours is nothing; ours, everything the table shows.
    const viaFunction = await appSql.begin(async (tx) => {
      await tx`SELECT set_config('app.user_id', ${org.vic.userID}, true), set_config('app.org_id', ${org.id}, true)`;
      const args = (orgID: string) => tx<{ n: number }[]>`
        SELECT count(*)::int AS n FROM app_shift_rollups(${orgID}, '2026-01-01', '2026-12-31', NULL, NULL, NULL, NULL)`;
      return { theirs: (await args(other.id))[0]?.n, ours: (await args(org.id))[0]?.n };
    });
    expect(viaFunction).toEqual({ theirs: 0, ours: read.length });
    // kpi_app cannot write rollups, nor rebuild another organization's.
    const refused = await appSql
      .begin(async (tx) => {
        await tx`SELECT set_config('app.user_id', ${org.mia.userID}, true), set_config('app.org_id', ${org.id}, true)`;
        await tx`UPDATE sf_shift_rollup SET units_produced = 0`;
      })
      .catch((e: Error) => e.message);
    expect(refused).toMatch(/permission denied/);
    const rebuild = await appSql
      .begin(async (tx) => {
        await tx`SELECT set_config('app.user_id', ${org.mia.userID}, true), set_config('app.org_id', ${org.id}, true)`;
        await tx`SELECT app_rebuild_shift_rollups(${other.id}, '2026-01-01', '2026-12-31')`;
      })
      .catch((e: Error) => e.message);
    expect(rebuild).toMatch(/needs the manager role/);
    await consistent(other.id);
  });
});
