import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { afterAll, describe, expect, test } from 'vitest';
import { slowRequestLog } from '../../server/http/slow-requests.ts';
import { useAdminSql } from '../helpers/db.ts';
import { SYNC_DEADLINE_MS } from '../helpers/deadlines.ts';

describe('slow requests are logged with what Postgres is doing', () => {
  const adminSql = useAdminSql({ max: 3 });
  const lines: string[] = [];
  const slow = slowRequestLog({ adminSql, log: (line) => lines.push(line), slowMs: 300 });
  afterAll(() => slow.stop());

  const app = new Hono();
  app.use('*', requestId());
  app.use('*', slow.middleware);
  app.get('/quick', (c) => c.text('ok'));
  // Waits on an advisory lock another session holds: a request stuck in Postgres.
  app.get('/stuck/:key', async (c) => {
    await adminSql.begin((tx) => tx`SELECT pg_advisory_xact_lock(${Number(c.req.param('key'))})`);
    return c.text('done');
  });

  const until = async (what: string, cond: () => boolean) => {
    const started = Date.now();
    while (!cond()) {
      if (Date.now() - started > SYNC_DEADLINE_MS) throw new Error(`not logged: ${what}\n${lines.join('\n')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  test('a request stuck on a lock is reported once while it waits, with the waiting session, and when it ends; a quick one is not', async () => {
    const key = 700_000 + Math.floor(Math.random() * 100_000);
    let release: () => void = () => {};
    const released = new Promise<void>((r) => {
      release = r;
    });
    // The holder: a transaction that keeps the lock until released.
    let held = false;
    const holder = adminSql.begin(async (tx) => {
      await tx`SELECT pg_advisory_xact_lock(${key})`;
      held = true;
      await released;
    });
    await until('the lock is held', () => held);
    // A quick request first: by the time the stuck one is reported, the check has seen it come and go.
    expect((await app.request('/quick')).status).toBe(200);
    const answer = app.request(`/stuck/${key}`);
    await until('the slow request', () => lines.some((l) => l.startsWith('[slow] GET /stuck/') && l.includes('unanswered')));
    // The waiting session is named with what it waits on; the holder with its open transaction.
    await until('the waiting session', () => lines.some((l) => /waiting on Lock:advisory/.test(l)));
    expect(lines.some((l) => /transaction open \d+ ms/.test(l))).toBe(true);
    expect(lines.filter((l) => l.includes('unanswered'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('/quick'))).toEqual([]);
    release();
    await holder;
    expect((await answer).status).toBe(200);
    await until('the end', () => lines.some((l) => /^\[slow\] GET \/stuck\/\d+ \(.+\) answered 200 after \d+ ms$/.test(l)));
  });
});
