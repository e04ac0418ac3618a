import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { JOB_DEADLINE_MS } from '../helpers/deadlines.ts';
import { createOrg, signUp, team } from '../helpers/people.ts';
import { comparable, createKpi, expectError, rest } from '../helpers/rest.ts';

const sql = postgres(inject('stack').databaseUrl, { max: 2, onnotice: () => {} });
afterAll(() => sql.end({ timeout: 2 }));

const DAY = 24 * 3600 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

describe('REST /api/kpis/{id}/records and /insights', () => {
  test('an operator adds records; the KPI’s current value follows the latest; audit names them', async () => {
    const { orgID, owner, operator } = await team(['operator']);
    const kpi = await createKpi({ person: owner, org: orgID });
    const as = { person: operator, org: orgID };
    const res = await rest(as, 'POST', `/api/kpis/${kpi.id}/records`, { value: 420.5, note: ' first ' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      kpiId: kpi.id,
      value: 420.5,
      recordedAt: expect.any(String),
      source: 'manual',
      note: 'first',
      createdBy: operator.userID,
      createdAt: expect.any(String),
    });
    // A back-dated record does not move the current value.
    const old = await rest(as, 'POST', `/api/kpis/${kpi.id}/records`, { value: 1, recordedAt: daysAgo(3) });
    expect(old.body.recordedAt).toBe(new Date(Date.parse(old.body.recordedAt)).toISOString());
    expect((await rest(as, 'GET', `/api/kpis/${kpi.id}`)).body.currentValue).toBe(420.5);

    const audit = await sql`
      SELECT table_name, action, actor_id, source FROM audit_log WHERE row_id = ${res.body.id} OR (row_id = ${kpi.id} AND action = 'update')
      ORDER BY id`;
    expect(audit).toEqual([
      { table_name: 'data_point', action: 'insert', actor_id: operator.userID, source: 'rest:POST /api/kpis/{id}/records' },
      { table_name: 'kpi', action: 'update', actor_id: operator.userID, source: 'rest:POST /api/kpis/{id}/records' },
    ]);
  });

  test('records come newest first, limited, between from and to (inclusive)', async () => {
    const { orgID, owner } = await team([]);
    const me = { person: owner, org: orgID };
    const kpi = await createKpi(me);
    const times = [5, 1, 4, 2, 3].map(daysAgo);
    for (const [i, recordedAt] of times.entries()) {
      expect((await rest(me, 'POST', `/api/kpis/${kpi.id}/records`, { value: i, recordedAt })).status).toBe(201);
    }
    const get = async (query: string) =>
      (await rest(me, 'GET', `/api/kpis/${kpi.id}/records${query}`)).body as { recordedAt: string }[];
    const newestFirst = [...times].sort().reverse();
    expect((await get('')).map((r) => r.recordedAt)).toEqual(newestFirst);
    expect((await get('?limit=2')).map((r) => r.recordedAt)).toEqual(newestFirst.slice(0, 2));
    const from = encodeURIComponent(times[2]!); // 4 days ago
    const to = encodeURIComponent(times[3]!); // 2 days ago
    expect((await get(`?from=${from}&to=${to}`)).map((r) => r.recordedAt)).toEqual([times[3], times[4], times[2]]);
    expect((await get(`?from=${from}&to=${to}&limit=1`)).map((r) => r.recordedAt)).toEqual([times[3]]);
    expect((await rest(me, 'GET', `/api/kpis/${kpi.id}`)).body.currentValue).toBe(1);
  });

  test('bad queries and bodies: 400 naming the field', async () => {
    const { orgID, owner } = await team([]);
    const me = { person: owner, org: orgID };
    const kpi = await createKpi(me);
    const loc = async (method: string, path: string, body?: unknown) =>
      expectError(await rest(me, method, `/api/kpis/${kpi.id}${path}`, body), 400, 'VALIDATION_FAILED').details.map((d) => d.loc);
    expect(await loc('GET', '/records?limit=0')).toEqual([['query', 'limit']]);
    expect(await loc('GET', '/records?limit=1001')).toEqual([['query', 'limit']]);
    expect(await loc('GET', '/records?limit=ten')).toEqual([['query', 'limit']]);
    expect(await loc('GET', '/records?from=yesterday')).toEqual([['query', 'from']]);
    expect(await loc('GET', '/insights?limit=500')).toEqual([['query', 'limit']]);
    expect(await loc('POST', '/records', { value: 'lots' })).toEqual([['body', 'value']]);
    expect(await loc('POST', '/records', {})).toEqual([['body', 'value']]);
    expect(await loc('POST', '/records', { value: 1, recordedAt: 'last tuesday' })).toEqual([['body', 'recordedAt']]);
    const future = await rest(me, 'POST', `/api/kpis/${kpi.id}/records`, {
      value: 1,
      recordedAt: new Date(Date.now() + 9 * DAY).toISOString(),
    });
    expect(expectError(future, 400, 'VALIDATION_FAILED').details).toEqual([
      { loc: ['body', 'recordedAt'], msg: 'Time cannot be in the future', type: 'custom' },
    ]);
    expect(await loc('POST', '/records', { value: 1, note: 'n'.repeat(501) })).toEqual([['body', 'note']]);
    expect(await sql`SELECT id FROM data_point WHERE kpi_id = ${kpi.id}`).toHaveLength(0);
  });

  test('an archived KPI takes no records (409) until restored', async () => {
    const { orgID, owner } = await team([]);
    const me = { person: owner, org: orgID };
    const kpi = await createKpi(me);
    await rest(me, 'DELETE', `/api/kpis/${kpi.id}`);
    const refused = expectError(await rest(me, 'POST', `/api/kpis/${kpi.id}/records`, { value: 5 }), 409, 'CONFLICT');
    expect(refused.message).toMatch(/^This KPI is archived; restore it before/);
    expect(await sql`SELECT id FROM data_point WHERE kpi_id = ${kpi.id}`).toHaveLength(0);
    await rest(me, 'PUT', `/api/kpis/${kpi.id}`, { status: 'active' });
    expect((await rest(me, 'POST', `/api/kpis/${kpi.id}/records`, { value: 5 })).status).toBe(201);
  });

  test('viewers read records and insights but cannot add records (403)', async () => {
    const { orgID, owner, viewer } = await team(['viewer']);
    const kpi = await createKpi({ person: owner, org: orgID });
    await rest({ person: owner, org: orgID }, 'POST', `/api/kpis/${kpi.id}/records`, { value: 3 });
    const as = { person: viewer, org: orgID };
    expect((await rest(as, 'GET', `/api/kpis/${kpi.id}/records`)).body).toHaveLength(1);
    expect((await rest(as, 'GET', `/api/kpis/${kpi.id}/insights`)).body).toEqual([]);
    expectError(await rest(as, 'POST', `/api/kpis/${kpi.id}/records`, { value: 4 }), 403, 'FORBIDDEN');
    expect(await sql`SELECT value FROM data_point WHERE kpi_id = ${kpi.id}`).toEqual([{ value: 3 }]);
  });

  test('insights come newest first; another organization’s insights and records are a 404', async () => {
    const { orgID, owner } = await team([]);
    const me = { person: owner, org: orgID };
    const kpi = await createKpi(me);
    await rest(me, 'POST', `/api/kpis/${kpi.id}/records`, { value: 3 });
    const insert = (summary: string, at: string) => sql`
      INSERT INTO insight (id, organization_id, kpi_id, summary, narrator, trend, confidence, facts, generated_at)
      VALUES (${randomUUID()}, ${orgID}, ${kpi.id}, ${summary}, 'rules', 'rising', 0.8, '{}'::jsonb, ${at})`;
    await insert('older', daysAgo(2));
    await insert('newest', daysAgo(0));
    await insert('oldest', daysAgo(5));
    const insights = await rest(me, 'GET', `/api/kpis/${kpi.id}/insights`);
    expect(insights.status).toBe(200);
    expect(insights.body.map((i: { summary: string }) => i.summary)).toEqual(['newest', 'older', 'oldest']);
    expect(insights.body[0]).toEqual({
      id: expect.any(String),
      kpiId: kpi.id,
      summary: 'newest',
      trend: 'rising',
      confidence: 0.8,
      narrator: 'rules',
      generatedAt: expect.any(String),
    });
    expect((await rest(me, 'GET', `/api/kpis/${kpi.id}/insights?limit=1`)).body).toHaveLength(1);

    const mallory = await signUp('Mallory');
    const as = { person: mallory, org: await createOrg(mallory) };
    for (const path of ['insights', 'records']) {
      const theirs = await rest(as, 'GET', `/api/kpis/${kpi.id}/${path}`);
      expectError(theirs, 404, 'NOT_FOUND');
      expect(comparable(theirs)).toEqual(comparable(await rest(as, 'GET', `/api/kpis/${randomUUID()}/${path}`)));
    }
  });

  test('records added through REST get an insight from the job, readable at /insights', async () => {
    const { orgID, owner } = await team([]);
    const me = { person: owner, org: orgID };
    const kpi = await createKpi(me, { title: 'Weekly signups', targetValue: 500, unit: 'count' });
    const values = [100, 112, 119, 133, 140, 151, 160, 172];
    for (const [i, value] of values.entries()) {
      await rest(me, 'POST', `/api/kpis/${kpi.id}/records`, { value, recordedAt: daysAgo(values.length - i) });
    }
    // The records arrive one by one, so the job may first run on only a few
    // of them (too few for a trend); wait for the run that read all of them.
    const newestCount = async () =>
      (await sql`SELECT facts->>'count' AS n FROM insight WHERE kpi_id = ${kpi.id} ORDER BY generated_at DESC LIMIT 1`)[0]?.n;
    await expect.poll(newestCount, { timeout: JOB_DEADLINE_MS }).toBe(String(values.length));
    const insights: { trend: string; kpiId: string }[] = (await rest(me, 'GET', `/api/kpis/${kpi.id}/insights`)).body;
    expect(insights[0]).toMatchObject({ kpiId: kpi.id, trend: 'up' });
  });
});
