import { describe, expect, test } from 'vitest';
import { type AppDeps, createApp } from '../../../server/app.ts';
import type { Auth } from '../../../server/auth/auth.ts';
import { newStackStatus } from '../../../server/http/health.ts';
import { scriptedChatModel } from '../../helpers/chat-model.ts';
import { useAdminSql, useAppSql } from '../../helpers/db.ts';
import { restOwnerWithKey } from '../../helpers/rest.ts';

// The server in-process on the shared stack's database, with chat settings of
// the test's own (no model; a short timeout). API keys authenticate, which
// need no auth instance.
const appSql = useAppSql();
const adminSql = useAdminSql();
const appWith = (chat: AppDeps['chat']) =>
  createApp({
    auth: {} as Auth,
    appSql,
    adminSql,
    status: newStackStatus(),
    zeroKeepaliveUrl: 'http://127.0.0.1:1/keepalive',
    trustProxy: [],
    clientConfig: { zeroURL: null, zeroPort: 0, googleSignIn: false, aiNarration: false, mailConfigured: false },
    chat,
    log: () => {},
  });

async function threadIn(app: ReturnType<typeof appWith>, role = 'viewer') {
  const { orgID, key } = await restOwnerWithKey(role);
  const call = (method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const created = await call('POST', '/api/chat/threads', { title: 'In process' });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  return { orgID, call, threadID: id };
}

describe('chat settings', () => {
  test('without a model, asking answers 503 saying chat is off and pointing to the statistical insights, and stores nothing', async () => {
    const app = appWith(undefined);
    expect(await (await app.request('/api/config')).json()).toMatchObject({ aiChat: false });
    const { orgID, call, threadID } = await threadIn(app);

    const res = await call('POST', `/api/chat/threads/${threadID}/messages`, { content: 'Why did NPS drop?' });
    expect(res.status).toBe(503);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('NOT_READY');
    expect(error.message).toContain('AI chat is off');
    expect(error.message).toContain('GET /api/kpis/{id}/insights');
    const rows = await adminSql`SELECT 1 FROM chat_message WHERE organization_id = ${orgID}`;
    expect(rows).toHaveLength(0);
  });

  test('a model that takes longer than CHAT_TIMEOUT_MS is stopped, and the answer is stored as failed saying so', async () => {
    const app = appWith({ model: scriptedChatModel(), messagesPerHour: 60, maxOutputTokens: 1000, timeoutMs: 1500 });
    expect(await (await app.request('/api/config')).json()).toMatchObject({ aiChat: true });
    const { call, threadID } = await threadIn(app);

    const res = await call('POST', `/api/chat/threads/${threadID}/messages`, { content: 'Think hard [hang]' });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/^Thinking\n\n\[The model took longer than 2 seconds \(CHAT_TIMEOUT_MS\)/);
    const [row] =
      await adminSql`SELECT status, content, error FROM chat_message WHERE id = ${res.headers.get('x-chat-message-id')}`;
    expect(row).toMatchObject({ status: 'failed', content: 'Thinking' });
    expect(row!.error).toContain('CHAT_TIMEOUT_MS');
  });
});
