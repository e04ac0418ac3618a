import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { accountHealthSeed } from '../../server/customer-success/health/seed.ts';
import { customerSuccessSeed } from '../../server/customer-success/seed.ts';
import { dashboardsSeed } from '../../server/dashboards/seed.ts';
import { kpiTrackerSeed } from '../../server/kpi-tracker/seed.ts';
import { PACK_SEEDS, seedPacks } from '../../server/seed.ts';
import { shopFloorSeed } from '../../server/shop-floor/seed.ts';
import { triggerConditionsInput } from '../../shared/playbooks/triggers.ts';
import { attendanceEntryInput, productionEntryInput, qualityEntryInput, withinShift } from '../../shared/shop-floor/entries.ts';
import { masterDataInput } from '../../shared/shop-floor/master-data.ts';
import { canTransition, type WorkOrderStatus } from '../../shared/shop-floor/work-orders.ts';
import { team } from '../helpers/people.ts';

// The pack seeds run at every start with SEED_DEMO on, on fresh and existing
// data folders alike. Here they seed a fresh organization of the shared test
// database (as the demo organization, under row-level security as kpi_app).
const stack = inject('stack');
const admin = postgres(stack.databaseUrl, { max: 2, onnotice: () => {} });
const app = postgres(stack.appDatabaseUrl, { max: 2, onnotice: () => {} });
afterAll(async () => {
  await Promise.all([admin.end({ timeout: 2 }), app.end({ timeout: 2 })]);
});

const TABLES = [
  'kpi',
  'data_point',
  'goal',
  'goal_kpi',
  'cs_account',
  'reference_range',
  'health_trend',
  'account_health',
  'sf_line',
  'sf_product',
  'sf_shift',
  'sf_employee',
  'sf_downtime_reason',
  'sf_defect_type',
  'sf_work_order',
  'sf_job',
  'sf_work_order_transition',
  'sf_work_order_hold',
  'sf_production_entry',
  'sf_quality_entry',
  'sf_downtime_entry',
  'sf_attendance_entry',
] as const;

/**
 * What the demo holds once seeded: 4 tracker KPIs and 25 accounts with 9 health KPIs each, twelve months of history
 * and trend; the shop floor's master data and six work orders (one per state, one released from a hold), two jobs each.
 */
const SEEDED = {
  kpi: 4 + 25 * 9,
  data_point: 4 * 5 + 25 * 9 * 12,
  goal: 1,
  goal_kpi: 3,
  cs_account: 25,
  reference_range: 9,
  health_trend: 25 * 12,
  account_health: 25,
  sf_line: 2,
  sf_product: 4,
  sf_shift: 3,
  sf_employee: 4,
  sf_downtime_reason: 5,
  sf_defect_type: 4,
  sf_work_order: 6,
  sf_job: 12,
  sf_work_order_transition: 1 + 2 + 3 + 2 + 2 + 3,
  sf_work_order_hold: 3,
  // A month of entries: both lines in three shifts every day, a stop every third day per line, the last week's
  // quality (each line's early shift) and attendance (four employees).
  sf_production_entry: 30 * 2 * 3,
  sf_quality_entry: 7 * 2,
  sf_downtime_entry: 10 * 2,
  sf_attendance_entry: 7 * 4,
};
/** The shop floor's demo objects: master data, work orders (their jobs, transitions and holds come with them) and each entry. */
const SHOP_FLOOR = 2 + 4 + 3 + 4 + 5 + 4 + 6 + 30 * 2 * 3 + 7 * 2 + 10 * 2 + 7 * 4;

async function counts(orgID: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const [row] = await admin<{ n: number }[]>`SELECT count(*)::int AS n FROM ${admin(t)} WHERE organization_id = ${orgID}`;
    out[t] = row?.n ?? -1;
  }
  return out;
}

describe('pack seeds are idempotent', () => {
  let demo: { orgID: string; userID: string };
  beforeAll(async () => {
    const { orgID, owner } = await team([]);
    demo = { orgID, userID: owner.userID };
  });

  test('the KPI tracker and, after it, the dashboards and customer success are registered', () => {
    expect(PACK_SEEDS).toContain(kpiTrackerSeed);
    expect(PACK_SEEDS.indexOf(dashboardsSeed)).toBeGreaterThan(PACK_SEEDS.indexOf(kpiTrackerSeed));
    expect(PACK_SEEDS.indexOf(customerSuccessSeed)).toBeGreaterThan(PACK_SEEDS.indexOf(kpiTrackerSeed));
    // Live health's demo gives the accounts their KPIs: after them.
    expect(PACK_SEEDS.indexOf(accountHealthSeed)).toBeGreaterThan(PACK_SEEDS.indexOf(customerSuccessSeed));
    // The shop floor comes after the packs that were there before it.
    expect(PACK_SEEDS.at(-1)).toBe(shopFloorSeed);
  });

  test('a second run adds nothing; rows it lost come back on the next run, the rest stay as they are', async () => {
    const first = await seedPacks(app, demo);
    // 4 KPIs, the goal, the shared dashboard, 25 accounts, 9 reference ranges, 9 health KPIs per account, the VoC trigger and its execution, the shop floor
    expect(first.added).toBe(4 + 1 + 1 + 25 + 9 + 225 + 2 + SHOP_FLOOR);
    expect(first.kpiIDs).toHaveLength(229);
    const seeded = await counts(demo.orgID);
    // The demo dashboard is laid out from the demo's KPIs: every one of them is on it.
    const [board] = await admin<{ widgets: number; kpis: number }[]>`
      SELECT (SELECT count(*)::int FROM dashboard_widget w WHERE w.dashboard_id = d.id) AS widgets,
             (SELECT count(DISTINCT kpi_id)::int FROM dashboard_widget_kpi l WHERE l.dashboard_id = d.id) AS kpis
        FROM dashboard d WHERE d.organization_id = ${demo.orgID} AND d.shared`;
    expect(board).toEqual({ widgets: expect.any(Number), kpis: 4 });
    expect(board?.widgets).toBeGreaterThanOrEqual(7);
    expect(seeded).toEqual(SEEDED);
    const [scored] = await admin<{ n: number }[]>`
      SELECT count(*)::int AS n FROM health_trend WHERE organization_id = ${demo.orgID} AND overall IS NOT NULL AND valid_kpis = 9`;
    expect(scored?.n).toBe(25 * 12);

    // The seeded triggers name only KPIs the seeded ranges know: saved back unchanged, they are accepted.
    const ranges = await admin<
      { kpi_name: string }[]
    >`SELECT kpi_name FROM reference_range WHERE organization_id = ${demo.orgID}`;
    const triggers = await admin<
      { conditions: unknown }[]
    >`SELECT conditions FROM playbook_trigger WHERE organization_id = ${demo.orgID}`;
    expect(triggers.length).toBeGreaterThan(0);
    for (const t of triggers) {
      const checked = triggerConditionsInput(ranges.map((r) => r.kpi_name)).safeParse(t.conditions);
      expect(checked.error?.issues ?? []).toEqual([]);
    }

    await expectShopFloorDemoValid(demo.orgID);

    const again = await seedPacks(app, demo);
    expect(again).toEqual({ added: 0, kpiIDs: [] });
    expect(await counts(demo.orgID)).toEqual(seeded);

    // The demo user edited one KPI and the pack's other rows went missing
    // (as on a data folder created before the pack was installed).
    const [kept] = await admin<{ id: string }[]>`
      UPDATE kpi SET target = 123 WHERE organization_id = ${demo.orgID} AND name = 'Net promoter score' RETURNING id`;
    await admin`DELETE FROM goal_kpi WHERE organization_id = ${demo.orgID}`;
    await admin`DELETE FROM goal WHERE organization_id = ${demo.orgID}`;
    await admin`DELETE FROM data_point WHERE organization_id = ${demo.orgID} AND kpi_id <> ${kept?.id ?? ''}`;
    await admin`DELETE FROM kpi WHERE organization_id = ${demo.orgID} AND id <> ${kept?.id ?? ''}`;
    // One account deactivated by the demo user; the others gone.
    const [keptAccount] = await admin<{ id: string }[]>`
      UPDATE cs_account SET status = 'inactive' WHERE organization_id = ${demo.orgID} AND name = 'Acme Corporation' RETURNING id`;
    await admin`DELETE FROM cs_account WHERE organization_id = ${demo.orgID} AND id <> ${keptAccount?.id ?? ''}`;
    // A cancelled work order (with its jobs and history) and a defect type gone; a product's cycle time edited.
    await admin`DELETE FROM sf_work_order WHERE organization_id = ${demo.orgID} AND number = 'WO-1005'`;
    await admin`DELETE FROM sf_defect_type WHERE organization_id = ${demo.orgID} AND code = 'PKG'`;
    await admin`UPDATE sf_product SET ideal_cycle_seconds = 99 WHERE organization_id = ${demo.orgID} AND code = 'WID-100'`;
    // The stops gone; one production entry corrected by the demo user.
    await admin`DELETE FROM sf_downtime_entry WHERE organization_id = ${demo.orgID}`;
    const [corrected] = await admin<{ id: string; units_produced: number }[]>`
      UPDATE sf_production_entry SET units_produced = units_produced + 1
       WHERE id = (SELECT id FROM sf_production_entry WHERE organization_id = ${demo.orgID} ORDER BY id LIMIT 1)
       RETURNING id, units_produced`;
    expect(await counts(demo.orgID)).toEqual({
      ...SEEDED,
      kpi: 1,
      data_point: 5,
      goal: 0,
      goal_kpi: 0,
      cs_account: 1,
      reference_range: 9,
      health_trend: 12,
      account_health: 1,
      sf_defect_type: 3,
      sf_work_order: 5,
      sf_job: 10,
      sf_work_order_transition: SEEDED.sf_work_order_transition - 2,
      // The prototype's order took its three days on the packaging line with it (three shifts a day, the early one's quality).
      sf_production_entry: SEEDED.sf_production_entry - 3 * 3,
      sf_quality_entry: SEEDED.sf_quality_entry - 3,
      sf_downtime_entry: 0,
    });

    const refill = await seedPacks(app, demo);
    // 3 KPIs, the goal, 24 accounts, 9 health KPIs per account (the inactive one's too), the VoC execution (its account was deleted),
    // the work order (and its entries), the defect type and the stops
    expect(refill.added).toBe(3 + 1 + 24 + 225 + 1 + 3 * 3 + 3 + 2 + 10 * 2);
    expect(refill.kpiIDs).toHaveLength(228);
    expect(refill.kpiIDs).not.toContain(kept?.id);
    expect(await counts(demo.orgID)).toEqual(seeded);
    const [edited] = await admin`SELECT target FROM kpi WHERE id = ${kept?.id ?? ''}`;
    expect(edited?.target).toBe(123);
    const [deactivated] = await admin`SELECT status FROM cs_account WHERE id = ${keptAccount?.id ?? ''}`;
    expect(deactivated?.status).toBe('inactive');
    const [product] =
      await admin`SELECT ideal_cycle_seconds FROM sf_product WHERE organization_id = ${demo.orgID} AND code = 'WID-100'`;
    expect(product?.ideal_cycle_seconds).toBe(99);
    const [entry] = await admin`SELECT units_produced FROM sf_production_entry WHERE id = ${corrected?.id ?? ''}`;
    expect(entry?.units_produced).toBe(corrected?.units_produced);
    // The goal links the kept KPI, not a copy of it.
    const links = await admin`SELECT kpi_id FROM goal_kpi WHERE organization_id = ${demo.orgID} AND kpi_id = ${kept?.id ?? ''}`;
    expect(links).toHaveLength(1);

    expect(await seedPacks(app, demo)).toEqual({ added: 0, kpiIDs: [] });
  });

  test('two starts seeding at once add the demo once', async () => {
    const { orgID, owner } = await team([]);
    const other = { orgID, userID: owner.userID };
    const both = await Promise.all([seedPacks(app, other), seedPacks(app, other)]);
    // Each pack seeds under its own lock, so which start adds which pack depends on
    // timing; together they add every demo row once (the counts below say none twice).
    expect(both[0]!.added + both[1]!.added).toBe(4 + 1 + 1 + 25 + 9 + 225 + 2 + SHOP_FLOOR);
    expect(await counts(orgID)).toEqual(SEEDED);
  });
});

/**
 * The shop floor's demo as the app would have made it: shifts pass the shift
 * rules (the night shift ends the next morning), one product has no ideal
 * cycle time, every work order's history follows the lifecycle to its
 * status, its jobs share it, and every ended hold has its duration.
 */
async function expectShopFloorDemoValid(orgID: string) {
  const shifts = await admin<{ name: string; start_time: string; end_time: string; breaks: unknown }[]>`
    SELECT name, start_time, end_time, breaks FROM sf_shift WHERE organization_id = ${orgID} ORDER BY name`;
  for (const s of shifts) {
    const checked = masterDataInput('shift').safeParse({ name: s.name, start: s.start_time, end: s.end_time, breaks: s.breaks });
    expect(checked.error?.issues ?? [], s.name).toEqual([]);
  }
  expect(shifts.some((s) => s.end_time < s.start_time)).toBe(true);
  const [noCycle] =
    await admin`SELECT count(*)::int AS n FROM sf_product WHERE organization_id = ${orgID} AND ideal_cycle_seconds IS NULL`;
  expect(noCycle?.n).toBe(1);
  const orders = await admin<{ id: string; status: WorkOrderStatus; steps: (WorkOrderStatus | null)[][]; jobs: string[] }[]>`
    SELECT o.id, o.status,
           (SELECT json_agg(json_build_array(t.from_status, t.to_status) ORDER BY t.created_at) FROM sf_work_order_transition t
             WHERE t.work_order_id = o.id) AS steps,
           (SELECT json_agg(DISTINCT j.status) FROM sf_job j WHERE j.work_order_id = o.id) AS jobs
      FROM sf_work_order o WHERE o.organization_id = ${orgID}`;
  expect(new Set(orders.map((o) => o.status))).toEqual(new Set(['ACTIVE', 'ON_HOLD', 'COMPLETED', 'CANCELLED', 'REJECTED']));
  for (const o of orders) {
    expect(o.steps[0]).toEqual([null, 'ACTIVE']);
    for (const [from, to] of o.steps.slice(1)) expect(canTransition(from as WorkOrderStatus, to as WorkOrderStatus)).toBe(true);
    expect(o.steps.at(-1)?.[1]).toBe(o.status);
    expect(o.jobs).toEqual([o.status]);
  }
  const holds = await admin<{ open: number; timed: number; total: number }[]>`
    SELECT count(*) FILTER (WHERE ended_at IS NULL)::int AS open, count(duration_seconds)::int AS timed, count(*)::int AS total
      FROM sf_work_order_hold WHERE organization_id = ${orgID}`;
  expect(holds[0]).toEqual({ open: 1, timed: 2, total: 3 });

  // Entries as the mutators would take them: the shared rules, and run time within the shift (the night one included).
  const production = await admin<Record<string, unknown>[]>`
    SELECT p.*, s.name AS shift_name, s.start_time, s.end_time FROM sf_production_entry p JOIN sf_shift s ON s.id = p.shift_id
     WHERE p.organization_id = ${orgID}`;
  expect(new Set(production.map((p) => p.shift_name))).toEqual(new Set(['Early', 'Late', 'Night']));
  for (const p of production) {
    const input = {
      workOrderID: p.work_order_id,
      jobID: p.job_id,
      lineID: p.line_id,
      shiftID: p.shift_id,
      shiftDate: new Date(p.shift_date as string).getTime(),
      unitsProduced: p.units_produced,
      unitsDefective: p.units_defective,
      runHours: p.run_hours,
      employeesAssigned: p.employees_assigned,
      employeesPresent: p.employees_present,
    };
    expect(productionEntryInput.safeParse(input).error?.issues ?? []).toEqual([]);
    const shift = { name: String(p.shift_name), start: String(p.start_time), end: String(p.end_time) };
    expect(withinShift('runHours', 'Run time', Number(p.run_hours), shift)).toEqual([]);
  }
  const quality = await admin<{ inspected: number; scrap: number; rework: number; defects: Record<string, number> }[]>`
    SELECT inspected, scrap, rework, defects FROM sf_quality_entry WHERE organization_id = ${orgID}`;
  const attendance = await admin<
    { scheduled_hours: number; absent_hours: number; reason: string | null; covered_by_pool: boolean }[]
  >`
    SELECT scheduled_hours, absent_hours, reason, covered_by_pool FROM sf_attendance_entry WHERE organization_id = ${orgID}`;
  const base = { workOrderID: 'w', lineID: 'l', shiftDate: 0 };
  for (const q of quality) expect(qualityEntryInput.safeParse({ ...base, ...q }).error?.issues ?? []).toEqual([]);
  for (const a of attendance) {
    const input = { employeeID: 'e', shiftID: 's', shiftDate: 0, scheduledHours: a.scheduled_hours, absentHours: a.absent_hours };
    expect(
      attendanceEntryInput.safeParse({ ...input, reason: a.reason, coveredByPool: a.covered_by_pool }).error?.issues ?? [],
    ).toEqual([]);
  }
  expect(attendance.some((a) => a.covered_by_pool)).toBe(true);
}
