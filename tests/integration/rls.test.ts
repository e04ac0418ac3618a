import { randomUUID } from 'node:crypto';
import type { TransactionSql } from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createPools, type Pools, type TenantContext, withTenant } from '../../server/db/pools.ts';
import { type Person, team } from '../helpers/people.ts';

/**
 * Row-level security as the server's own role (kpi_app) meets it: the rows
 * are written once in beforeAll and only read afterwards, except by tests
 * that expect their writes to be refused.
 */
let pools: Pools;
let orgA: string;
let orgB: string;
let ownerA: Person;
let viewerA: Person;
let ownerB: Person;
const kpiA = randomUUID();
const kpiB = randomUUID();
const pointA = randomUUID();
const pointB = randomUUID();

const RLS_ERROR = /new row violates row-level security policy for table "(kpi|data_point)"/;

function insertKpi(tx: TransactionSql, id: string, orgID: string, by: string, name: string) {
  const now = new Date();
  return tx`INSERT INTO kpi (id, organization_id, name, unit, target, created_by, created_at, updated_at)
            VALUES (${id}, ${orgID}, ${name}, '', 10, ${by}, ${now}, ${now})`;
}

function insertPoint(tx: TransactionSql, id: string, orgID: string, kpiID: string, by: string) {
  const now = new Date();
  return tx`INSERT INTO data_point (id, organization_id, kpi_id, value, recorded_at, created_by, created_at)
            VALUES (${id}, ${orgID}, ${kpiID}, 7, ${now}, ${by}, ${now})`;
}

const as = (ctx: Omit<TenantContext, 'source'>) => ({ ...ctx, source: 'test:rls' });

/** What kpi_app sees of each tenant table in a transaction with `ctx` set. */
async function visible(ctx: Omit<TenantContext, 'source'>) {
  return withTenant(pools.app, as(ctx), async (tx) => ({
    kpi: (await tx<{ id: string }[]>`SELECT * FROM kpi WHERE id IN (${kpiA}, ${kpiB})`).map((r) => r.id),
    dataPoint: (await tx<{ id: string }[]>`SELECT * FROM data_point WHERE id IN (${pointA}, ${pointB})`).map((r) => r.id),
    audit: (
      await tx<{ organization_id: string }[]>`
      SELECT * FROM audit_log WHERE organization_id IN (${orgA}, ${orgB}) AND table_name IN ('kpi', 'data_point')`
    ).map((r) => r.organization_id),
  }));
}

beforeAll(async () => {
  const stack = inject('stack');
  pools = createPools({ admin: stack.databaseUrl, app: stack.appDatabaseUrl, auth: stack.authDatabaseUrl });
  const [a, b] = await Promise.all([team(['viewer']), team([])]);
  ({ orgID: orgA, owner: ownerA, viewer: viewerA } = a);
  ({ orgID: orgB, owner: ownerB } = b);
  // Written the way the server writes: as kpi_app, with the tenant context set.
  await withTenant(pools.app, as({ userID: ownerA.userID, orgID: orgA }), async (tx) => {
    await insertKpi(tx, kpiA, orgA, ownerA.userID, 'A revenue');
    await insertPoint(tx, pointA, orgA, kpiA, ownerA.userID);
  });
  await withTenant(pools.app, as({ userID: ownerB.userID, orgID: orgB }), async (tx) => {
    await insertKpi(tx, kpiB, orgB, ownerB.userID, 'B revenue');
    await insertPoint(tx, pointB, orgB, kpiB, ownerB.userID);
  });
});
afterAll(() => pools?.close());

describe('row-level security for the server role kpi_app', () => {
  test('the app pool really is kpi_app, and the rows exist (the superuser sees both tenants)', async () => {
    const [who] = await pools.app`SELECT current_user AS role`;
    expect(who?.role).toBe('kpi_app');
    const all = await pools.admin<{ id: string }[]>`SELECT id FROM kpi WHERE id IN (${kpiA}, ${kpiB}) ORDER BY name`;
    expect(all.map((r) => r.id)).toEqual([kpiA, kpiB]);
    const audit =
      await pools.admin`SELECT 1 FROM audit_log WHERE organization_id IN (${orgA}, ${orgB}) AND table_name IN ('kpi', 'data_point')`;
    expect(audit).toHaveLength(4);
  });

  test('with no tenant context, SELECT * returns nothing', async () => {
    expect(await pools.app`SELECT * FROM kpi`).toHaveLength(0);
    expect(await pools.app`SELECT * FROM data_point`).toHaveLength(0);
    expect(await pools.app`SELECT * FROM audit_log`).toHaveLength(0);
    // A user without an organization, or an organization without a user, is no context either.
    expect(await visible({ userID: ownerA.userID, orgID: null })).toEqual({ kpi: [], dataPoint: [], audit: [] });
    expect(await visible({ userID: '', orgID: orgA })).toEqual({ kpi: [], dataPoint: [], audit: [] });
  });

  test('the context lasts one transaction: a pooled connection does not keep it', async () => {
    const seen = await withTenant(pools.app, as({ userID: ownerA.userID, orgID: orgA }), (tx) => tx`SELECT id FROM kpi`);
    expect(seen.map((r) => r.id)).toEqual([kpiA]);
    const after = await Promise.all(Array.from({ length: 10 }, () => pools.app`SELECT id FROM kpi`));
    expect(after.flat()).toEqual([]);
  });

  test('a user of organization B who names organization A sees nothing of A', async () => {
    expect(await visible({ userID: ownerB.userID, orgID: orgA })).toEqual({ kpi: [], dataPoint: [], audit: [] });
  });

  test('a user of organization B in B sees only B', async () => {
    expect(await visible({ userID: ownerB.userID, orgID: orgB })).toEqual({
      kpi: [kpiB],
      dataPoint: [pointB],
      audit: [orgB, orgB],
    });
  });

  test('a viewer sees their organization’s data but not its audit log (owners and admins only)', async () => {
    expect(await visible({ userID: viewerA.userID, orgID: orgA })).toEqual({ kpi: [kpiA], dataPoint: [pointA], audit: [] });
  });

  test('an INSERT into organization A by a user of B fails with an RLS error and writes nothing', async () => {
    const intruderKpi = randomUUID();
    await expect(
      withTenant(pools.app, as({ userID: ownerB.userID, orgID: orgA }), (tx) =>
        insertKpi(tx, intruderKpi, orgA, ownerB.userID, 'planted'),
      ),
    ).rejects.toThrow(RLS_ERROR);
    // Nor with B's context and A's id on the row.
    await expect(
      withTenant(pools.app, as({ userID: ownerB.userID, orgID: orgB }), (tx) =>
        insertKpi(tx, intruderKpi, orgA, ownerB.userID, 'planted'),
      ),
    ).rejects.toThrow(RLS_ERROR);
    await expect(
      withTenant(pools.app, as({ userID: ownerB.userID, orgID: orgA }), (tx) =>
        insertPoint(tx, randomUUID(), orgA, kpiA, ownerB.userID),
      ),
    ).rejects.toThrow(RLS_ERROR);
    expect(await pools.admin`SELECT id FROM kpi WHERE id = ${intruderKpi} OR name = 'planted'`).toEqual([]);
    expect(await pools.admin`SELECT id FROM data_point WHERE kpi_id = ${kpiA}`).toEqual([{ id: pointA }]);
    expect(
      await pools.admin`SELECT 1 FROM audit_log WHERE organization_id = ${orgA} AND table_name IN ('kpi', 'data_point')`,
    ).toHaveLength(2);
  });

  test('an UPDATE of organization A’s KPI by a user of B touches no row', async () => {
    const updated = await withTenant(pools.app, as({ userID: ownerB.userID, orgID: orgA }), (tx) =>
      tx`UPDATE kpi SET name = 'hijacked' WHERE id = ${kpiA}`.then((r) => r.count),
    );
    expect(updated).toBe(0);
    const [row] = await pools.admin`SELECT name FROM kpi WHERE id = ${kpiA}`;
    expect(row).toEqual({ name: 'A revenue' });
  });

  test('a viewer’s INSERT of a data point in their own organization fails and writes nothing', async () => {
    const id = randomUUID();
    await expect(
      withTenant(pools.app, as({ userID: viewerA.userID, orgID: orgA }), (tx) => insertPoint(tx, id, orgA, kpiA, viewerA.userID)),
    ).rejects.toThrow(/new row violates row-level security policy for table "data_point"/);
    const newKpi = randomUUID();
    await expect(
      withTenant(pools.app, as({ userID: viewerA.userID, orgID: orgA }), (tx) =>
        insertKpi(tx, newKpi, orgA, viewerA.userID, 'viewer made'),
      ),
    ).rejects.toThrow(RLS_ERROR);
    expect(await pools.admin`SELECT id FROM data_point WHERE id = ${id}`).toEqual([]);
    expect(await pools.admin`SELECT id FROM kpi WHERE id = ${newKpi}`).toEqual([]);
  });
});

describe('what the role kpi_app is and may touch', () => {
  test('kpi_app is not a superuser, does not bypass RLS and owns nothing', async () => {
    const [role] = await pools.admin`
      SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = 'kpi_app'`;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
    expect(await pools.admin`SELECT tablename FROM pg_tables WHERE tableowner = 'kpi_app'`).toEqual([]);
    expect(
      await pools.admin`SELECT relname FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = 'kpi_app')`,
    ).toEqual([]);
    // Every table it can read has RLS switched on, or is membership it may see whole.
    const tables = await pools.admin<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }[]>`
      SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND has_table_privilege('kpi_app', c.oid, 'SELECT')
      ORDER BY c.relname`;
    expect(tables.map((t) => [t.relname, t.relrowsecurity])).toEqual([
      ['account_health', true],
      ['api_key', true],
      ['audit_log', true],
      ['cs_account', true],
      ['dashboard', true],
      ['dashboard_layout', true],
      ['dashboard_preference', true],
      ['dashboard_presence', true],
      ['dashboard_share', true],
      ['dashboard_widget', true],
      ['dashboard_widget_kpi', true],
      ['data_point', true],
      ['goal', true],
      ['goal_kpi', true],
      ['health_category_weights', true],
      ['health_config_version', true],
      ['health_rescore', true],
      ['health_trend', true],
      ['insight', true],
      ['kpi', true],
      ['kpi_option', true],
      ['kpi_upload', true],
      ['kpi_upload_file', true],
      ['member', true],
      ['organization', true],
      ['playbook_copy', true],
      ['playbook_execution', true],
      ['playbook_report', true],
      ['playbook_step', true],
      ['playbook_step_editing', true],
      ['playbook_step_note', true],
      ['playbook_trigger', true],
      ['reference_range', true],
      ['sf_attendance_entry', true],
      ['sf_defect_type', true],
      ['sf_downtime_entry', true],
      ['sf_downtime_reason', true],
      ['sf_employee', true],
      ['sf_job', true],
      ['sf_line', true],
      ['sf_product', true],
      ['sf_production_entry', true],
      ['sf_quality_entry', true],
      ['sf_shift', true],
      ['sf_work_order', true],
      ['sf_work_order_hold', true],
      ['sf_work_order_transition', true],
    ]);
  });

  test('the server roles log in as themselves and cannot switch to a stronger role', async () => {
    const [who] = await pools.app`SELECT current_user, session_user`;
    expect(who).toEqual({ current_user: 'kpi_app', session_user: 'kpi_app' });
    for (const target of ['postgres', 'kpi_auth']) {
      await expect(pools.app.begin((tx) => tx.unsafe(`SET ROLE ${target}`))).rejects.toThrow(/permission denied to set role/);
      await expect(pools.app.begin((tx) => tx.unsafe(`SET SESSION AUTHORIZATION ${target}`))).rejects.toThrow(
        /permission denied/,
      );
    }
    await expect(pools.auth.begin((tx) => tx.unsafe('SET ROLE postgres'))).rejects.toThrow(/permission denied to set role/);
    const [memberships] = await pools.admin`
      SELECT count(*)::int AS n FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member WHERE r.rolname IN ('kpi_app', 'kpi_auth')`;
    expect(memberships).toEqual({ n: 0 });
  });

  test('memberships, organizations and names are visible only within the acting user’s organizations', async () => {
    const seen = (userID: string | null) =>
      withTenant(pools.app, as({ userID: userID ?? '', orgID: null }), async (tx) => ({
        orgs: (await tx<{ id: string }[]>`SELECT id FROM organization WHERE id IN (${orgA}, ${orgB}) ORDER BY id`).map(
          (r) => r.id,
        ),
        members: (
          await tx<
            { o: string }[]
          >`SELECT DISTINCT "organizationId" AS o FROM member WHERE "organizationId" IN (${orgA}, ${orgB})`
        ).map((r) => r.o),
        people: (
          await tx<{ id: string }[]>`SELECT id FROM "user" WHERE id IN (${ownerA.userID}, ${ownerB.userID}, ${viewerA.userID})`
        )
          .map((r) => r.id)
          .sort(),
      }));
    expect(await seen(ownerB.userID)).toEqual({ orgs: [orgB], members: [orgB], people: [ownerB.userID] });
    expect(await seen(viewerA.userID)).toEqual({ orgs: [orgA], members: [orgA], people: [ownerA.userID, viewerA.userID].sort() });
    expect(await seen(null)).toEqual({ orgs: [], members: [], people: [] });
  });

  test('kpi_app cannot read sessions, accounts or e-mail addresses at all', async () => {
    const denied = { code: '42501' };
    await expect(pools.app`SELECT * FROM "session"`).rejects.toMatchObject(denied);
    await expect(pools.app`SELECT * FROM account`).rejects.toMatchObject(denied);
    await expect(pools.app`SELECT password FROM account`).rejects.toThrow('permission denied for table account');
    await expect(pools.app`SELECT email FROM "user"`).rejects.toThrow('permission denied for table user');
    await expect(pools.app`SELECT * FROM "user"`).rejects.toMatchObject(denied);
    await expect(pools.app`SELECT * FROM verification`).rejects.toMatchObject(denied);
    await expect(pools.app`SELECT * FROM invitation`).rejects.toMatchObject(denied);
    // What it may read of people: who they are, by display name.
    const me = await withTenant(
      pools.app,
      as({ userID: ownerA.userID, orgID: orgA }),
      (tx) => tx`SELECT id, name FROM "user" WHERE id = ${ownerA.userID}`,
    );
    expect(me).toEqual([{ id: ownerA.userID, name: ownerA.name }]);
  });

  test('kpi_app cannot forge, edit or erase the audit trail, nor hard-delete KPIs', async () => {
    const ctx = as({ userID: ownerA.userID, orgID: orgA });
    const denied = { code: '42501' };
    await expect(
      withTenant(
        pools.app,
        ctx,
        (tx) => tx`INSERT INTO audit_log (organization_id, action, table_name, row_id) VALUES (${orgA}, 'insert', 'kpi', 'x')`,
      ),
    ).rejects.toMatchObject(denied);
    await expect(withTenant(pools.app, ctx, (tx) => tx`UPDATE audit_log SET actor_id = NULL`)).rejects.toMatchObject(denied);
    await expect(withTenant(pools.app, ctx, (tx) => tx`DELETE FROM audit_log`)).rejects.toMatchObject(denied);
    await expect(withTenant(pools.app, ctx, (tx) => tx`DELETE FROM kpi WHERE id = ${kpiA}`)).rejects.toMatchObject(denied);
    expect(
      await pools.admin`SELECT 1 FROM audit_log WHERE organization_id = ${orgA} AND table_name IN ('kpi', 'data_point')`,
    ).toHaveLength(2);
  });
});
