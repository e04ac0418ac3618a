import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { everyWriteConfirmed, useBrowser } from '../helpers/browser.ts';
import { useAdminSql } from '../helpers/db.ts';
import { synced } from '../helpers/deadlines.ts';
import { useOrg } from '../helpers/people.ts';

/** The organization's unit list and its API keys, from the settings page. */
describe('settings: KPI lists and API keys', () => {
  const browser = useBrowser();
  const sql = useAdminSql();
  const org = useOrg('Settings Co', { owen: 'owner', vera: 'viewer' });
  let page: Page;

  test('a unit the owner adds can be chosen in the KPI form at once', async () => {
    page = await browser.open(org.owen, '/settings');
    await page.getByRole('textbox', { name: 'New unit' }).fill('tickets');
    await page.getByRole('button', { name: 'Add unit' }).click();
    await page.getByRole('list', { name: 'Your organization’s units' }).getByText('tickets').waitFor();

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('button', { name: 'New KPI' }).click();
    const dialog = page.getByRole('dialog', { name: 'New KPI' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Open tickets');
    await dialog.getByRole('button', { name: /^Unit/ }).click();
    await dialog.getByRole('option', { name: 'tickets', exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Target' }).fill('20');
    await dialog.getByRole('button', { name: 'Create KPI' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('article', { name: 'Open tickets' }).getByText('Target 20 tickets').waitFor();
    await everyWriteConfirmed(page);
    const [row] = await sql`SELECT unit FROM kpi WHERE organization_id = ${org.id} AND name = 'Open tickets'`;
    expect(row).toEqual({ unit: 'tickets' });
  });

  test('an API key is shown once with a warning, listed live, and revoked after a confirmation', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('textbox', { name: 'Key name' }).fill('Nightly import');
    await page.getByRole('button', { name: /^Key role/ }).click();
    await page.getByRole('option', { name: 'Operator' }).click();
    await page.getByRole('button', { name: 'Create key' }).click();

    const secret = page.getByRole('textbox', { name: 'New API key' });
    await secret.waitFor();
    const key = await secret.inputValue();
    expect(key.length).toBeGreaterThan(20);
    expect(await page.getByRole('status').filter({ hasText: 'It is shown only once' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Copy key' }).waitFor();

    const listed = page.getByRole('list', { name: 'API keys' }).getByRole('listitem', { name: 'Nightly import' });
    await listed.waitFor(synced);
    expect(await listed.textContent()).toContain('Operator');
    // The key works against the REST API until it is revoked.
    const before = await fetch(new URL('/api/kpis', page.url()), { headers: { authorization: `Bearer ${key}` } });
    expect(before.status).toBe(200);

    await page.getByRole('button', { name: 'I have saved it — hide the key' }).click();
    expect(await secret.count()).toBe(0);

    await listed.getByRole('button', { name: 'Revoke key Nightly import' }).click();
    await page.getByRole('alertdialog', { name: 'Revoke “Nightly import”?' }).getByRole('button', { name: 'Revoke' }).click();
    await listed.getByText(/^Revoked/).waitFor(synced);
    const after = await fetch(new URL('/api/kpis', page.url()), { headers: { authorization: `Bearer ${key}` } });
    expect(after.status).toBe(401);
    const [row] = await sql`SELECT role, revoked_at IS NOT NULL AS revoked FROM api_key WHERE organization_id = ${org.id}`;
    expect(row).toEqual({ role: 'operator', revoked: true });
  });

  test('a viewer sees the lists read-only and no API keys', async () => {
    const viewer = await browser.open(org.vera, '/settings');
    await viewer.getByRole('heading', { name: 'Units' }).waitFor();
    await viewer.getByRole('list', { name: 'Your organization’s units' }).getByText('tickets').waitFor();
    expect(await viewer.getByRole('button', { name: 'Add unit' }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: /^Remove unit/ }).count()).toBe(0);
    expect(await viewer.getByRole('heading', { name: 'API keys' }).count()).toBe(0);
    expect(await viewer.getByText('Only owners and admins can change this list.').count()).toBe(2);
  });

  test('no page threw an error along the way', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
