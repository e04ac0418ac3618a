import { randomUUID } from 'node:crypto';
import type { TransactionSql } from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createPools, type Pools, setTenant, withTenant } from '../../server/db/pools.ts';
import { syncRolePermissions } from '../../server/db/role-permissions.ts';
import { allPermissions, permissionRows } from '../../shared/permissions/matrix.ts';
import { can, canActOn, ROLES, type Role } from '../../shared/roles.ts';
import { type Person, team } from '../helpers/people.ts';

/**
 * The SQL side of the permission matrix against can(): for a real member of
 * each role, app_can and app_can_row (what the RLS policies call) must give
 * the same answer as the shared matrix for every resource and action.
 */
let pools: Pools;
let orgID: string;
let outsiderOrg: string;
const people = {} as Record<Role, Person>;

// Every pair the matrix names, and two it does not (both sides must refuse those).
const pairs = [...allPermissions(), { resource: 'kpi', action: 'delete' }, { resource: 'nothing', action: 'read' }] as {
  resource: 'kpi';
  action: 'read';
}[];

const as = (userID: string, org: string | null) => ({ userID, orgID: org, source: 'test:permission-matrix' });

/** app_can and app_can_row (own row, someone else's row) for each pair, as `userID` in `org`. */
async function sqlAnswers(userID: string, org: string) {
  return withTenant(
    pools.app,
    as(userID, org),
    (tx) =>
      tx<{ resource: string; action: string; can: boolean; own: boolean; other: boolean }[]>`
      SELECT p.resource, p.action,
             app_can(${org}, p.resource, p.action) AS can,
             app_can_row(${org}, p.resource, p.action, ${userID}) AS own,
             app_can_row(${org}, p.resource, p.action, 'someone-else') AS other
        FROM unnest(${pairs.map((p) => p.resource)}::text[], ${pairs.map((p) => p.action)}::text[]) AS p(resource, action)`,
  );
}

beforeAll(async () => {
  const stack = inject('stack');
  pools = createPools({ admin: stack.databaseUrl, app: stack.appDatabaseUrl, auth: stack.authDatabaseUrl });
  const [t, other] = await Promise.all([team(['admin', 'manager', 'operator', 'viewer']), team([])]);
  orgID = t.orgID;
  outsiderOrg = other.orgID;
  Object.assign(people, { owner: t.owner, admin: t.admin, manager: t.manager, operator: t.operator, viewer: t.viewer });
});
afterAll(() => pools?.close());

describe('the permission matrix in the database', () => {
  test('app_role_permission holds exactly the matrix, and writing it again changes nothing', async () => {
    const stored = () =>
      pools.admin<{ role: string; resource: string; action: string; scope: string }[]>`
        SELECT role, resource, action, scope FROM app_role_permission ORDER BY role, resource, action`;
    const key = (r: { role: string; resource: string; action: string }) => `${r.role} ${r.resource} ${r.action}`;
    const expected = [...permissionRows()].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    expect(await stored()).toEqual(expected);
    expect(await syncRolePermissions(pools.admin)).toBe(expected.length);
    expect(await stored()).toEqual(expected);
  });

  test('for every role, resource and action, the SQL answer is can()’s answer (and canActOn’s for one row)', async () => {
    const disagreements: string[] = [];
    for (const role of ROLES) {
      const me = people[role].userID;
      for (const row of await sqlAnswers(me, orgID)) {
        const { resource, action } = row as { resource: 'kpi'; action: 'read' };
        const shared = {
          can: can(role, resource, action),
          own: canActOn(role, resource, action, me, me),
          other: canActOn(role, resource, action, 'someone-else', me),
        };
        const sql = { can: row.can, own: row.own, other: row.other };
        if (JSON.stringify(sql) !== JSON.stringify(shared)) {
          disagreements.push(`${role} ${resource}.${action}: SQL ${JSON.stringify(sql)}, can() ${JSON.stringify(shared)}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
    // The comparison really covered grants and refusals of each kind.
    expect(can('operator', 'dataPoint', 'update') && !canActOn('operator', 'dataPoint', 'update', 'x', 'y')).toBe(true);
    expect(can('viewer', 'kpi', 'create')).toBe(false);
  });

  test('outside the organization of the transaction, or as a non-member, the SQL side allows nothing', async () => {
    const owner = people.owner.userID;
    const nothing = (rows: { can: boolean; own: boolean; other: boolean }[]) => rows.filter((r) => r.can || r.own || r.other);
    // A member of orgID asking about another organization, and an owner of that other organization naming orgID.
    expect(nothing(await sqlAnswers(owner, outsiderOrg))).toEqual([]);
    const stranger = await pools.admin<{ userId: string }[]>`
      SELECT "userId" FROM member WHERE "organizationId" = ${outsiderOrg}`;
    expect(nothing(await sqlAnswers(stranger[0]!.userId, orgID))).toEqual([]);
    // The organization named in the call must be the transaction's.
    const mismatched = await withTenant(
      pools.app,
      as(owner, outsiderOrg),
      (tx) => tx<{ can: boolean }[]>`SELECT app_can(${orgID}, 'kpi', 'read') AS can`,
    );
    expect(mismatched).toEqual([{ can: false }]);
  });

  test('the policies read the table: taking a grant out takes the rows away', async () => {
    const kpiID = randomUUID();
    const now = new Date();
    await withTenant(
      pools.app,
      as(people.owner.userID, orgID),
      (tx) =>
        tx`INSERT INTO kpi (id, organization_id, name, unit, target, created_by, created_at, updated_at)
         VALUES (${kpiID}, ${orgID}, 'Matrix KPI', '', 10, ${people.owner.userID}, ${now}, ${now})`,
    );
    const viewerSees = (tx: TransactionSql) => tx<{ id: string }[]>`SELECT id FROM kpi WHERE id = ${kpiID}`;
    expect(await withTenant(pools.app, as(people.viewer.userID, orgID), viewerSees)).toEqual([{ id: kpiID }]);
    // In one admin transaction that is rolled back: drop viewers' kpi.read, then look as kpi_app.
    const rolledBack = new Error('rolled back on purpose');
    let seen: { id: string }[] | undefined;
    await expect(
      pools.admin.begin(async (tx) => {
        await tx`DELETE FROM app_role_permission WHERE role = 'viewer' AND resource = 'kpi' AND action = 'read'`;
        await tx`SET LOCAL ROLE kpi_app`;
        await setTenant(tx, as(people.viewer.userID, orgID));
        seen = await viewerSees(tx);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(seen).toEqual([]);
    expect(await withTenant(pools.app, as(people.viewer.userID, orgID), viewerSees)).toEqual([{ id: kpiID }]);
  });

  test('an operator may correct only their own data points in SQL too; a manager any', async () => {
    const kpiID = randomUUID();
    const [ownPoint, ownersPoint] = [randomUUID(), randomUUID()];
    const now = new Date();
    await withTenant(pools.app, as(people.owner.userID, orgID), async (tx) => {
      await tx`INSERT INTO kpi (id, organization_id, name, unit, target, created_by, created_at, updated_at)
               VALUES (${kpiID}, ${orgID}, 'Points KPI', '', 10, ${people.owner.userID}, ${now}, ${now})`;
      await tx`INSERT INTO data_point (id, organization_id, kpi_id, value, recorded_at, created_by, created_at)
               VALUES (${ownersPoint}, ${orgID}, ${kpiID}, 1, ${now}, ${people.owner.userID}, ${now})`;
    });
    await withTenant(
      pools.app,
      as(people.operator.userID, orgID),
      (tx) => tx`INSERT INTO data_point (id, organization_id, kpi_id, value, recorded_at, created_by, created_at)
                 VALUES (${ownPoint}, ${orgID}, ${kpiID}, 2, ${now}, ${people.operator.userID}, ${now})`,
    );
    const correct = (who: Person, id: string) =>
      withTenant(pools.app, as(who.userID, orgID), (tx) =>
        tx`UPDATE data_point SET value = 9 WHERE id = ${id}`.then((r) => r.count),
      );
    expect(await correct(people.operator, ownersPoint)).toBe(0);
    expect(await correct(people.operator, ownPoint)).toBe(1);
    expect(await correct(people.manager, ownersPoint)).toBe(1);
    expect(await correct(people.viewer, ownPoint)).toBe(0);
    // Nor may an operator make someone else's point their own.
    await expect(
      withTenant(
        pools.app,
        as(people.operator.userID, orgID),
        (tx) => tx`UPDATE data_point SET created_by = ${people.owner.userID} WHERE id = ${ownPoint}`,
      ),
    ).rejects.toThrow(/row-level security policy for table "data_point"/);
  });

  test('no row-level security policy names a role: they all ask the matrix', async () => {
    const policies = await pools.admin<{ table: string; policy: string; text: string }[]>`
      SELECT tablename AS table, policyname AS policy, concat_ws(' ', qual, with_check) AS text
        FROM pg_policies WHERE schemaname = 'public'`;
    expect(policies.length).toBeGreaterThan(10);
    const naming = policies.filter((p) => ROLES.some((role) => p.text.includes(`'${role}'`)));
    expect(naming.map((p) => `${p.table}.${p.policy}: ${p.text}`)).toEqual([]);
  });

  test('kpi_app reaches the matrix only through the functions: it cannot read or change the table', async () => {
    const denied = { code: '42501' };
    await expect(pools.app`SELECT * FROM app_role_permission`).rejects.toMatchObject(denied);
    await expect(
      pools.app`INSERT INTO app_role_permission (role, resource, action, scope) VALUES ('viewer', 'kpi', 'create', 'all')`,
    ).rejects.toMatchObject(denied);
    await expect(pools.app`DELETE FROM app_role_permission`).rejects.toMatchObject(denied);
  });
});
