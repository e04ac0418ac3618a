import { describe, expect, test } from 'vitest';
import { createApp } from '../../server/app.ts';
import type { Auth } from '../../server/auth/auth.ts';
import { newStackStatus } from '../../server/http/health.ts';
import { useAdminSql, useAppSql } from '../helpers/db.ts';

/**
 * zero-cache can forward a push on a reconnected client's new connection
 * before it has read that connection's start, so without the client's
 * headers. Every mutator needs the organization header; such a push must be
 * sent again (503), never answered as refused mutations.
 */
describe('a push without its organization header', () => {
  const app = createApp({
    auth: {} as Auth,
    appSql: useAppSql(),
    adminSql: useAdminSql(),
    status: newStackStatus(),
    zeroKeepaliveUrl: 'http://127.0.0.1:1/keepalive',
    trustProxy: [],
    clientConfig: { zeroURL: null, zeroPort: 0, googleSignIn: false, aiNarration: false, mailConfigured: false },
    log: () => {},
  });
  const push = {
    clientGroupID: 'g1',
    mutations: [{ type: 'custom', id: 1, clientID: 'c1', name: 'kpi.create', args: [{ id: 'k1' }], timestamp: 1 }],
    pushVersion: 1,
    timestamp: 1,
    requestID: 'r1',
  };
  const send = (headers: Record<string, string>) =>
    app.request('/api/zero/mutate?schema=zkpi_0&appID=zkpi', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(push),
    });

  test('is answered 503 (sent again), not with mutation errors, whether the header is missing or empty', async () => {
    for (const headers of [{}, { 'x-organization-id': '' }] as Record<string, string>[]) {
      const res = await send(headers);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { error: { code: string; message: string }; mutations?: unknown };
      expect(body.error.code).toBe('NOT_READY');
      expect(body.error.message).toMatch(/x-organization-id/);
      expect(body.mutations).toBeUndefined();
    }
  });
});
