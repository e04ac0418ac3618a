import { describe, expect, test } from 'vitest';
import { TRIGGER_JOB } from '../../../server/playbooks/jobs.ts';
import { BUILTIN_PLAYBOOKS } from '../../../shared/playbooks/builtins.ts';
import { queries } from '../../../sync/queries.ts';
import { mutateInPage, useBrowser } from '../../helpers/browser.ts';
import { useAdminSql } from '../../helpers/db.ts';
import { JOB_DEADLINE_MS, synced } from '../../helpers/deadlines.ts';
import { explainOnFailure, jobTrail } from '../../helpers/job-trail.ts';
import { type Person, useOrg } from '../../helpers/people.ts';
import { expectStatus, rest } from '../../helpers/rest.ts';
import { openZero, watch } from '../../helpers/zero-client.ts';

const NPS = { higherIsBetter: true, critical: { min: -100, max: 0 }, risk: { min: 0, max: 30 }, healthy: { min: 30, max: 100 } };

describe('playbook executions in a real browser', () => {
  const browser = useBrowser();
  const org = useOrg('Playbooks e2e', { ada: 'owner', cam: 'operator', cid: 'operator', vic: 'viewer' });
  const as = (who: 'ada' | 'cam') => ({ person: org[who], org: org.id });
  const sql = useAdminSql();

  test('two CSMs work one execution at once and each sees the other’s step changes and editing without reloading', async () => {
    const account = expectStatus(await rest(as('ada'), 'POST', '/api/accounts', { name: 'Litware' }), 201) as { id: string };
    const run = expectStatus(
      await rest(as('cam'), 'POST', `/api/accounts/${account.id}/playbook-executions`, { playbookId: 'voc-sprint' }),
      201,
    ) as { id: string; steps: { id: string }[] };
    const path = `/executions/${run.id}`;
    const [cam, cid, vic] = await Promise.all([
      browser.open(org.cam, path),
      browser.open(org.cid, path),
      browser.open(org.vic, path),
    ]);
    for (const page of [cam, cid, vic])
      await page.getByRole('heading', { name: /Voice of the customer sprint: Litware/ }).waitFor(synced);

    // Cam writes the result of step 1; Cid sees it.
    const camResult = cam.getByRole('textbox', { name: 'Result of step 1' });
    await camResult.fill('Three detractors reached');
    await camResult.blur();
    await expect
      .poll(() => cid.getByRole('textbox', { name: 'Result of step 1' }).inputValue(), synced)
      .toBe('Three detractors reached');

    // Cid starts a note: Cam sees who is editing; Cid's note arrives while Cam changes the status.
    const cidNote = cid.getByRole('textbox', { name: 'New note of step 1' });
    await cidNote.focus();
    await cam.getByText(/is editing a note/).waitFor(synced);
    await cidNote.fill('Backlog is 40 tickets');
    await cam.getByRole('button', { name: /Status of step 1/ }).click();
    await cam.getByRole('option', { name: 'In progress' }).click();
    await cid.getByRole('button', { name: 'Add note to step 1' }).click();
    await cam.getByText('Backlog is 40 tickets').waitFor(synced);
    await cid.locator('li.playbook-step[data-status="in_progress"]').first().waitFor(synced);
    await expect
      .poll(() => cid.getByRole('textbox', { name: 'Result of step 1' }).inputValue(), synced)
      .toBe('Three detractors reached');

    // A viewer's change is refused: the screen rolls back and says why.
    const refused = await mutateInPage(vic, 'playbookStep.update', { id: run.steps[0]?.id, result: 'Viewer was here' });
    expect(refused).toMatchObject({ status: 'rejected', message: expect.stringMatching(/Your role \(Viewer\) cannot/) });
    await vic.getByText('Change not saved').first().waitFor(synced);
    await expect
      .poll(() => vic.getByRole('textbox', { name: 'Result of step 1' }).inputValue(), synced)
      .toBe('Three detractors reached');
  });

  test('a data point posted over REST that crosses a threshold starts a playbook that appears on a third person’s open page', async () => {
    expectStatus(await rest(as('ada'), 'PUT', '/api/reference-ranges/NPS%20Score', NPS), 200);
    expectStatus(
      await rest(as('ada'), 'PUT', '/api/playbook-triggers/voc-sprint', {
        autoTrigger: true,
        conditions: [{ kpi: 'NPS Score', op: '<', value: 10 }],
      }),
      200,
    );
    const account = expectStatus(await rest(as('ada'), 'POST', '/api/accounts', { name: 'Adventure Works' }), 201) as {
      id: string;
    };
    const kpi = expectStatus(
      await rest(as('ada'), 'POST', '/api/kpis', { title: 'NPS Score', unit: '', targetValue: 50, accountId: account.id }),
      201,
    ) as { id: string };
    const watcher = await browser.open(org.vic, '/playbooks');
    const list = watcher.getByRole('list', { name: 'Open executions' });
    await watcher.getByRole('heading', { name: 'Open executions' }).waitFor(synced);
    expect(await list.getByText(/Adventure Works/).count()).toBe(0);

    const posted = new Date();
    expectStatus(await rest(as('cam'), 'POST', `/api/kpis/${kpi.id}/records`, { value: 3 }), 201);
    const started = list.getByRole('link', { name: /Voice of the customer sprint · Adventure Works/ });
    // On a miss, say where the time went: the trigger job, the row in Postgres, zero-cache, or the page.
    await explainOnFailure(started.waitFor({ timeout: JOB_DEADLINE_MS }), async () => {
      const [execution] = await sql<{ status: string; started: number }[]>`
        SELECT status, round(extract(epoch FROM started_at - ${posted}::timestamptz) * 1000)::int AS started
        FROM playbook_execution WHERE organization_id = ${org.id} AND account_id = ${account.id}`;
      return [
        await jobTrail(sql, TRIGGER_JOB, `${org.id}:${account.id}`, posted),
        execution
          ? `the execution is in Postgres (${execution.status}), started +${execution.started} ms after the post`
          : 'no execution for the account in Postgres',
        await freshClientSees(org.vic, org.id, account.id),
        `the watcher's sync badge: ${await watcher.getByRole('status', { name: 'Sync status' }).textContent({ timeout: 2000 })}`,
        `the watcher's open executions: ${JSON.stringify(await list.getByRole('link').allTextContents())}`,
      ].join('\n');
    });
    await list
      .getByText(/started automatically/)
      .first()
      .waitFor(synced);
  });

  test('a manager copies a built-in and edits its steps, RACI roles and exit criteria; a viewer sees the copy change live', async () => {
    const [ada, vic] = await Promise.all([browser.open(org.ada, '/playbooks'), browser.open(org.vic, '/playbooks')]);
    await ada.getByRole('button', { name: 'Copy to edit: Renewal' }).click();
    const edit = ada.getByRole('button', { name: 'Edit Renewal (copy)' });
    await edit.waitFor(synced);
    const theirs = vic.getByRole('region', { name: 'Our playbooks' });
    const builtIn = BUILTIN_PLAYBOOKS.renewal.steps.length;
    await theirs.getByText(`${builtIn} steps`).waitFor(synced);

    await edit.click();
    const form = ada.getByRole('form', { name: 'Edit Renewal (copy)' });
    await form.getByRole('button', { name: /Responsible \(step 1\)/ }).click();
    await ada.getByRole('option', { name: 'Account Executive' }).click();
    await form.getByRole('group', { name: 'Informed (step 1)' }).getByRole('checkbox', { name: 'Executive Sponsor' }).check();
    await form.getByRole('button', { name: 'Add a step' }).click();
    await form.getByRole('textbox', { name: `Step ${builtIn + 1} title` }).fill('Send the renewal quote');
    await form.getByRole('textbox', { name: 'Exit criteria' }).fill('Contract signed\n\nQuote sent within 5 days');
    await form.getByRole('button', { name: 'Save playbook' }).click();

    // The viewer's list follows at once; what was stored is what was chosen.
    await theirs.getByText(`${builtIn + 1} steps`).waitFor(synced);
    const [copy] = await sql<{ steps: { title: string; raci: Record<string, unknown> }[]; exit_criteria: string[] }[]>`
      SELECT steps, exit_criteria FROM playbook_copy WHERE organization_id = ${org.id} AND source_playbook_id = 'renewal'`;
    expect(copy?.steps[0]?.raci).toMatchObject({
      responsible: 'Account Executive',
      informed: expect.arrayContaining(['Executive Sponsor']),
    });
    expect(copy?.steps.at(-1)).toMatchObject({
      title: 'Send the renewal quote',
      raci: { responsible: 'CSM', accountable: 'CS Manager' },
    });
    expect(copy?.exit_criteria).toEqual(['Contract signed', 'Quote sent within 5 days']);
    // A viewer edits nothing: no copy or edit button.
    expect(await vic.getByRole('button', { name: /Copy |Edit / }).count()).toBe(0);
  });
});

/**
 * Whether a new Zero client of `person`'s (Node, a client group of its own)
 * receives the account's open execution within 10 s: if it does while the
 * page does not, the page's own connection stalled; if not, zero-cache did.
 */
async function freshClientSees(person: Person, orgID: string, accountID: string): Promise<string> {
  const zero = openZero(person, orgID);
  try {
    const since = Date.now();
    const open = watch<{ accountID: string }[]>(zero, queries.playbookExecutions.open({ orgID }));
    const seen = await open
      .until((rows) => rows.some((r) => r.accountID === accountID), 10_000)
      .then(
        () => true,
        () => false,
      );
    return seen
      ? `a new Zero client of the watcher's received the execution ${Date.now() - since} ms after opening`
      : `a new Zero client of the watcher's did not receive the execution within 10 s either (${open.resultType()})`;
  } finally {
    await zero.close();
  }
}
