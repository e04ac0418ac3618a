import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { ChatProposal } from '../../../shared/chat/types.ts';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';
import type { ChatMessage, ChatThread } from '../../../sync/schema.ts';
import { SLOW_CHUNKS } from '../../helpers/chat-model.ts';
import { useAdminSql } from '../../helpers/db.ts';
import { type Person, team } from '../../helpers/people.ts';
import { createKpi, expectStatus, rest } from '../../helpers/rest.ts';
import { refusalOf, syncedPastNow, useZeroClients, watch } from '../../helpers/zero-client.ts';

const admin = useAdminSql();
const openZero = useZeroClients();

type ThreadView = (ChatThread & { messages: ChatMessage[] }) | undefined;

async function newThread(person: Person, orgID: string, body: Record<string, unknown>) {
  return expectStatus(await rest({ person, org: orgID }, 'POST', '/api/chat/threads', body), 201).id as string;
}

const ask = (person: Person, orgID: string, threadID: string, content: string) =>
  rest<string>({ person, org: orgID }, 'POST', `/api/chat/threads/${threadID}/messages`, { content });

describe('chat threads live through Zero', () => {
  test('a teammate watching a shared thread sees the answer grow while it is written, then complete', async () => {
    const { orgID, owner, operator } = await team(['operator']);
    const threadID = await newThread(owner, orgID, { title: 'Live', shared: true });
    const teammate = watch<ThreadView>(openZero(operator, orgID), queries.chat.thread({ orgID, threadID }));
    await teammate.until((t) => t?.id === threadID);

    const asking = ask(owner, orgID, threadID, 'Take your time [slow]');
    const answerOf = (t: ThreadView) => t?.messages.find((m) => m.role === 'assistant');
    // Part of the answer, still being written...
    const partial = await teammate.until((t) => {
      const a = answerOf(t);
      return a?.status === 'streaming' && a.content.length > 0;
    });
    expect(partial!.messages[0]).toMatchObject({ role: 'user', content: 'Take your time [slow]', authorID: owner.userID });
    // ...then all of it.
    const done = await teammate.until((t) => answerOf(t)?.status === 'complete');
    const full = Array.from({ length: SLOW_CHUNKS }, (_, i) => `word${i} `).join('');
    expect(answerOf(done)!.content).toBe(full);
    expect((await asking).body).toBe(full);

    // While streaming, the teammate saw the text grow through several lengths, each a prefix of the answer.
    const seen = teammate
      .history()
      .map(answerOf)
      .filter((a) => a?.status === 'streaming' && a.content.length > 0)
      .map((a) => a!.content);
    const lengths = [...new Set(seen.map((s) => s.length))];
    expect(lengths.length).toBeGreaterThanOrEqual(2);
    for (const s of seen) expect(full.startsWith(s)).toBe(true);
    expect(Math.max(...lengths)).toBeLessThan(full.length);
  });

  test('a private thread never syncs to a teammate or another organization; a shared one syncs to members only', async () => {
    const { orgID, owner, viewer } = await team(['viewer']);
    const other = await team([]);
    const privateID = await newThread(owner, orgID, { title: 'Private' });
    const sharedID = await newThread(owner, orgID, { title: 'Shared', shared: true });
    await ask(owner, orgID, privateID, 'Only for me');

    const ownerThreads = watch<ChatThread[]>(openZero(owner, orgID), queries.chat.threads({ orgID }));
    await ownerThreads.until((ts) => ts.length === 2);
    const viewerZero = openZero(viewer, orgID);
    const viewerThreads = watch<ChatThread[]>(viewerZero, queries.chat.threads({ orgID }));
    const viewerPrivate = watch<ThreadView>(viewerZero, queries.chat.thread({ orgID, threadID: privateID }));
    await viewerThreads.until((ts) => ts.some((t) => t.id === sharedID));
    const intruderZero = openZero(other.owner, other.orgID);
    const intruder = watch<ChatThread[]>(intruderZero, queries.chat.threads({ orgID }));
    const intruderShared = watch<ThreadView>(intruderZero, queries.chat.thread({ orgID, threadID: sharedID }));
    await Promise.all([syncedPastNow(viewerZero, owner, orgID), syncedPastNow(intruderZero, other.owner, other.orgID)]);

    expect(viewerThreads.current().map((t) => t.id)).toEqual([sharedID]);
    expect(viewerPrivate.current()).toBeUndefined();
    expect(JSON.stringify(viewerThreads.history())).not.toContain(privateID);
    expect(intruder.current()).toEqual([]);
    expect(intruderShared.current()).toBeUndefined();
    expect(JSON.stringify([intruder.history(), intruderShared.history()])).not.toContain(sharedID);
  });

  test('a viewer’s proposed data point is recorded on the answer, nothing is written, and confirming it is refused', async () => {
    const { orgID, owner, viewer } = await team(['viewer']);
    const kpi = await createKpi({ person: owner, org: orgID }, { title: 'Visits', targetValue: 100 });
    const threadID = await newThread(viewer, orgID, { title: 'Add a point' });

    const res = await ask(viewer, orgID, threadID, `Add 42 please [tool:proposeDataPoint {"kpiID":"${kpi.id}","value":42}]`);
    expect(res.status).toBe(200);
    const messageID = res.headers.get('x-chat-message-id');
    const viewerZero = openZero(viewer, orgID);
    const view = watch<ThreadView>(viewerZero, queries.chat.thread({ orgID, threadID }));
    const synced = await view.until((t) => t?.messages.some((m) => m.id === messageID && m.status === 'complete') ?? false);
    const answer = synced!.messages.find((m) => m.id === messageID)!;
    expect(answer.proposals).toEqual([
      {
        kind: 'dataPoint',
        id: expect.any(String),
        kpiID: kpi.id,
        kpiName: 'Visits',
        value: 42,
        recordedAt: expect.any(Number),
        note: null,
      },
    ]);
    expect(answer.sources).toEqual([{ type: 'kpi', id: kpi.id, label: 'Visits' }]);
    const [points] = await admin<{ n: number }[]>`SELECT count(*)::int AS n FROM data_point WHERE kpi_id = ${kpi.id}`;
    expect(points!.n).toBe(0);

    // Confirming runs the ordinary mutator as the viewer: refused by its permission check.
    const proposal = answer.proposals[0] as ChatProposal;
    const refusal = await refusalOf(
      viewerZero,
      mutators.dataPoint.add({ id: randomUUID(), kpiID: proposal.kpiID, value: proposal.value, recordedAt: proposal.recordedAt }),
    );
    expect(refusal.code).toBe('FORBIDDEN');
    const [after] = await admin<{ n: number }[]>`SELECT count(*)::int AS n FROM data_point WHERE kpi_id = ${kpi.id}`;
    expect(after!.n).toBe(0);
  });
});
