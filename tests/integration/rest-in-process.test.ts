import postgres from 'postgres';
import { beforeAll, describe, expect, test } from 'vitest';
import { type AppDeps, createApp } from '../../server/app.ts';
import type { Auth } from '../../server/auth/auth.ts';
import { newStackStatus } from '../../server/http/health.ts';
import { INSIGHT_JOB } from '../../server/insights/jobs.ts';
import type { JobTask } from '../../server/jobs/payloads.ts';
import type { PostCommit } from '../../server/mutators/post-commit.ts';
import { useAdminSql, useAppSql } from '../helpers/db.ts';
import { createKey, createKpi, type RestOwner, restOwnerWithKey } from '../helpers/rest.ts';

// The app under test runs in-process here (on the shared stack's database),
// so a test can hand it its own post-commit sink or a failing pool. Calls
// authenticate with API keys, which need no auth instance.
const appSql = useAppSql();
const adminSql = useAdminSql();

const appFor = (deps: Pick<AppDeps, 'appSql' | 'postCommit' | 'log'>) =>
  createApp({
    auth: {} as Auth,
    adminSql,
    status: newStackStatus(),
    zeroKeepaliveUrl: 'http://127.0.0.1:1/keepalive',
    trustProxy: [],
    clientConfig: { zeroURL: null, zeroPort: 0, googleSignIn: false, aiNarration: false, mailConfigured: false },
    ...deps,
  });
let sink: PostCommit = () => {};
const app = appFor({ appSql, postCommit: (tasks) => sink(tasks), log: () => {} });

const call = (target: ReturnType<typeof appFor>, key: string, method: string, path: string, body?: unknown) =>
  target.request(path, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('REST writes queue the same post-commit work as Zero writes, after commit', () => {
  let org: RestOwner & { key: string };
  let viewerKey: string;
  beforeAll(async () => {
    org = await restOwnerWithKey('manager');
    viewerKey = (await createKey(org.owner, org.orgID, 'viewer')).key;
  });
  const recompute = (kpiID: string): JobTask => ({
    job: INSIGHT_JOB,
    data: { orgID: org.orgID, userID: org.owner.userID, kpiID },
  });

  test("an edit of target, a record and an archive each queue the KPI's recompute; refused writes and reads queue nothing", async () => {
    const { key } = org;
    const tasks: JobTask[] = [];
    sink = (t) => tasks.push(...t);
    const created = await call(app, key, 'POST', '/api/kpis', { title: 'Notified', targetValue: 10, unit: 'count' });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    // A new KPI has no data to describe, as through Zero: nothing queued.
    expect(tasks).toEqual([]);
    expect((await call(app, key, 'PUT', `/api/kpis/${id}`, { targetValue: 20 })).status).toBe(200);
    expect((await call(app, key, 'POST', `/api/kpis/${id}/records`, { value: 5 })).status).toBe(201);
    expect((await call(app, key, 'DELETE', `/api/kpis/${id}`)).status).toBe(200);
    expect(tasks).toEqual([recompute(id), recompute(id), recompute(id)]);

    tasks.length = 0;
    expect((await call(app, viewerKey, 'POST', '/api/kpis', { title: 'No', targetValue: 1, unit: '$' })).status).toBe(403);
    expect((await call(app, key, 'POST', `/api/kpis/${id}/records`, { value: 6 })).status).toBe(409);
    expect((await call(app, key, 'POST', '/api/kpis', { title: '', targetValue: 1, unit: '$' })).status).toBe(400);
    expect((await call(app, key, 'GET', `/api/kpis/${id}`)).status).toBe(200);
    expect(tasks).toEqual([]);
  });

  // Regression: goal routes used to skip the pace recompute the same write queues through Zero.
  test('a goal created, re-weighted or restored over REST queues the recompute of every KPI it uses', async () => {
    const { key } = org;
    const a = await createKpi({ key }, { title: 'Goal input A' });
    const b = await createKpi({ key }, { title: 'Goal input B' });
    const tasks: JobTask[] = [];
    sink = (t) => tasks.push(...t);
    const targetDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const created = await call(app, key, 'POST', '/api/goals', {
      title: 'Pace me',
      targetDate,
      kpis: [{ kpiId: a.id, weight: 1 }],
    });
    expect(created.status).toBe(201);
    const goal = (await created.json()) as { id: string };
    expect(tasks).toEqual([recompute(a.id)]);

    tasks.length = 0;
    const edited = await call(app, key, 'PUT', `/api/goals/${goal.id}`, {
      kpis: [
        { kpiId: a.id, weight: 1 },
        { kpiId: b.id, weight: 3 },
      ],
    });
    expect(edited.status).toBe(200);
    expect(new Set(tasks.map((t) => (t.data as { kpiID: string }).kpiID))).toEqual(new Set([a.id, b.id]));

    tasks.length = 0;
    expect((await call(app, viewerKey, 'PUT', `/api/goals/${goal.id}`, { title: 'Refused' })).status).toBe(403);
    expect(tasks).toEqual([]);
  });

  test('a failing sink never fails the write', async () => {
    const { key } = org;
    sink = () => {
      throw new Error('listener down');
    };
    const kpi = await createKpi({ key }, { title: 'Still written' });
    const res = await call(app, key, 'POST', `/api/kpis/${kpi.id}/records`, { value: 1 });
    expect(res.status).toBe(201);
    const [row] = await adminSql`SELECT current_value FROM kpi WHERE id = ${kpi.id}`;
    expect(row?.current_value).toBe(1);
  });
});

test('an unexpected failure is a 500 with a generic message and the request id, the details only in the log', async () => {
  const { key } = await restOwnerWithKey('manager');
  const logged: string[] = [];
  // Every use of this pool throws an error no handler expects.
  const explode = () => {
    throw new Error('kaboom in internal module xyz');
  };
  const explodingSql = new Proxy(explode, { apply: explode, get: () => explode }) as unknown as postgres.Sql;
  const broken = appFor({ appSql: explodingSql, log: (m) => logged.push(m) });
  const res = await call(broken, key, 'GET', '/api/kpis');
  expect(res.status).toBe(500);
  const { error } = (await res.json()) as { error: { code: string; message: string; request_id: string; details: unknown[] } };
  expect(error).toMatchObject({ code: 'INTERNAL', details: [] });
  expect(error.request_id).not.toBe('');
  expect(error.message).toContain(error.request_id);
  expect(error.message).not.toMatch(/kaboom|xyz/);
  expect(logged.join('\n')).toContain(error.request_id);
  expect(logged.join('\n')).toContain('kaboom');
});

test('while the database cannot be reached the answer is a 503 that says to retry, with no internals', async () => {
  const { key } = await restOwnerWithKey('manager');
  // Nothing listens on port 1: every app-pool query fails to connect.
  const brokenSql = postgres('postgres://kpi@127.0.0.1:1/nothing', { max: 1, connect_timeout: 2, onnotice: () => {} });
  const broken = appFor({ appSql: brokenSql, log: () => {} });
  try {
    const res = await call(broken, key, 'GET', '/api/kpis');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    const { error } = (await res.json()) as { error: { code: string; message: string; details: unknown[] } };
    expect(error).toMatchObject({ code: 'NOT_READY', details: [] });
    expect(error.message).toMatch(/database is restarting or unreachable.*try again in 5 seconds/i);
    expect(error.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres:/i);
  } finally {
    await brokenSql.end({ timeout: 1 });
  }
});
