import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { useBrowser } from '../helpers/browser.ts';
import { useAdminSql } from '../helpers/db.ts';
import { synced } from '../helpers/deadlines.ts';
import { api, type Person, useOrg } from '../helpers/people.ts';
import { createKpi } from '../helpers/rest.ts';

/**
 * Roles change while people work: an admin demotes someone who has a form
 * open, and the form keeps what they typed and says why it cannot be saved.
 * And a role that may change nothing is told so where the buttons would be.
 */
describe('role changes and read-only roles', () => {
  const browser = useBrowser();
  const sql = useAdminSql();
  const org = useOrg('Shifting Roles Ltd', {
    olga: 'owner',
    adam: 'admin',
    ali: 'admin',
    mia: 'manager',
    otis: 'operator',
    vic: 'viewer',
  });
  let kpiID = '';

  beforeAll(async () => {
    kpiID = (await createKpi({ person: org.olga, org: org.id }, { title: 'Tickets closed', targetValue: 50, unit: '' })).id;
  });

  /** An admin (or `by`) changes `person`'s role, as the members page does. */
  const demote = async (person: Person, role: string, by: Person = org.adam) => {
    const [member] = await sql<{ id: string }[]>`
      SELECT id FROM member WHERE "organizationId" = ${org.id} AND "userId" = ${person.userID}`;
    const res = await api(by, 'POST', '/api/auth/organization/update-member-role', {
      memberId: member?.id,
      role,
      organizationId: org.id,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  const live = (page: Page) => page.getByRole('status', { name: 'Sync status' }).filter({ hasText: 'Live' }).waitFor(synced);

  test('a manager demoted to viewer while writing a KPI keeps the text, is told why, and cannot save it', async () => {
    const page = await browser.open(org.mia, '/kpis');
    await live(page);
    await page.getByRole('button', { name: 'New KPI' }).click();
    const dialog = page.getByRole('dialog', { name: 'New KPI' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('First response time');
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Minutes until a customer hears from us');
    await dialog.getByRole('textbox', { name: 'Target' }).fill('30');

    await demote(org.mia, 'viewer');
    await dialog
      .getByRole('alert')
      .filter({ hasText: 'Your role changed to viewer: you can no longer create KPIs. Your text is kept here.' })
      .waitFor(synced);
    expect(await dialog.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('First response time');
    expect(await dialog.getByRole('textbox', { name: 'Description' }).inputValue()).toBe(
      'Minutes until a customer hears from us',
    );
    expect(await dialog.getByRole('button', { name: 'Create KPI' }).isDisabled()).toBe(true);
    // Behind the dialog, the page already reflects the new role.
    expect(await page.getByText('Read-only for your role').count()).toBe(1);

    // Closed, it goes, with the button that opened it: nothing of it is left to save.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByRole('button', { name: 'New KPI' }).count()).toBe(0);
    const [count] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM kpi WHERE organization_id = ${org.id}`;
    expect(count?.n).toBe(1);
  });

  test('an operator demoted while typing a data point keeps the value and note, with the reason', async () => {
    const page = await browser.open(org.otis, `/kpis/${kpiID}`);
    await live(page);
    const panel = page.getByRole('region', { name: 'Add a data point' });
    await panel.getByRole('textbox', { name: 'Value' }).fill('41');
    await panel.getByRole('textbox', { name: 'Note' }).fill('Counted after the night shift');

    await demote(org.otis, 'viewer');
    await panel
      .getByRole('alert')
      .filter({ hasText: 'Your role changed to viewer: you can no longer add data points. Your text is kept here.' })
      .waitFor(synced);
    expect(await panel.getByRole('textbox', { name: 'Value' }).inputValue()).toBe('41');
    expect(await panel.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('Counted after the night shift');
    expect(await panel.getByRole('button', { name: 'Add data point' }).isDisabled()).toBe(true);
    // Emptied, the form has nothing left to keep and goes like the other actions.
    await panel.getByRole('textbox', { name: 'Value' }).fill('');
    await panel.getByRole('textbox', { name: 'Note' }).fill('');
    await panel.waitFor({ state: 'detached' });
    await page.getByText('Read-only for your role').waitFor();
  });

  test('an admin demoted to manager while adding a unit keeps it, with the reason', async () => {
    const page = await browser.open(org.ali, '/settings');
    await live(page);
    const units = page.getByRole('region', { name: 'Units' });
    await units.getByRole('textbox', { name: 'New unit' }).fill('parcels');

    await demote(org.ali, 'manager', org.olga);
    await units
      .getByText('Your role changed to manager: you can no longer change the unit list. Your text is kept here.')
      .waitFor(synced);
    expect(await units.getByRole('textbox', { name: 'New unit' }).inputValue()).toBe('parcels');
    expect(await units.getByRole('button', { name: 'Add unit' }).isDisabled()).toBe(true);
    // The categories form had nothing typed: it went with the role.
    expect(await page.getByRole('textbox', { name: 'New category' }).count()).toBe(0);
  });

  test('a viewer is told the pages are read-only where the actions would be', async () => {
    const page = await browser.open(org.vic, '/');
    await live(page);
    const note = () => page.getByText('Read-only for your role (Viewer)');
    await page.getByRole('article', { name: 'Tickets closed' }).waitFor(synced);
    await note().waitFor();
    expect(await page.getByRole('button', { name: 'New KPI' }).count()).toBe(0);

    for (const [link, heading] of [
      ['Goals', 'Goals'],
      ['Settings', 'Settings'],
    ] as const) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await note().waitFor();
    }
    await page.goto(`/kpis/${kpiID}`);
    await page.getByRole('heading', { level: 1, name: 'Tickets closed' }).waitFor(synced);
    await note().waitFor();
    expect(await page.getByRole('button', { name: 'Edit KPI' }).count()).toBe(0);
    // Plain text in the page, read in order with the heading: nothing to hover.
    expect(await note().evaluate((el) => el.closest('.page-head') !== null)).toBe(true);
  });

  test('no page threw an error along the way', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
