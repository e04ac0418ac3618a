import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { useAdminSql } from '../helpers/db.ts';
import { api, type Person, team } from '../helpers/people.ts';
import { comparable, createKey, createKpi, expectError, expectStatus, rest, restOwner } from '../helpers/rest.ts';

const sql = useAdminSql();

type KeyRow = {
  secret_hash: string;
  prefix: string;
  role: string;
  created_by: string;
  last_used_at: Date | null;
  revoked_at: Date | null;
};
const keyRow = async (id: string) =>
  (await sql<KeyRow[]>`SELECT secret_hash, prefix, role, created_by, last_used_at, revoked_at FROM api_key WHERE id = ${id}`)[0]!;

async function memberID(orgID: string, person: Person): Promise<string> {
  const [row] = await sql`SELECT id FROM member WHERE "organizationId" = ${orgID} AND "userId" = ${person.userID}`;
  return row?.id;
}

describe('REST /api/api-keys and authenticating with a key', () => {
  test('lifecycle: create (secret shown once, hash stored) -> use -> last_used_at -> revoke -> 401', async () => {
    const { owner, me } = await restOwner();
    const created = await rest(me, 'POST', '/api/api-keys', { name: ' Nightly import ', role: 'manager' });
    const key = expectStatus(created, 201);
    expect(key).toEqual({
      id: expect.any(String),
      name: 'Nightly import',
      role: 'manager',
      prefix: key.key.slice(0, 10),
      key: expect.stringMatching(/^lk_[A-Za-z0-9_-]{43}$/),
      createdBy: owner.userID,
      createdAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
    });
    const stored = await keyRow(key.id);
    expect(stored?.secret_hash).toBe(createHash('sha256').update(key.key).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(key.key);

    const listed = await rest(me, 'GET', '/api/api-keys');
    const { key: _secret, ...shown } = key;
    expect(listed.body).toEqual([shown]);

    // The key acts as its creator: a write through it is audited as theirs.
    const kpi = await createKpi({ key: key.key }, { title: 'Made by a script' });
    expect((await rest({ key: key.key, as: 'header' }, 'GET', `/api/kpis/${kpi.id}`)).body.title).toBe('Made by a script');
    const [audit] = await sql`SELECT actor_id, source FROM audit_log WHERE table_name = 'kpi' AND row_id = ${kpi.id}`;
    expect(audit).toEqual({ actor_id: owner.userID, source: 'rest:POST /api/kpis' });

    const firstUse = (await keyRow(key.id)).last_used_at as Date;
    expect(firstUse).toBeInstanceOf(Date);
    expect(Date.now() - firstUse.getTime()).toBeLessThan(60_000);
    await rest({ key: key.key }, 'GET', '/api/kpis');
    expect((await keyRow(key.id)).last_used_at).toEqual(firstUse); // at most once a minute
    await sql`UPDATE api_key SET last_used_at = now() - interval '5 minutes' WHERE id = ${key.id}`;
    await rest({ key: key.key }, 'GET', '/api/kpis');
    expect(((await keyRow(key.id)).last_used_at as Date).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect((await rest(me, 'GET', '/api/api-keys')).body[0].lastUsedAt).toEqual(expect.any(String));

    const revoked = await rest(me, 'DELETE', `/api/api-keys/${key.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: key.id, revokedAt: expect.any(String) });
    const again = await rest(me, 'DELETE', `/api/api-keys/${key.id}`);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
    for (const as of ['bearer', 'header'] as const) {
      const refused = expectError(await rest({ key: key.key, as }, 'GET', '/api/kpis'), 401, 'UNAUTHENTICATED');
      expect(refused.message).toMatch(/not valid/);
    }
  });

  test('a key is capped at its role: a viewer key made by an owner reads but cannot write', async () => {
    const { orgID, owner, me } = await restOwner();
    const kpi = await createKpi(me);
    const viewerKey = await createKey(owner, orgID, 'viewer');
    const operatorKey = await createKey(owner, orgID, 'operator');
    const asViewer = { key: viewerKey.key };
    expect((await rest(asViewer, 'GET', '/api/kpis')).body.map((k: { id: string }) => k.id)).toEqual([kpi.id]);
    const refused = expectError(
      await rest(asViewer, 'POST', '/api/kpis', { title: 'x', targetValue: 1, unit: '$' }),
      403,
      'FORBIDDEN',
    );
    expect(refused.message).toMatch(/Viewer/);
    expectError(await rest(asViewer, 'POST', `/api/kpis/${kpi.id}/records`, { value: 1 }), 403, 'FORBIDDEN');
    expectError(await rest(asViewer, 'DELETE', `/api/kpis/${kpi.id}`), 403, 'FORBIDDEN');
    expectError(await rest(asViewer, 'POST', '/api/goals', { title: 'G', targetDate: '2030-01-01' }), 403, 'FORBIDDEN');

    expect((await rest({ key: operatorKey.key }, 'POST', `/api/kpis/${kpi.id}/records`, { value: 7 })).status).toBe(201);
    expectError(
      await rest({ key: operatorKey.key }, 'POST', '/api/kpis', { title: 'x', targetValue: 1, unit: '$' }),
      403,
      'FORBIDDEN',
    );
    expect(await sql`SELECT name FROM kpi WHERE organization_id = ${orgID}`).toEqual([{ name: 'Revenue' }]);
  });

  test('the weaker of key and creator applies; a creator who leaves takes the key with them', async () => {
    const { orgID, owner, admin } = await team(['admin']);
    const kpi = await createKpi({ person: owner, org: orgID });
    const adminKey = await createKey(admin, orgID, 'admin');
    expect((await createKpi({ key: adminKey.key })).status).toBe('active');

    const demote = await api(owner, 'POST', '/api/auth/organization/update-member-role', {
      memberId: await memberID(orgID, admin),
      role: 'operator',
      organizationId: orgID,
    });
    expect(demote.status).toBe(200);
    expectError(
      await rest({ key: adminKey.key }, 'POST', '/api/kpis', { title: 'x', targetValue: 1, unit: '$' }),
      403,
      'FORBIDDEN',
    );
    expect((await rest({ key: adminKey.key }, 'POST', `/api/kpis/${kpi.id}/records`, { value: 1 })).status).toBe(201);

    const removed = await api(owner, 'POST', '/api/auth/organization/remove-member', {
      memberIdOrEmail: await memberID(orgID, admin),
      organizationId: orgID,
    });
    expect(removed.status).toBe(200);
    expectError(await rest({ key: adminKey.key }, 'GET', '/api/kpis'), 401, 'UNAUTHENTICATED');
  });

  test('only signed-in owners and admins manage keys; keys cannot manage keys', async () => {
    const { orgID, owner, admin, manager, viewer } = await team(['admin', 'manager', 'viewer']);
    const adminMade = await createKey(admin, orgID, 'viewer');
    for (const person of [manager, viewer]) {
      const as = { person, org: orgID };
      expectError(await rest(as, 'POST', '/api/api-keys', { name: 'mine', role: 'viewer' }), 403, 'FORBIDDEN');
      expectError(await rest(as, 'GET', '/api/api-keys'), 403, 'FORBIDDEN');
      expectError(await rest(as, 'DELETE', `/api/api-keys/${adminMade.id}`), 403, 'FORBIDDEN');
    }
    const keyAdmin = await createKey(owner, orgID, 'admin');
    for (const [method, path, body] of [
      ['POST', '/api/api-keys', { name: 'spawn', role: 'admin' }],
      ['GET', '/api/api-keys'],
      ['DELETE', `/api/api-keys/${adminMade.id}`],
    ] as [string, string, unknown?][]) {
      expectError(await rest({ key: keyAdmin.key }, method, path, body), 403, 'FORBIDDEN');
    }
    expect(
      (await rest({ person: owner, org: orgID }, 'GET', '/api/api-keys')).body.map((k: { name: string }) => k.name).sort(),
    ).toEqual(['key admin', 'key viewer']);
    const bad = await rest({ person: owner, org: orgID }, 'POST', '/api/api-keys', { name: '', role: 'owner' });
    expect(expectError(bad, 400, 'VALIDATION_FAILED').details.map((d) => d.loc)).toEqual([
      ['body', 'name'],
      ['body', 'role'],
    ]);
  });

  test('unknown, malformed and missing credentials are 401; a key ignores X-Organization-Id', async () => {
    const { orgID, owner, me } = await restOwner();
    const kpi = await createKpi(me);
    const key = await createKey(owner, orgID, 'viewer');
    const wrong = `${key.key.slice(0, -2)}xx`;
    for (const auth of [
      { key: wrong },
      { key: 'lk_short' },
      { key: 'not-a-live-kpi-key' },
      { key: wrong, as: 'header' as const },
    ]) {
      expectError(await rest(auth, 'GET', '/api/kpis'), 401, 'UNAUTHENTICATED');
    }
    const basic = await api(null, 'GET', '/api/kpis', undefined, { authorization: 'Basic dXNlcjpwYXNz' });
    expectError(basic, 401, 'UNAUTHENTICATED');
    // A bad key is refused even alongside a good session cookie.
    const mixed = await api(owner, 'GET', '/api/kpis', undefined, {
      authorization: `Bearer ${wrong}`,
      'x-organization-id': orgID,
    });
    expectError(mixed, 401, 'UNAUTHENTICATED');

    const mallory = await restOwner('Mallory');
    await createKpi(mallory.me);
    const elsewhere = await api(null, 'GET', '/api/kpis', undefined, {
      authorization: `Bearer ${key.key}`,
      'x-organization-id': mallory.orgID,
    });
    expect(elsewhere.body.map((k: { id: string }) => k.id)).toEqual([kpi.id]);
  });

  test("another organization's key cannot be revoked: 404, the same as a random id", async () => {
    const { orgID, owner } = await team([]);
    const key = await createKey(owner, orgID, 'viewer');
    const { me: as } = await restOwner('Mallory');
    const theirs = await rest(as, 'DELETE', `/api/api-keys/${key.id}`);
    expectError(theirs, 404, 'NOT_FOUND');
    expect(comparable(theirs)).toEqual(comparable(await rest(as, 'DELETE', `/api/api-keys/${randomUUID()}`)));
    expect((await rest(as, 'GET', '/api/api-keys')).body).toEqual([]);
    expect((await keyRow(key.id)).revoked_at).toBeNull();
    expect((await rest({ key: key.key }, 'GET', '/api/kpis')).status).toBe(200);
  });
});
