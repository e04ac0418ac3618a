import { boolean, enumeration, json, number, string, table } from '@rocicorp/zero';
import type { ChatContext, ChatProposal, ChatRole, ChatSource, ChatStatus } from '../../shared/chat/types.ts';
import { authorship, type TenantScope, tenantKey, tenantRelationships, user } from './platform.ts';

/**
 * AI chat: threads (private to their author or shared with the
 * organization), their messages (an answer grows live while the model
 * writes it), and the record of every tool call (admins).
 */
const chatThread = table('chatThread')
  .from('chat_thread')
  .columns({
    ...tenantKey,
    title: string(),
    shared: boolean(),
    context: json<ChatContext>().optional(),
    ...authorship,
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('id');

const chatMessage = table('chatMessage')
  .from('chat_message')
  .columns({
    ...tenantKey,
    threadID: string().from('thread_id'),
    role: enumeration<ChatRole>(),
    content: string(),
    status: enumeration<ChatStatus>(),
    error: string().optional(),
    authorID: string().from('author_id').optional(),
    sources: json<ChatSource[]>(),
    proposals: json<ChatProposal[]>(),
    createdAt: number().from('created_at'),
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('id');

const chatToolCall = table('chatToolCall')
  .from('chat_tool_call')
  .columns({
    ...tenantKey,
    threadID: string().from('thread_id'),
    messageID: string().from('message_id'),
    actorID: string().from('actor_id').optional(),
    tool: string(),
    input: json().optional(),
    ok: boolean(),
    rows: number(),
    error: string().optional(),
    createdAt: number().from('created_at'),
  })
  .primaryKey('id');

const threadRelationships = tenantRelationships(chatThread, ({ many, one }) => ({
  messages: many({ sourceField: ['id'], destSchema: chatMessage, destField: ['threadID'] }),
  creator: one({ sourceField: ['createdBy'], destSchema: user, destField: ['id'] }),
}));
const messageRelationships = tenantRelationships(chatMessage, ({ one }) => ({
  thread: one({ sourceField: ['threadID'], destSchema: chatThread, destField: ['id'] }),
  author: one({ sourceField: ['authorID'], destSchema: user, destField: ['id'] }),
}));
const toolCallRelationships = tenantRelationships(chatToolCall, ({ one }) => ({
  actor: one({ sourceField: ['actorID'], destSchema: user, destField: ['id'] }),
}));

export const chatTables = [chatThread, chatMessage, chatToolCall] as const;
export const chatRelationships = [threadRelationships, messageRelationships, toolCallRelationships] as const;

/** Messages are read with the chat right and their thread's rule (shared, or the caller's own: sync/queries/chat.ts). */
export const chatScopes = {
  chatThread: { resource: 'chat', noun: 'Thread' },
  chatMessage: { resource: 'chat', noun: 'Message' },
  chatToolCall: { resource: 'chatToolCall', noun: 'Tool call' },
} as const satisfies Record<string, TenantScope>;
