import { readdirSync } from 'node:fs';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { MIGRATIONS_DIR } from '../../db/migrate.ts';
import { healthRoutes, newStackStatus, type StackStatus } from '../../server/http/health.ts';
import { freePort } from '../../server/stack/ports.ts';

const adminSql = postgres(inject('stack').databaseUrl, { max: 1, onnotice: () => {} });
afterAll(() => adminSql.end({ timeout: 2 }));

const migrationFiles = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql'));

function readyStatus(): StackStatus {
  return {
    ...newStackStatus(),
    postgres: 'ready',
    migrations: 'ready',
    zeroCache: 'ready',
    migrationsApplied: migrationFiles.map((f) => f.replace(/\.sql$/, '')),
  };
}

/** The health routes mounted as the server mounts them, answering in-process. */
function healthApp(status: StackStatus, zeroKeepaliveUrl: string, sql = adminSql) {
  const app = new Hono();
  app.use('*', requestId());
  app.route('/api/health', healthRoutes({ status, adminSql: sql, zeroKeepaliveUrl }));
  return app;
}

describe('GET /api/health on the running server', () => {
  test('is 200 and names every part as ready', async () => {
    const res = await fetch(`${inject('stack').url}/api/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({
      status: 'ok',
      parts: {
        postgres: { state: 'ready' },
        migrations: { state: 'ready', applied: migrationFiles.length },
        zeroCache: { state: 'ready' },
      },
    });
  });

  test('an unknown /api path is a 404 in the API error shape, with a request id', async () => {
    const res = await fetch(`${inject('stack').url}/api/no-such-thing?x=1`, { method: 'POST' });
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: Record<string, unknown> };
    expect(body).toEqual({
      error: {
        code: 'NOT_FOUND',
        message: 'No API endpoint POST /api/no-such-thing.',
        details: [],
        timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        request_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        path: '/api/no-such-thing',
      },
    });
    expect(body.error.request_id).toBe(res.headers.get('x-request-id'));
  });

  test('a request id the caller sends is echoed in the error', async () => {
    const res = await fetch(`${inject('stack').url}/api/nothing-here`, { headers: { 'x-request-id': 'trace-abc-123' } });
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { request_id: string } };
    expect(body.error.request_id).toBe('trace-abc-123');
  });
});

describe('healthRoutes in-process', () => {
  test('all parts ready and zero-cache answering its keepalive: 200', async () => {
    const zero = await fetch(`${inject('stack').zeroURL}/keepalive`);
    expect(zero.status).toBe(200);
    const res = await healthApp(readyStatus(), `${inject('stack').zeroURL}/keepalive`).request('/api/health');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('ok');
  });

  test('zero-cache still starting: 503 naming that part', async () => {
    const status: StackStatus = { ...readyStatus(), zeroCache: 'starting', notes: { zeroCache: 'replicating initial data' } };
    const res = await healthApp(status, `${inject('stack').zeroURL}/keepalive`).request('/api/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      status: 'unavailable',
      parts: {
        postgres: { state: 'ready' },
        migrations: { state: 'ready', applied: migrationFiles.length },
        zeroCache: { state: 'starting', note: 'replicating initial data' },
      },
    });
  });

  test('zero-cache marked ready but its keepalive refuses the connection: 503 "failed"', async () => {
    const closedPort = await freePort();
    const res = await healthApp(readyStatus(), `http://127.0.0.1:${closedPort}/keepalive`).request('/api/health');
    expect(res.status).toBe(503);
    const body = (await res.json()) as { status: string; parts: Record<string, { state: string; note?: string }> };
    expect(body.status).toBe('unavailable');
    expect(body.parts.postgres).toEqual({ state: 'ready' });
    expect(body.parts.zeroCache?.state).toBe('failed');
    expect(body.parts.zeroCache?.note).toMatch(/^zero-cache did not answer: /);
  });

  test('a keepalive that answers with an error status: 503 "failed" with that status', async () => {
    const stub = new Hono();
    stub.get('/keepalive', (c) => c.text('draining', 500));
    const port = await freePort();
    const { serve } = await import('@hono/node-server');
    const server = serve({ fetch: stub.fetch, port, hostname: '127.0.0.1' });
    try {
      const res = await healthApp(readyStatus(), `http://127.0.0.1:${port}/keepalive`).request('/api/health');
      expect(res.status).toBe(503);
      const body = (await res.json()) as { parts: { zeroCache: unknown } };
      expect(body.parts.zeroCache).toEqual({ state: 'failed', note: 'keepalive answered 500' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('Postgres not answering: 503 with postgres "failed"', async () => {
    const closedPort = await freePort();
    const deadSql = postgres(`postgres://nobody@127.0.0.1:${closedPort}/none`, {
      max: 1,
      connect_timeout: 1,
      onnotice: () => {},
    });
    try {
      const res = await healthApp(readyStatus(), `${inject('stack').zeroURL}/keepalive`, deadSql).request('/api/health');
      expect(res.status).toBe(503);
      const body = (await res.json()) as { parts: { postgres: { state: string; note: string }; zeroCache: unknown } };
      expect(body.parts.postgres.state).toBe('failed');
      expect(body.parts.postgres.note).toMatch(/^Postgres did not answer: /);
      expect(body.parts.zeroCache).toEqual({ state: 'ready' });
    } finally {
      await deadSql.end({ timeout: 1 });
    }
  });

  test('migrations failed: 503 with the reason', async () => {
    const status: StackStatus = {
      ...readyStatus(),
      migrations: 'failed',
      migrationsApplied: [],
      notes: { migrations: '003_kpi failed: syntax error' },
    };
    const res = await healthApp(status, `${inject('stack').zeroURL}/keepalive`).request('/api/health');
    expect(res.status).toBe(503);
    const body = (await res.json()) as { parts: { migrations: unknown } };
    expect(body.parts.migrations).toEqual({ state: 'failed', note: '003_kpi failed: syntax error', applied: 0 });
  });
});
