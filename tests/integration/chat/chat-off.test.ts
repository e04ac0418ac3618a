import { describe, expect, test } from 'vitest';
import { createApp } from '../../../server/app.ts';
import type { Auth } from '../../../server/auth/auth.ts';
import { newStackStatus } from '../../../server/http/health.ts';
import { useAdminSql, useAppSql } from '../../helpers/db.ts';
import { restOwnerWithKey } from '../../helpers/rest.ts';

// The server without a model (no OPENAI_API_KEY, no OPENAI_BASE_URL), in-process on the shared stack's
// database; API keys authenticate, which need no auth instance.
const appSql = useAppSql();
const adminSql = useAdminSql();
const app = createApp({
  auth: {} as Auth,
  appSql,
  adminSql,
  status: newStackStatus(),
  zeroKeepaliveUrl: 'http://127.0.0.1:1/keepalive',
  trustProxy: [],
  clientConfig: { zeroURL: null, zeroPort: 0, googleSignIn: false, aiNarration: false },
  log: () => {},
});

describe('chat without a configured model', () => {
  test('threads still work; asking answers 503 saying chat is off and pointing to the statistical insights, and stores nothing', async () => {
    const { orgID, key } = await restOwnerWithKey('viewer');
    const call = (method: string, path: string, body?: unknown) =>
      app.request(path, {
        method,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const created = await call('POST', '/api/chat/threads', { title: 'Offline' });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const res = await call('POST', `/api/chat/threads/${id}/messages`, { content: 'Why did NPS drop?' });
    expect(res.status).toBe(503);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('NOT_READY');
    expect(error.message).toContain('AI chat is off');
    expect(error.message).toContain('GET /api/kpis/{id}/insights');
    const rows = await adminSql`SELECT 1 FROM chat_message WHERE organization_id = ${orgID}`;
    expect(rows).toHaveLength(0);
  });
});
