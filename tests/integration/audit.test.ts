import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { mutators } from '../../sync/mutators.ts';
import { queries } from '../../sync/queries.ts';
import type { Kpi } from '../../sync/schema.ts';
import { api, createOrg, signUp, team } from '../helpers/people.ts';
import { openZero, type TestZero, watch } from '../helpers/zero-client.ts';

const sql = postgres(inject('stack').databaseUrl, { max: 2, onnotice: () => {} });
const clients: TestZero[] = [];
afterAll(async () => {
  await Promise.all(clients.map((z) => z.close()));
  await sql.end({ timeout: 2 });
});

interface AuditRow {
  id: string;
  organization_id: string;
  actor_id: string | null;
  action: string;
  table_name: string;
  row_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  source: string | null;
  at: Date;
}

/** Rows about tenant data (organization and membership changes are audited too, with an auth: source). */
const auditOf = (orgID: string) =>
  sql<AuditRow[]>`SELECT * FROM audit_log WHERE organization_id = ${orgID} AND source NOT LIKE 'auth:%' ORDER BY id`;
const authAuditOf = (orgID: string) =>
  sql<AuditRow[]>`SELECT * FROM audit_log WHERE organization_id = ${orgID} AND source LIKE 'auth:%' ORDER BY id`;

function open(...args: Parameters<typeof openZero>) {
  const z = openZero(...args);
  clients.push(z);
  return z;
}

describe('audit trail of mutator writes', () => {
  test('creating a KPI and adding a data point leave one audit row per written row, with who, what, before and after', async () => {
    const { orgID, operator, owner } = await team(['operator']);
    const ownerZero = open(owner, orgID);
    const operatorZero = open(operator, orgID);
    const started = new Date();

    const kpiID = randomUUID();
    const created = ownerZero.mutate(mutators.kpi.create({ id: kpiID, name: ' Revenue ', unit: '$', target: 1000 }));
    expect(await created.server).toEqual({ type: 'success' });
    const pointID = randomUUID();
    const point = operatorZero.mutate(mutators.dataPoint.add({ id: pointID, kpiID, value: 420.5 }));
    expect(await point.server).toEqual({ type: 'success' });

    const rows = await auditOf(orgID);
    expect(rows.map((r) => [r.table_name, r.action, r.row_id, r.actor_id, r.source])).toEqual([
      ['kpi', 'insert', kpiID, owner.userID, 'mutator:kpi.create'],
      ['data_point', 'insert', pointID, operator.userID, 'mutator:dataPoint.add'],
      ['kpi', 'update', kpiID, operator.userID, 'mutator:dataPoint.add'],
    ]);
    const [kpiInsert, pointInsert, kpiUpdate] = [rows[0]!, rows[1]!, rows[2]!];
    for (const row of rows) {
      expect(row.organization_id).toBe(orgID);
      expect(row.at.getTime()).toBeGreaterThanOrEqual(started.getTime() - 1000);
      expect(row.at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    }

    // The insert records the whole new row (as validated: name trimmed) and no "before".
    expect(kpiInsert.before).toBeNull();
    expect(kpiInsert.after).toMatchObject({
      id: kpiID,
      organization_id: orgID,
      name: 'Revenue',
      unit: '$',
      target: 1000,
      current_value: null,
      current_at: null,
      created_by: owner.userID,
      archived_at: null,
    });
    expect(pointInsert.before).toBeNull();
    expect(pointInsert.after).toMatchObject({
      id: pointID,
      organization_id: orgID,
      kpi_id: kpiID,
      value: 420.5,
      created_by: operator.userID,
    });

    // The update carries the row before and after: only the current value and its times moved.
    expect(kpiUpdate.before).toEqual(kpiInsert.after);
    expect(kpiUpdate.before?.current_value).toBeNull();
    expect(kpiUpdate.after?.current_value).toBe(420.5);
    expect(Date.parse(String(kpiUpdate.after?.current_at))).toBe(Date.parse(String(pointInsert.after?.recorded_at)));
    const changed = Object.keys(kpiUpdate.after ?? {}).filter(
      (k) => JSON.stringify(kpiUpdate.after?.[k]) !== JSON.stringify(kpiUpdate.before?.[k]),
    );
    expect(changed.sort()).toEqual(['current_at', 'current_value', 'updated_at']);

    // The audit rows describe what is actually stored.
    const [stored] = await sql`SELECT current_value, name FROM kpi WHERE id = ${kpiID}`;
    expect(stored).toEqual({ current_value: 420.5, name: 'Revenue' });
  });

  test('a refused mutation (a viewer adding a data point) leaves no audit row and no data row', async () => {
    const { orgID, owner, viewer } = await team(['viewer']);
    const ownerZero = open(owner, orgID);
    const viewerZero = open(viewer, orgID);
    const kpiID = randomUUID();
    expect(await ownerZero.mutate(mutators.kpi.create({ id: kpiID, name: 'Uptime', unit: '%', target: 99 })).server).toEqual({
      type: 'success',
    });
    // The viewer has the KPI synced, so the client-side run goes as far as it can.
    const viewerSees = watch<Kpi[]>(viewerZero, queries.kpis.list({ orgID }));
    await viewerSees.until((rows) => rows.some((k) => k.id === kpiID));
    const auditBefore = await auditOf(orgID);
    expect(auditBefore.map((r) => [r.table_name, r.action])).toEqual([['kpi', 'insert']]);

    const pointID = randomUUID();
    const refused = await viewerZero.mutate(mutators.dataPoint.add({ id: pointID, kpiID, value: 98.2 })).server;
    expect(refused).toEqual({
      type: 'error',
      error: {
        type: 'app',
        message: 'Your role (Viewer) cannot add data points. Ask an admin of this organization for access.',
        details: { code: 'FORBIDDEN', issues: [] },
      },
    });

    expect(await auditOf(orgID)).toEqual(auditBefore);
    expect(await sql`SELECT id FROM data_point WHERE id = ${pointID} OR kpi_id = ${kpiID}`).toEqual([]);
    const [kpi] = await sql`SELECT current_value, current_at FROM kpi WHERE id = ${kpiID}`;
    expect(kpi).toEqual({ current_value: null, current_at: null });
    // The optimistic change is rolled back on the viewer's client too.
    await viewerSees.until((rows) => rows.find((k) => k.id === kpiID)?.currentValue === null);
  });

  test('a mutation refused by validation leaves no audit row and no KPI', async () => {
    const { orgID, owner } = await team([]);
    const ownerZero = open(owner, orgID);
    const kpiID = randomUUID();
    const res = await ownerZero.mutate(mutators.kpi.create({ id: kpiID, name: '   ', unit: '', target: 0 })).server;
    expect(res).toMatchObject({ type: 'error', error: { type: 'app', details: { code: 'VALIDATION_FAILED' } } });
    expect(await auditOf(orgID)).toEqual([]);
    expect(await sql`SELECT id FROM kpi WHERE id = ${kpiID}`).toEqual([]);
  });
});

describe('audit trail of organization changes made through the auth API', () => {
  test('creating the organization, inviting, accepting, changing a role and removing a member are recorded with who did it', async () => {
    const owner = await signUp('Org owner');
    const orgID = await createOrg(owner);
    const invitee = await signUp('Newcomer');
    const inv = await api<{ id: string }>(owner, 'POST', '/api/auth/organization/invite-member', {
      email: invitee.email,
      role: 'viewer',
      organizationId: orgID,
    });
    expect(inv.status).toBe(200);
    const acc = await api<{ member: { id: string } }>(invitee, 'POST', '/api/auth/organization/accept-invitation', {
      invitationId: inv.body.id,
    });
    expect(acc.status).toBe(200);
    const memberID = acc.body.member.id;
    const role = await api(owner, 'POST', '/api/auth/organization/update-member-role', {
      memberId: memberID,
      role: 'operator',
      organizationId: orgID,
    });
    expect(role.status).toBe(200);
    const removed = await api(owner, 'POST', '/api/auth/organization/remove-member', {
      memberIdOrEmail: memberID,
      organizationId: orgID,
    });
    expect(removed.status).toBe(200);

    const rows = (await authAuditOf(orgID)).map((r) => ({
      table: r.table_name,
      action: r.action,
      actor: r.actor_id,
      source: r.source,
      row: r.row_id,
      before: r.before?.role ?? r.before?.status ?? null,
      after: r.after?.role ?? r.after?.status ?? null,
    }));
    expect(rows).toEqual([
      {
        table: 'member',
        action: 'insert',
        actor: owner.userID,
        source: 'auth:POST /auth/organization/create',
        row: expect.any(String),
        before: null,
        after: 'owner',
      },
      {
        table: 'organization',
        action: 'insert',
        actor: owner.userID,
        source: 'auth:POST /auth/organization/create',
        row: orgID,
        before: null,
        after: null,
      },
      {
        table: 'invitation',
        action: 'insert',
        actor: owner.userID,
        source: 'auth:POST /auth/organization/invite-member',
        row: inv.body.id,
        before: null,
        after: 'viewer',
      },
      {
        table: 'member',
        action: 'insert',
        actor: invitee.userID,
        source: 'auth:POST /auth/organization/accept-invitation',
        row: memberID,
        before: null,
        after: 'viewer',
      },
      {
        table: 'invitation',
        action: 'update',
        actor: invitee.userID,
        source: 'auth:POST /auth/organization/accept-invitation',
        row: inv.body.id,
        before: null,
        after: 'viewer',
      },
      {
        table: 'member',
        action: 'update',
        actor: owner.userID,
        source: 'auth:POST /auth/organization/update-member-role',
        row: memberID,
        before: 'viewer',
        after: 'operator',
      },
      {
        table: 'member',
        action: 'delete',
        actor: owner.userID,
        source: 'auth:POST /auth/organization/remove-member',
        row: memberID,
        before: 'operator',
        after: null,
      },
    ]);
  });
});
