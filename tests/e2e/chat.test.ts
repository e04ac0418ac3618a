import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowser } from '../helpers/browser.ts';
import { SLOW_CHUNKS } from '../helpers/chat-model.ts';
import { useAdminSql } from '../helpers/db.ts';
import { synced } from '../helpers/deadlines.ts';
import { useOrg } from '../helpers/people.ts';
import { createKpi } from '../helpers/rest.ts';

/**
 * The chat panel on a KPI page in two browsers: Alice asks in a shared
 * conversation and Bob, a viewer with the same page open, watches the answer
 * arrive while it is written, then asks for a data point himself, which the
 * model may only propose and his role may not add.
 */
describe('AI chat on a KPI page, shared live', () => {
  const browser = useBrowser();
  const sql = useAdminSql();
  const org = useOrg('Chatty Ltd', { alice: 'owner', bob: 'viewer' });

  const panel = (page: Page) => page.getByRole('region', { name: 'Ask about this page' });
  const messages = (page: Page) => panel(page).getByRole('list', { name: /^Messages of/ });
  const askIn = async (page: Page, question: string) => {
    await panel(page).getByRole('textbox', { name: 'Your question' }).fill(question);
    await panel(page).getByRole('button', { name: 'Ask' }).click();
  };

  test('Bob sees Alice’s answer grow in the shared thread; his proposed data point waits for a confirmation his role cannot give', async () => {
    const kpi = await createKpi({ person: org.alice, org: org.id }, { title: 'Weekly visits', targetValue: 500 });
    const [pageA, pageB] = [await browser.open(org.alice, `/kpis/${kpi.id}`), await browser.open(org.bob, `/kpis/${kpi.id}`)];
    await panel(pageB).getByRole('button', { name: 'Ask' }).waitFor();

    await panel(pageA).getByRole('checkbox', { name: 'Share this conversation with the organization' }).check();
    await askIn(pageA, 'How are visits going? [slow]');

    // Bob gets the conversation (it was started on this KPI's page) and sees the answer part-written...
    const answerB = messages(pageB).getByRole('listitem').filter({ hasText: 'Assistant' });
    await answerB.filter({ hasText: 'word0' }).waitFor(synced);
    expect(await answerB.getAttribute('aria-busy')).toBe('true');
    expect(await answerB.textContent()).not.toContain(`word${SLOW_CHUNKS - 1}`);
    // ...then whole.
    await answerB.filter({ hasText: `word${SLOW_CHUNKS - 1}` }).waitFor(synced);
    await expect.poll(() => answerB.getAttribute('aria-busy'), synced).toBe('false');
    await messages(pageA)
      .getByText(`word${SLOW_CHUNKS - 1}`)
      .waitFor(synced);

    // Bob continues the thread, asking for a point; the model proposes it, and adding it is refused for a viewer.
    await askIn(pageB, `Please add 42 [tool:proposeDataPoint {"kpiID":"${kpi.id}","value":42}]`);
    const proposal = messages(pageB).getByRole('list', { name: 'Proposed changes' });
    await proposal.getByRole('button', { name: 'Add this data point' }).click();
    await proposal.getByRole('alert').waitFor(synced);
    expect(await proposal.getByRole('alert').textContent()).toMatch(/Viewer/);
    const points = await sql`SELECT 1 FROM data_point WHERE kpi_id = ${kpi.id}`;
    expect(points).toHaveLength(0);
    // Alice sees Bob's question and the proposal too, with a source linking to the KPI.
    await messages(pageA).getByRole('link', { name: 'Weekly visits' }).first().waitFor(synced);

    // Only its author makes the conversation private again: Bob has no such button, and it leaves his page when Alice does.
    expect(await panel(pageB).getByRole('button', { name: 'Make private' }).count()).toBe(0);
    await panel(pageA).getByRole('button', { name: 'Make private' }).click();
    await messages(pageB).waitFor({ state: 'detached', ...synced });
    await panel(pageA).getByText('Only you see this conversation.').waitFor(synced);
    // Shared again, it is back for Bob, whole.
    await panel(pageA).getByRole('button', { name: 'Share with the organization' }).click();
    await messages(pageB).getByText('Please add 42').waitFor(synced);
    expect(browser.pageErrors).toEqual([]);
  });
});
