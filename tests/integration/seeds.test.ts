import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { accountHealthSeed } from '../../server/customer-success/health/seed.ts';
import { customerSuccessSeed } from '../../server/customer-success/seed.ts';
import { dashboardsSeed } from '../../server/dashboards/seed.ts';
import { kpiTrackerSeed } from '../../server/kpi-tracker/seed.ts';
import { PACK_SEEDS, seedPacks } from '../../server/seed.ts';
import { triggerConditionsInput } from '../../shared/playbooks/triggers.ts';
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
] as const;

/** What the demo holds once seeded: 4 tracker KPIs and 25 accounts with 9 health KPIs each, twelve months of history and trend. */
const SEEDED = {
  kpi: 4 + 25 * 9,
  data_point: 4 * 5 + 25 * 9 * 12,
  goal: 1,
  goal_kpi: 3,
  cs_account: 25,
  reference_range: 9,
  health_trend: 25 * 12,
  account_health: 25,
};

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
  });

  test('a second run adds nothing; rows it lost come back on the next run, the rest stay as they are', async () => {
    const first = await seedPacks(app, demo);
    // 4 KPIs, the goal, the shared dashboard, 25 accounts, 9 reference ranges, 9 health KPIs per account, the VoC trigger and its execution
    expect(first.added).toBe(4 + 1 + 1 + 25 + 9 + 225 + 2);
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
    expect(await counts(demo.orgID)).toEqual({
      kpi: 1,
      data_point: 5,
      goal: 0,
      goal_kpi: 0,
      cs_account: 1,
      reference_range: 9,
      health_trend: 12,
      account_health: 1,
    });

    const refill = await seedPacks(app, demo);
    // 3 KPIs, the goal, 24 accounts, 9 health KPIs per account (the inactive one's too), the VoC execution (its account was deleted)
    expect(refill.added).toBe(3 + 1 + 24 + 225 + 1);
    expect(refill.kpiIDs).toHaveLength(228);
    expect(refill.kpiIDs).not.toContain(kept?.id);
    expect(await counts(demo.orgID)).toEqual(seeded);
    const [edited] = await admin`SELECT target FROM kpi WHERE id = ${kept?.id ?? ''}`;
    expect(edited?.target).toBe(123);
    const [deactivated] = await admin`SELECT status FROM cs_account WHERE id = ${keptAccount?.id ?? ''}`;
    expect(deactivated?.status).toBe('inactive');
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
    expect(both[0]!.added + both[1]!.added).toBe(4 + 1 + 1 + 25 + 9 + 225 + 2);
    expect(await counts(orgID)).toEqual(SEEDED);
  });
});
