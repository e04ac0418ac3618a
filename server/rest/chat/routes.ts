import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError, notFound } from '../../../shared/errors.ts';
import { startAnswer } from '../../chat/answer.ts';
import { hourlyAllowance } from '../../chat/limits.ts';
import { findThread, insertThread, listMessages, listThreads, type ThreadRow, updateThread } from '../../chat/store.ts';
import { withTenant } from '../../db/pools.ts';
import { apiError } from '../../http/errors.ts';
import type { Caller, RestDeps } from '../context.ts';
import { errors, IdParams, jsonBody, ok, sessionOrKey } from '../openapi.ts';
import { resourceApp, restSource } from '../resource-app.ts';
import {
  DEFAULT_TITLE,
  MessageCreateSchema,
  MessageSchema,
  messageJson,
  ThreadCreateSchema,
  ThreadSchema,
  ThreadUpdateSchema,
  threadJson,
} from './schemas.ts';

const tags = ['AI chat'];

const CHAT_OFF =
  'AI chat is off: no model is configured (OPENAI_API_KEY or OPENAI_BASE_URL, and AI_MODEL). The statistical insights work without one: GET /api/kpis/{id}/insights, or the insights on each KPI page.';

/** The thread as the caller may read it (shared, or theirs, in their organization), or the same 404 for anything else. */
async function visibleThread(deps: RestDeps, caller: Caller, id: string, source = 'rest:read'): Promise<ThreadRow> {
  const thread = await withTenant(deps.chat.appSql, { userID: caller.userID, orgID: caller.orgID, source }, (tx) =>
    findThread(tx, caller.orgID, id),
  );
  if (!thread) throw notFound('Thread');
  return thread;
}

/** 429 in the platform's error shape, with Retry-After. */
function rateLimited(c: Context, perHour: number, retryAfterSeconds: number) {
  c.header('Retry-After', String(retryAfterSeconds));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return apiError(
    c,
    'RATE_LIMITED',
    `Your organization has asked ${perHour} questions in the last hour (CHAT_MESSAGES_PER_HOUR). Ask again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  );
}

/**
 * /api/chat: threads and their messages. Asking streams the model's answer
 * as plain text while storing it (teammates watching a shared thread see it
 * grow through Zero). Every read and write runs as the caller under
 * row-level security: another organization's thread and someone else's
 * private thread are the same 404 as one that does not exist.
 */
export function chatRoutes(deps: RestDeps) {
  const app = resourceApp(deps);
  const tenantOf = (caller: Caller, source: string) => ({ userID: caller.userID, orgID: caller.orgID, source });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/threads',
      tags,
      ...sessionOrKey,
      summary: 'List chat threads',
      description: 'The organization’s shared threads and your private ones, the latest active first (at most 200).',
      responses: { 200: ok(z.array(ThreadSchema), 'The threads'), ...errors() },
    }),
    async (c) => {
      const caller = c.get('caller');
      const rows = await withTenant(deps.chat.appSql, tenantOf(caller, 'rest:read'), (tx) => listThreads(tx, caller.orgID));
      return c.json(rows.map(threadJson), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/threads',
      tags,
      ...sessionOrKey,
      summary: 'Start a chat thread',
      description: `Every member may. \`title\` defaults to “${DEFAULT_TITLE}”; \`shared\` (default false) shares it with the organization; \`context\` names the page it was started on.`,
      request: { body: jsonBody(ThreadCreateSchema) },
      responses: { 201: ok(ThreadSchema, 'The new thread'), ...errors(403, 415) },
    }),
    async (c) => {
      const caller = c.get('caller');
      const body = c.req.valid('json');
      const row = await withTenant(deps.chat.appSql, tenantOf(caller, restSource(c)), (tx) =>
        insertThread(tx, {
          id: randomUUID(),
          orgID: caller.orgID,
          userID: caller.userID,
          title: body.title ?? DEFAULT_TITLE,
          shared: body.shared ?? false,
          context: body.context ?? null,
        }),
      );
      return c.json(threadJson(row), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/threads/{id}',
      tags,
      ...sessionOrKey,
      summary: 'Rename or share a chat thread',
      description:
        'Its author only: `title` renames it, `shared: true` shares it with the organization, `shared: false` makes it private again (teammates stop seeing it at once). Another member’s shared thread is a 403; a thread you cannot read is a 404.',
      request: { params: IdParams, body: jsonBody(ThreadUpdateSchema) },
      responses: { 200: ok(ThreadSchema, 'The thread as it is now'), ...errors(403, 415) },
    }),
    async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const change = c.req.valid('json');
      const thread = await visibleThread(deps, caller, id);
      const row = await withTenant(deps.chat.appSql, tenantOf(caller, restSource(c)), (tx) =>
        updateThread(tx, caller.orgID, thread.id, caller.userID, change),
      );
      if (!row) throw new AppError('FORBIDDEN', 'Only the thread’s author may rename or share it.');
      return c.json(threadJson(row), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/threads/{id}/messages',
      tags,
      ...sessionOrKey,
      summary: 'Read a thread’s messages',
      description: 'Oldest first. An answer still being written has its text so far.',
      request: { params: IdParams },
      responses: { 200: ok(z.array(MessageSchema), 'The messages'), ...errors() },
    }),
    async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const thread = await visibleThread(deps, caller, id);
      const rows = await withTenant(deps.chat.appSql, tenantOf(caller, 'rest:read'), (tx) =>
        listMessages(tx, caller.orgID, thread.id),
      );
      return c.json(rows.map(messageJson), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/threads/{id}/messages',
      tags,
      ...sessionOrKey,
      summary: 'Ask a question in a thread',
      description:
        'Stores the question, then streams the answer as plain text while storing it too (its id in the `X-Chat-Message-Id` header). The model reads your organization only through tools that run as you; it writes nothing (a proposed data point waits for your confirmation in the app). An answer that fails ends with a bracketed line saying why, and is stored as failed with that reason. 429 (with `Retry-After`) past the organization’s questions per hour; 503 when no model is configured.',
      request: { params: IdParams, body: jsonBody(MessageCreateSchema) },
      responses: {
        200: {
          description: 'The answer, streamed',
          headers: { 'X-Chat-Message-Id': { description: 'The id of the answer’s message', schema: { type: 'string' } } },
          content: { 'text/plain': { schema: z.string() } },
        },
        ...errors(415, 429),
      },
    }),
    async (c) => {
      const caller = c.get('caller');
      const { id } = c.req.valid('param');
      const { content } = c.req.valid('json');
      const thread = await visibleThread(deps, caller, id);
      const { settings } = deps.chat;
      if (!settings.model) return apiError(c, 'NOT_READY', CHAT_OFF) as never;
      const allowance = await hourlyAllowance(deps.chat.appSql, caller, settings.messagesPerHour);
      if (!allowance.allowed) return rateLimited(c, settings.messagesPerHour, allowance.retryAfterSeconds) as never;
      const answer = await startAnswer(deps.chat, caller, thread, content);
      const body = answer.text.pipeThrough(new TextEncoderStream());
      return new Response(body, {
        status: 200,
        headers: {
          'content-type': 'text/plain; charset=utf-8',
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
          'x-chat-message-id': answer.messageID,
        },
      }) as never;
    },
  );

  return app;
}
