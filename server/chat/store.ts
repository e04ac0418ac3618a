import type { JSONValue, TransactionSql } from 'postgres';
import type { ChatContext, ChatProposal, ChatRole, ChatSource, ChatStatus } from '../../shared/chat/types.ts';

/**
 * Chat's reads and writes. Every function runs inside a transaction that
 * carries the asker's tenant context (withTenant), so row-level security
 * decides what exists: another organization's thread, or someone else's
 * private one, is simply not found.
 */

export interface ThreadRow {
  id: string;
  title: string;
  shared: boolean;
  context: ChatContext | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface MessageRow {
  id: string;
  role: ChatRole;
  content: string;
  status: ChatStatus;
  error: string | null;
  createdAt: Date;
}

/** The messages of a thread a model sees as history at most (the latest ones). */
export const HISTORY_MESSAGES = 20;
/** Threads a list returns at most. */
export const MAX_THREADS = 200;

const THREAD_COLUMNS = `id, title, shared, context, created_by AS "createdBy", created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function insertThread(
  tx: TransactionSql,
  t: { id: string; orgID: string; userID: string; title: string; shared: boolean; context: ChatContext | null },
): Promise<ThreadRow> {
  const context = t.context === null ? null : tx.json(t.context as unknown as JSONValue);
  const [row] = await tx<ThreadRow[]>`
    INSERT INTO chat_thread (id, organization_id, title, shared, context, created_by, created_at, updated_at)
    VALUES (${t.id}, ${t.orgID}, ${t.title}, ${t.shared}, ${context}, ${t.userID}, now(), now())
    RETURNING ${tx.unsafe(THREAD_COLUMNS)}`;
  return row as ThreadRow;
}

export async function findThread(tx: TransactionSql, orgID: string, id: string): Promise<ThreadRow | null> {
  const [row] = await tx<ThreadRow[]>`
    SELECT ${tx.unsafe(THREAD_COLUMNS)} FROM chat_thread WHERE organization_id = ${orgID} AND id = ${id}`;
  return row ?? null;
}

/** Renames or shares/unshares a thread; only its author's (null when the caller is not the author). */
export async function updateThread(
  tx: TransactionSql,
  orgID: string,
  id: string,
  userID: string,
  change: { title?: string | undefined; shared?: boolean | undefined },
): Promise<ThreadRow | null> {
  const [row] = await tx<ThreadRow[]>`
    UPDATE chat_thread SET title = coalesce(${change.title ?? null}, title), shared = coalesce(${change.shared ?? null}, shared)
     WHERE organization_id = ${orgID} AND id = ${id} AND created_by = ${userID}
    RETURNING ${tx.unsafe(THREAD_COLUMNS)}`;
  return row ?? null;
}

/** The threads the caller may read (shared ones and their own), the latest active first. */
export function listThreads(tx: TransactionSql, orgID: string): Promise<ThreadRow[]> {
  return tx<ThreadRow[]>`
    SELECT ${tx.unsafe(THREAD_COLUMNS)} FROM chat_thread WHERE organization_id = ${orgID}
    ORDER BY updated_at DESC, id LIMIT ${MAX_THREADS}`;
}

export function listMessages(tx: TransactionSql, orgID: string, threadID: string): Promise<MessageRow[]> {
  return tx<MessageRow[]>`
    SELECT id, role, content, status, error, created_at AS "createdAt" FROM chat_message
    WHERE organization_id = ${orgID} AND thread_id = ${threadID} ORDER BY created_at, id`;
}

/** The thread's latest finished messages, oldest first: what the model sees of the conversation. */
export async function conversation(tx: TransactionSql, orgID: string, threadID: string): Promise<MessageRow[]> {
  const rows = await tx<MessageRow[]>`
    SELECT id, role, content, status, error, created_at AS "createdAt" FROM chat_message
    WHERE organization_id = ${orgID} AND thread_id = ${threadID} AND status = 'complete' AND content <> ''
    ORDER BY created_at DESC, id DESC LIMIT ${HISTORY_MESSAGES}`;
  return rows.reverse();
}

export async function insertMessage(
  tx: TransactionSql,
  m: { id: string; orgID: string; threadID: string; userID: string; role: ChatRole; content: string; status: ChatStatus },
): Promise<void> {
  await tx`INSERT INTO chat_message (id, organization_id, thread_id, role, content, status, author_id, created_at, updated_at)
           VALUES (${m.id}, ${m.orgID}, ${m.threadID}, ${m.role}, ${m.content}, ${m.status}, ${m.userID}, clock_timestamp(), clock_timestamp())`;
  await tx`UPDATE chat_thread SET updated_at = now() WHERE organization_id = ${m.orgID} AND id = ${m.threadID}`;
}

/** The answer so far, while the model writes (not audited: only status changes are). */
export async function updateContent(tx: TransactionSql, orgID: string, id: string, content: string): Promise<void> {
  await tx`UPDATE chat_message SET content = ${content}, updated_at = clock_timestamp()
           WHERE organization_id = ${orgID} AND id = ${id}`;
}

export interface FinishedAnswer {
  content: string;
  status: Exclude<ChatStatus, 'streaming'>;
  error: string | null;
  sources: ChatSource[];
  proposals: ChatProposal[];
}

export async function finishMessage(tx: TransactionSql, orgID: string, id: string, a: FinishedAnswer): Promise<void> {
  await tx`UPDATE chat_message SET content = ${a.content}, status = ${a.status}, error = ${a.error},
             sources = ${tx.json(a.sources as unknown as JSONValue)}, proposals = ${tx.json(a.proposals as unknown as JSONValue)},
             updated_at = clock_timestamp()
           WHERE organization_id = ${orgID} AND id = ${id}`;
}

export interface ToolCallRecord {
  id: string;
  orgID: string;
  threadID: string;
  messageID: string;
  userID: string;
  tool: string;
  input: unknown;
  ok: boolean;
  rows: number;
  error: string | null;
}

export async function insertToolCall(tx: TransactionSql, r: ToolCallRecord): Promise<void> {
  const input = r.input === undefined ? null : tx.json(r.input as JSONValue);
  await tx`INSERT INTO chat_tool_call (id, organization_id, thread_id, message_id, actor_id, tool, input, ok, rows, error, created_at)
           VALUES (${r.id}, ${r.orgID}, ${r.threadID}, ${r.messageID}, ${r.userID}, ${r.tool}, ${input}, ${r.ok}, ${r.rows},
                   ${r.error}, clock_timestamp())`;
}

/** How many questions the organization asked since `since`, and when the oldest of them was. */
export async function questionsSince(
  tx: TransactionSql,
  orgID: string,
  since: Date,
): Promise<{ questions: number; oldest: Date | null }> {
  const [row] = await tx<{ questions: number; oldest: Date | null }[]>`
    SELECT questions, oldest FROM app_chat_questions_since(${orgID}, ${since})`;
  return row ?? { questions: 0, oldest: null };
}
