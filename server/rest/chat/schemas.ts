import { z } from '@hono/zod-openapi';
import { CONTEXT_KINDS } from '../../../shared/chat/types.ts';
import { ID_MAX_LENGTH } from '../../../shared/validation.ts';
import type { MessageRow, ThreadRow } from '../../chat/store.ts';

/** The longest question one message may carry. */
export const QUESTION_MAX = 4000;
export const TITLE_MAX = 200;
export const DEFAULT_TITLE = 'New conversation';

const dateTime = z.string().openapi({ format: 'date-time' });

const ContextSchema = z
  .object({
    kind: z.enum(CONTEXT_KINDS, { error: `context.kind must be one of ${CONTEXT_KINDS.join(', ')}` }),
    id: z.string().min(1, 'context.id must not be empty').max(ID_MAX_LENGTH, `context.id is at most ${ID_MAX_LENGTH} characters`),
  })
  .strict()
  .openapi('ChatContext', { description: 'The page the thread was started on' });

/** A thread's title and sharing, as creating and changing a thread take them (both optional). */
const title = z
  .string({ error: 'title must be text' })
  .trim()
  .min(1, 'title must not be empty')
  .max(TITLE_MAX, `title is at most ${TITLE_MAX} characters`)
  .optional();
const shared = z.boolean({ error: 'shared must be true or false' }).optional();

export const ThreadCreateSchema = z
  .object({
    title: title.openapi({ example: 'NPS at Acme' }),
    shared: shared.openapi({
      description: 'Shared with every member of the organization; private to you when false (the default)',
    }),
    context: ContextSchema.nullable().optional(),
  })
  .openapi('ChatThreadCreate');

export const ThreadUpdateSchema = z
  .object({
    title: title.openapi({ example: 'NPS at Acme, Q4' }),
    shared: shared.openapi({
      description: 'true shares the thread with every member of the organization; false makes it private to you again',
    }),
  })
  .refine((b) => b.title !== undefined || b.shared !== undefined, { message: 'Send title or shared (or both).', path: ['title'] })
  .openapi('ChatThreadUpdate');

export const ThreadSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    shared: z.boolean(),
    context: ContextSchema.nullable(),
    createdBy: z.string().nullable(),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .openapi('ChatThread');

export const MessageCreateSchema = z
  .object({
    content: z
      .string({ error: 'content must be text: the question' })
      .trim()
      .min(1, 'content must not be empty: write a question')
      .max(QUESTION_MAX, `content is at most ${QUESTION_MAX} characters`)
      .openapi({ example: 'Why did NPS drop at Acme?' }),
  })
  .openapi('ChatMessageCreate');

export const MessageSchema = z
  .object({
    id: z.string(),
    role: z.enum(['user', 'assistant']),
    content: z.string(),
    createdAt: dateTime,
  })
  .openapi('ChatMessage');

export const threadJson = (t: ThreadRow) => ({
  id: t.id,
  title: t.title,
  shared: t.shared,
  context: t.context,
  createdBy: t.createdBy,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

export const messageJson = (m: MessageRow) => ({
  id: m.id,
  role: m.role,
  content: m.content,
  createdAt: m.createdAt.toISOString(),
});
