import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { useAdminSql } from '../helpers/db.ts';
import { team } from '../helpers/people.ts';
import { comparable, createKpi, expectError, expectStatus, rest, restOwner } from '../helpers/rest.ts';

const sql = useAdminSql();

describe('REST /api/goals', () => {
  test('a goal of weighted KPIs: created, read, listed, its progress the weighted mean', async () => {
    const { orgID, manager } = await team(['manager']);
    const me = { person: manager, org: orgID };
    const revenue = await createKpi(me, { title: 'Revenue', targetValue: 100 });
    const users = await createKpi(me, { title: 'Users', targetValue: 10, unit: 'users' });
    await rest(me, 'POST', `/api/kpis/${revenue.id}/records`, { value: 50 }); // 0.5
    await rest(me, 'POST', `/api/kpis/${users.id}/records`, { value: 10 }); // 1

    const res = await rest(me, 'POST', '/api/goals', {
      title: 'Grow',
      targetDate: '2030-06-30',
      kpis: [
        { kpiId: revenue.id, weight: 3 },
        { kpiId: users.id, weight: 1 },
      ],
    });
    const goal = expectStatus(res, 201);
    expect(goal).toEqual({
      id: expect.any(String),
      title: 'Grow',
      description: '',
      targetDate: '2030-06-30',
      status: 'active',
      progress: expect.closeTo(0.625, 9),
      pace: expect.any(String),
      kpis: expect.arrayContaining([
        { kpiId: revenue.id, weight: 3 },
        { kpiId: users.id, weight: 1 },
      ]),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      archived: false,
    });
    expect((await rest(me, 'GET', `/api/goals/${goal.id}`)).body).toEqual(goal);
    expect((await rest(me, 'GET', '/api/goals')).body.map((g: { id: string }) => g.id)).toEqual([goal.id]);

    // A new record moves the goal too.
    await rest(me, 'POST', `/api/kpis/${revenue.id}/records`, { value: 100 });
    expect((await rest(me, 'GET', `/api/goals/${goal.id}`)).body.progress).toBeCloseTo(1, 9);
    const [row] = await sql`SELECT target_date::text AS d, created_by FROM goal WHERE id = ${goal.id}`;
    expect(row).toEqual({ d: '2030-06-30', created_by: manager.userID });
  });

  test('PUT edits only what is sent, replaces the KPI list; DELETE archives; archived:false restores', async () => {
    const { me } = await restOwner();
    const a = await createKpi(me, { title: 'A' });
    const b = await createKpi(me, { title: 'B' });
    const goal = (
      await rest(me, 'POST', '/api/goals', { title: 'G', targetDate: '2031-01-01', kpis: [{ kpiId: a.id, weight: 1 }] })
    ).body;

    const edited = await rest(me, 'PUT', `/api/goals/${goal.id}`, { status: 'paused', kpis: [{ kpiId: b.id, weight: 2 }] });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      title: 'G',
      targetDate: '2031-01-01',
      status: 'paused',
      kpis: [{ kpiId: b.id, weight: 2 }],
    });

    const archived = await rest(me, 'DELETE', `/api/goals/${goal.id}`);
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ id: goal.id, archived: true });
    expect((await rest(me, 'GET', '/api/goals')).body).toEqual([]);
    expect((await rest(me, 'GET', '/api/goals?archived=true')).body.map((g: { id: string }) => g.id)).toEqual([goal.id]);
    expect((await rest(me, 'GET', '/api/goals?archived=all&status=paused')).body).toHaveLength(1);
    expect((await rest(me, 'GET', '/api/goals?archived=all&status=active')).body).toHaveLength(0);

    const restored = await rest(me, 'PUT', `/api/goals/${goal.id}`, { archived: false, title: 'G again' });
    expect(restored.body).toMatchObject({ archived: false, title: 'G again' });
    const sources =
      await sql`SELECT DISTINCT source FROM audit_log WHERE table_name = 'goal' AND row_id = ${goal.id} ORDER BY source`;
    expect(sources.map((r) => r.source)).toEqual([
      'rest:DELETE /api/goals/{id}',
      'rest:POST /api/goals',
      'rest:PUT /api/goals/{id}',
    ]);
  });

  test('bad goals: 400 naming the field (REST names, list indexes included)', async () => {
    const { orgID, me } = await restOwner();
    const kpi = await createKpi(me);
    const locs = async (body: unknown, method = 'POST', path = '/api/goals') =>
      expectError(await rest(me, method, path, body), 400, 'VALIDATION_FAILED').details.map((d) => d.loc);
    expect(await locs({ title: '', targetDate: '2030-01-01' })).toEqual([['body', 'title']]);
    expect(await locs({ title: 'G', targetDate: '31/12/2030' })).toEqual([['body', 'targetDate']]);
    expect(await locs({ title: 'G', targetDate: '2030-01-01', status: 'done' })).toEqual([['body', 'status']]);
    expect(await locs({ title: 'G', targetDate: '2030-01-01', kpis: [{ kpiId: kpi.id, weight: -1 }] })).toEqual([
      ['body', 'kpis', 0, 'weight'],
    ]);
    expect(await locs({ title: 'G', targetDate: '2030-01-01', kpis: [{ kpiId: kpi.id, weight: 'heavy' }] })).toEqual([
      ['body', 'kpis', 0, 'weight'],
    ]);
    // Another organization's KPI is refused like a missing one.
    const theirKpi = await createKpi((await restOwner('Mallory')).me);
    const foreign = {
      title: 'G',
      targetDate: '2030-01-01',
      kpis: [
        { kpiId: kpi.id, weight: 1 },
        { kpiId: theirKpi.id, weight: 1 },
      ],
    };
    const refused = expectError(await rest(me, 'POST', '/api/goals', foreign), 400, 'VALIDATION_FAILED');
    expect(refused.details).toEqual([{ loc: ['body', 'kpis', 1, 'kpiId'], msg: 'KPI not found', type: 'not_found' }]);
    expect(await locs({ archived: 'yes' }, 'PUT', `/api/goals/${randomUUID()}`)).toEqual([['body', 'archived']]);
    expect(await sql`SELECT id FROM goal WHERE organization_id = ${orgID}`).toHaveLength(0);
  });

  test('viewers and operators read goals but cannot write them (403)', async () => {
    const { orgID, owner, viewer, operator } = await team(['viewer', 'operator']);
    const goal = (await rest({ person: owner, org: orgID }, 'POST', '/api/goals', { title: 'G', targetDate: '2030-01-01' })).body;
    for (const person of [viewer, operator]) {
      const as = { person, org: orgID };
      expect((await rest(as, 'GET', `/api/goals/${goal.id}`)).status).toBe(200);
      expectError(await rest(as, 'POST', '/api/goals', { title: 'Mine', targetDate: '2030-01-01' }), 403, 'FORBIDDEN');
      expectError(await rest(as, 'PUT', `/api/goals/${goal.id}`, { title: 'Renamed' }), 403, 'FORBIDDEN');
      expectError(await rest(as, 'DELETE', `/api/goals/${goal.id}`), 403, 'FORBIDDEN');
    }
    expect(await sql`SELECT title, archived_at FROM goal WHERE organization_id = ${orgID}`).toEqual([
      { title: 'G', archived_at: null },
    ]);
  });

  test("another organization's goal is a 404 on every path, the same answer as a random id", async () => {
    const { me } = await restOwner();
    const goal = (await rest(me, 'POST', '/api/goals', { title: 'G', targetDate: '2030-01-01' })).body;
    const { me: as } = await restOwner('Mallory');
    for (const [method, body] of [['GET'], ['PUT', { title: 'Mine' }], ['DELETE']] as [string, unknown?][]) {
      const theirs = await rest(as, method, `/api/goals/${goal.id}`, body);
      expectError(theirs, 404, 'NOT_FOUND');
      expect(comparable(theirs)).toEqual(comparable(await rest(as, method, `/api/goals/${randomUUID()}`, body)));
    }
    expect((await rest(as, 'GET', '/api/goals?archived=all')).body).toEqual([]);
    expect(await sql`SELECT title, archived_at FROM goal WHERE id = ${goal.id}`).toEqual([{ title: 'G', archived_at: null }]);
  });
});
