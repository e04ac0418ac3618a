import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { useBrowser } from '../../helpers/browser.ts';
import { JOB_DEADLINE_MS, synced } from '../../helpers/deadlines.ts';
import { waitForMails } from '../../helpers/mailbox.ts';
import { useOrg } from '../../helpers/people.ts';

/** Settings, "Report e-mail": a manager schedules and sends; the admin watches the send log live. */
describe('report e-mail page', () => {
  const browser = useBrowser();
  const org = useOrg('Mailroom Co', { ada: 'owner', mike: 'manager', vic: 'viewer' });
  const to = `weekly-${randomUUID().slice(0, 8)}@mail.test.example`;

  test('a manager schedules a report with a cron hint; it is listed live on the admin’s page; "Send now" mails it and the send log says sent', async () => {
    const admin = await browser.open(org.ada, '/settings/reports');
    await admin.getByRole('heading', { name: 'Send log' }).waitFor();
    const page = await browser.open(org.mike, '/settings/reports');
    await page.getByRole('heading', { name: 'Schedule a report' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Send log' }).count()).toBe(0);

    await page.getByRole('textbox', { name: 'Recipients' }).fill(to);
    const cron = page.getByRole('textbox', { name: 'When (cron)' });
    await cron.fill('30 7 * * 1-5');
    await page.getByText('Weekdays at 07:30').waitFor();
    await page.getByRole('textbox', { name: 'Time zone' }).fill('Europe/Berlin');
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();

    const row = (p: typeof page) =>
      p.getByRole('list', { name: 'Schedules' }).getByRole('listitem', { name: `KPIs (the dashboard) to ${to}` });
    await row(page).waitFor(synced);
    await row(admin).waitFor(synced);
    expect(await row(admin).textContent()).toContain('Weekdays at 07:30 (Europe/Berlin)');

    await row(page).getByRole('button', { name: 'Send now' }).click();
    await waitForMails(to, 1, JOB_DEADLINE_MS);
    await admin
      .getByRole('list', { name: 'Send log' })
      .getByRole('listitem', { name: 'KPIs (the dashboard): Sent' })
      .waitFor(synced);
    await row(page).getByText('Last send').waitFor(synced);

    await row(page)
      .getByRole('button', { name: /^Delete schedule/ })
      .click();
    await page.getByRole('alertdialog', { name: 'Delete this schedule?' }).getByRole('button', { name: 'Delete' }).click();
    await row(admin).waitFor({ state: 'detached', ...synced });
  });

  test('a server cross-check: a bad cron expression shows next to its field', async () => {
    const page = await browser.open(org.mike, '/settings/reports');
    await page.getByRole('textbox', { name: 'Recipients' }).fill('x@example.com');
    await page.getByRole('textbox', { name: 'When (cron)' }).fill('61 8 * * *');
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await page.getByText(/cron is not a valid cron expression/).waitFor(synced);
  });

  test('a viewer sees no schedules and no form', async () => {
    const page = await browser.open(org.vic, '/settings/reports');
    await page.getByRole('heading', { name: 'Report e-mail' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Schedule a report' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Send log' }).count()).toBe(0);
  });

  test('no page threw an error along the way', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
