import type { Person } from '../../helpers/people.ts';
import { expectStatus, rest } from '../../helpers/rest.ts';
import type { QueryFactory } from './cases.ts';

/** Chat's synced queries (chat has no mutators: threads and questions go through REST). */
export const chatQueries: Record<string, QueryFactory> = {
  'chat.threads': { args: (w) => ({ orgID: w.orgA }) },
  'chat.thread': { args: (w) => ({ orgID: w.orgA, threadID: w.chatThreadID }) },
  'chat.toolCalls': { args: (w) => ({ orgID: w.orgA }) },
};

/** A shared thread in A with a question the scripted model answers through a tool: a thread, two messages, a tool call. */
export async function worldChat(owner: Person, orgA: string) {
  const me = { person: owner, org: orgA };
  const thread = expectStatus(await rest(me, 'POST', '/api/chat/threads', { title: 'Secret chat', shared: true }), 201);
  const asked = await rest(me, 'POST', `/api/chat/threads/${thread.id}/messages`, { content: 'Which KPIs? [tool:listKpis]' });
  expectStatus(asked, 200);
  return { chatThreadID: thread.id as string, chatMessageID: asked.headers.get('x-chat-message-id') as string };
}
