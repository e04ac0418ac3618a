import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { queries } from '../../sync/queries.ts';
import type { Kpi } from '../../sync/schema.ts';
import { useAdminSql } from '../helpers/db.ts';
import { baseUrl, createOrg, signUp, team } from '../helpers/people.ts';
import { comparable, createKpi, expectError, expectStatus, rest, restOwner } from '../helpers/rest.ts';
import { useZeroClients, watch } from '../helpers/zero-client.ts';

const sql = useAdminSql();
const openZero = useZeroClients();

describe('REST /api/kpis', () => {
  test('create, read, list, edit: the seeds’ field names in and out, defaults filled in', async () => {
    const { owner, me } = await restOwner();
    const created = await rest(me, 'POST', '/api/kpis', { title: ' Monthly revenue ', targetValue: 5000, unit: '$' });
    const kpi = expectStatus(created, 201);
    expect(kpi).toEqual({
      id: expect.any(String),
      title: 'Monthly revenue',
      description: '',
      targetValue: 5000,
      currentValue: null,
      unit: '$',
      category: 'general',
      direction: 'higher',
      frequency: 'monthly',
      ownerId: owner.userID,
      accountId: null,
      healthCategory: null,
      weight: 1,
      status: 'active',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(new Date(kpi.createdAt).toISOString()).toBe(kpi.createdAt);

    expect((await rest(me, 'GET', `/api/kpis/${kpi.id}`)).body).toEqual(kpi);

    const edited = await rest(me, 'PUT', `/api/kpis/${kpi.id}`, { targetValue: 8000, category: 'growth', direction: 'lower' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      id: kpi.id,
      title: 'Monthly revenue',
      targetValue: 8000,
      category: 'growth',
      direction: 'lower',
    });
    const [row] = await sql`SELECT name, target, category, direction FROM kpi WHERE id = ${kpi.id}`;
    expect(row).toEqual({ name: 'Monthly revenue', target: 8000, category: 'growth', direction: 'lower' });
  });

  test('the list filters by status, category and a title search, sorted by title', async () => {
    const { orgID, manager } = await team(['manager']);
    const me = { person: manager, org: orgID };
    const signups = await createKpi(me, { title: 'Weekly sign-ups', unit: 'users', category: 'growth' });
    const churn = await createKpi(me, { title: 'Churn 100%_rate', unit: '%', category: 'engagement' });
    const arr = await createKpi(me, { title: 'ARR', unit: '$', category: 'revenue' });
    expect((await rest(me, 'DELETE', `/api/kpis/${arr.id}`)).status).toBe(200);

    const titles = async (query: string) =>
      ((await rest(me, 'GET', `/api/kpis${query}`)).body as { title: string }[]).map((k) => k.title);
    expect(await titles('')).toEqual([churn.title, signups.title]);
    expect(await titles('?status=archived')).toEqual(['ARR']);
    expect(await titles('?status=all')).toEqual(['ARR', churn.title, signups.title]);
    expect(await titles('?category=growth')).toEqual([signups.title]);
    expect(await titles('?q=SIGN')).toEqual([signups.title]);
    // LIKE wildcards in the search are literal.
    expect(await titles('?q=%25_')).toEqual([churn.title]);
    expect(await titles('?q=_')).toEqual([churn.title, signups.title].filter((t) => t.includes('_')));

    const bad = expectError(await rest(me, 'GET', '/api/kpis?status=deleted'), 400, 'VALIDATION_FAILED');
    expect(bad.details[0]?.loc).toEqual(['query', 'status']);
  });

  test('DELETE archives (200 with the KPI); PUT {"status":"active"} restores; history stays', async () => {
    const { me } = await restOwner();
    const kpi = await createKpi(me);
    await rest(me, 'POST', `/api/kpis/${kpi.id}/records`, { value: 10 });

    const archived = await rest(me, 'DELETE', `/api/kpis/${kpi.id}`);
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ id: kpi.id, status: 'archived', currentValue: 10 });
    const [{ archived_at: firstArchive }] = (await sql`SELECT archived_at FROM kpi WHERE id = ${kpi.id}`) as [
      { archived_at: Date },
    ];
    // Archiving again changes nothing; the KPI still reads, with its records.
    expect((await rest(me, 'DELETE', `/api/kpis/${kpi.id}`)).body.status).toBe('archived');
    expect((await sql`SELECT archived_at FROM kpi WHERE id = ${kpi.id}`)[0]?.archived_at).toEqual(firstArchive);
    expect((await rest(me, 'GET', `/api/kpis/${kpi.id}`)).body.status).toBe('archived');
    expect((await rest(me, 'GET', `/api/kpis/${kpi.id}/records`)).body).toHaveLength(1);

    const restored = await rest(me, 'PUT', `/api/kpis/${kpi.id}`, { status: 'active', title: 'Revenue (restored)' });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ status: 'active', title: 'Revenue (restored)' });
    expect((await rest(me, 'PUT', `/api/kpis/${kpi.id}`, { status: 'archived' })).body.status).toBe('archived');
  });

  test('bad input is a 400 with each field named by its REST name', async () => {
    const { orgID, me } = await restOwner();
    const empty = expectError(
      await rest(me, 'POST', '/api/kpis', { title: '  ', targetValue: -1, unit: '$' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(empty.details).toEqual([
      { loc: ['body', 'title'], msg: 'Title is required', type: 'too_small' },
      { loc: ['body', 'targetValue'], msg: 'Target value must be a positive number (or 0 when lower is better)', type: 'custom' },
    ]);
    const unit = expectError(
      await rest(me, 'POST', '/api/kpis', { title: 'T', targetValue: 1, unit: 'parsecs' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(unit.details).toEqual([{ loc: ['body', 'unit'], msg: expect.stringMatching(/^Unit is not in/), type: 'not_listed' }]);
    // Every bad field at once: the shared rules and the organization's lists together.
    const both = expectError(
      await rest(me, 'POST', '/api/kpis', { title: '', targetValue: 1, unit: 'parsecs', category: 'astrology' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(both.details.map((d) => d.loc)).toEqual([
      ['body', 'title'],
      ['body', 'unit'],
      ['body', 'category'],
    ]);
    const category = await rest(me, 'PUT', `/api/kpis/${(await createKpi(me)).id}`, { category: 'astrology' });
    expect(expectError(category, 400, 'VALIDATION_FAILED').details[0]?.loc).toEqual(['body', 'category']);
    const owner2 = await rest(me, 'POST', '/api/kpis', { title: 'T', targetValue: 1, unit: '$', ownerId: 'nobody' });
    expect(expectError(owner2, 400, 'VALIDATION_FAILED').details[0]?.loc).toEqual(['body', 'ownerId']);

    const types = expectError(
      await rest(me, 'POST', '/api/kpis', { title: 7, targetValue: '10', direction: 'up' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(types.details.map((d) => d.loc)).toEqual([
      ['body', 'title'],
      ['body', 'targetValue'],
      ['body', 'unit'],
      ['body', 'direction'],
    ]);
    const status = await rest(me, 'PUT', `/api/kpis/${randomUUID()}`, { status: 'deleted' });
    expect(expectError(status, 400, 'VALIDATION_FAILED').details[0]?.loc).toEqual(['body', 'status']);
    expect(await sql`SELECT id FROM kpi WHERE organization_id = ${orgID}`).toHaveLength(1);
  });

  test('malformed, non-JSON and oversized bodies: 400, 415, 413', async () => {
    const { orgID, owner, me } = await restOwner();
    const send = (body: string, type: string) =>
      fetch(`${baseUrl()}/api/kpis`, {
        method: 'POST',
        headers: { cookie: owner.cookie, origin: baseUrl(), 'x-organization-id': orgID, 'content-type': type },
        body,
      });
    const malformed = await send('{"title": ', 'application/json');
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe('BAD_REQUEST');
    const form = await send('title=x&targetValue=1&unit=%24', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(415);
    expect((await form.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const big = await rest(me, 'POST', '/api/kpis', {
      title: 'x'.repeat(1024 * 1024),
      targetValue: 1,
      unit: '$',
    });
    expectError(big, 413, 'TOO_LARGE');
    expect(await sql`SELECT id FROM kpi WHERE organization_id = ${orgID}`).toHaveLength(0);
  });

  test('roles: viewers and operators may read but not create, edit or archive (403, nothing written)', async () => {
    const { orgID, owner, viewer, operator } = await team(['viewer', 'operator']);
    const kpi = await createKpi({ person: owner, org: orgID });
    for (const person of [viewer, operator]) {
      const as = { person, org: orgID };
      expect((await rest(as, 'GET', '/api/kpis')).body.map((k: { id: string }) => k.id)).toEqual([kpi.id]);
      expect((await rest(as, 'GET', `/api/kpis/${kpi.id}`)).status).toBe(200);
      const create = expectError(
        await rest(as, 'POST', '/api/kpis', { title: 'Mine', targetValue: 1, unit: '$' }),
        403,
        'FORBIDDEN',
      );
      expect(create.message).toMatch(/cannot create KPIs/);
      expectError(await rest(as, 'PUT', `/api/kpis/${kpi.id}`, { title: 'Renamed' }), 403, 'FORBIDDEN');
      expectError(await rest(as, 'PUT', `/api/kpis/${kpi.id}`, {}), 403, 'FORBIDDEN');
      expectError(await rest(as, 'DELETE', `/api/kpis/${kpi.id}`), 403, 'FORBIDDEN');
    }
    expect(await sql`SELECT name, archived_at FROM kpi WHERE organization_id = ${orgID}`).toEqual([
      { name: 'Revenue', archived_at: null },
    ]);
  });

  test('no session: 401; a session outside the named organization: 404 like a missing one', async () => {
    const { orgID, owner, me } = await restOwner();
    const kpi = await createKpi(me);
    expectError(await rest({}, 'GET', '/api/kpis'), 401, 'UNAUTHENTICATED');
    expectError(await rest({}, 'POST', '/api/kpis', { title: 'x', targetValue: 1, unit: '$' }), 401, 'UNAUTHENTICATED');
    expectError(
      await rest({ person: { ...owner, cookie: 'better-auth.session_token=forged' } }, 'GET', '/api/kpis'),
      401,
      'UNAUTHENTICATED',
    );

    const mallory = await signUp('Mallory');
    await createOrg(mallory);
    const foreign = await rest({ person: mallory, org: orgID }, 'GET', `/api/kpis/${kpi.id}`);
    const nowhere = await rest({ person: mallory, org: randomUUID() }, 'GET', `/api/kpis/${kpi.id}`);
    expectError(foreign, 404, 'NOT_FOUND');
    expect(comparable(foreign)).toEqual(comparable(nowhere));
    // Without the header, the session's active organization is used.
    expect((await rest({ person: owner }, 'GET', '/api/kpis')).body.map((k: { id: string }) => k.id)).toEqual([kpi.id]);
    expect((await rest({ person: mallory }, 'GET', '/api/kpis')).body).toEqual([]);
  });

  test("another organization's KPI is a 404 on every path, the same answer as a random id", async () => {
    const { me } = await restOwner();
    const kpi = await createKpi(me);
    const { me: as } = await restOwner('Mallory');
    const calls: [string, string, unknown?][] = [
      ['GET', ''],
      ['PUT', '', { title: 'Mine now' }],
      ['PUT', '', { status: 'archived' }],
      ['DELETE', ''],
      ['GET', '/records'],
      ['POST', '/records', { value: 1 }],
      ['GET', '/insights'],
    ];
    for (const [method, suffix, body] of calls) {
      const theirs = await rest(as, method, `/api/kpis/${kpi.id}${suffix}`, body);
      const missing = await rest(as, method, `/api/kpis/${randomUUID()}${suffix}`, body);
      expectError(theirs, 404, 'NOT_FOUND');
      expect(comparable(theirs)).toEqual(comparable(missing));
      expect(theirs.body.error.message).toBe('KPI not found.');
    }
    const [row] = await sql`SELECT name, archived_at, current_value FROM kpi WHERE id = ${kpi.id}`;
    expect(row).toEqual({ name: 'Revenue', archived_at: null, current_value: null });
  });

  test('REST writes leave audit rows naming the caller and the route, and reach open dashboards live', async () => {
    const { orgID, owner, manager } = await team(['manager']);
    const zero = openZero(owner, orgID);
    const dashboard = watch<Kpi[]>(zero, queries.kpis.list({ orgID }));
    await dashboard.until(() => true);

    const kpi = await createKpi({ person: manager, org: orgID }, { title: 'Live from REST' });
    const seen = await dashboard.until((rows) => rows.some((r) => r.id === kpi.id));
    expect(seen.find((r) => r.id === kpi.id)).toMatchObject({ name: 'Live from REST', target: 1000, unit: '$' });
    await rest({ person: manager, org: orgID }, 'PUT', `/api/kpis/${kpi.id}`, { targetValue: 2500 });
    await dashboard.until((rows) => rows.some((r) => r.id === kpi.id && r.target === 2500));
    await rest({ person: manager, org: orgID }, 'DELETE', `/api/kpis/${kpi.id}`);
    await dashboard.until((rows) => !rows.some((r) => r.id === kpi.id));

    const audit = await sql`
      SELECT action, actor_id, source FROM audit_log WHERE table_name = 'kpi' AND row_id = ${kpi.id} ORDER BY id`;
    expect(audit).toEqual([
      { action: 'insert', actor_id: manager.userID, source: 'rest:POST /api/kpis' },
      { action: 'update', actor_id: manager.userID, source: 'rest:PUT /api/kpis/{id}' },
      { action: 'update', actor_id: manager.userID, source: 'rest:DELETE /api/kpis/{id}' },
    ]);
  });
});
