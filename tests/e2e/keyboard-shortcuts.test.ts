import { describe, expect, test } from 'vitest';
import { axeFindings } from '../helpers/axe.ts';
import { useBrowser } from '../helpers/browser.ts';
import { useAdminSql } from '../helpers/db.ts';
import { synced } from '../helpers/deadlines.ts';
import { useOrg } from '../helpers/people.ts';

/** Seed 003's shortcuts (issue 12 item 6) in a real browser: help, navigation, save, and never while typing. */
describe('keyboard shortcuts', () => {
  const browser = useBrowser();
  const sql = useAdminSql();
  const org = useOrg('Shortcut Works', { kim: 'owner' });

  test('Ctrl+/ lists them (keyboard-reachable, no axe finding); Ctrl+K, Ctrl+E and Ctrl+D go where they say', async () => {
    const page = await browser.open(org.kim, '/');
    await page.getByRole('heading', { name: 'No KPIs yet' }).waitFor(synced);

    await page.keyboard.press('Control+/');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    const rows = (await help.getByRole('row').allTextContents()).slice(1);
    expect(rows).toEqual([
      'Ctrl+/Show these shortcuts',
      'Ctrl+DGo to the dashboard',
      'Ctrl+EEnter production (data entry)',
      'Ctrl+KGo to the KPI overview',
      'Ctrl+SSave the open form',
    ]);
    expect(await axeFindings(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    // The header's button opens the same list.
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await help.waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    await page.keyboard.press('Control+k');
    await page.waitForURL(/\/kpis$/);
    await page.keyboard.press('Control+e');
    await page.waitForURL(/\/shop-floor\/entry$/);
    await page.keyboard.press('Control+d');
    await page.waitForURL((url) => url.pathname === '/');
    expect(browser.pageErrors).toEqual([]);
  });

  test('typing in a field, or anywhere in a dialog, Ctrl+K does not navigate; Ctrl+S saves the form, with its checks', async () => {
    const page = await browser.open(org.kim, '/');
    await page.getByRole('button', { name: 'New KPI' }).click();
    const dialog = page.getByRole('dialog', { name: 'New KPI' });
    const name = dialog.getByRole('textbox', { name: 'Name' });
    await name.fill('Calls answered');
    await page.keyboard.press('Control+k');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await dialog.isVisible()).toBe(true);
    // Nor out of the dialog from one of its buttons: a half-filled form is never left by a navigation key.
    await dialog.getByRole('button', { name: /^Unit/ }).focus();
    await page.keyboard.press('Control+k');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await name.inputValue()).toBe('Calls answered');

    // Saved with the target missing: the form's own check marks it, and nothing is created.
    const target = dialog.getByRole('textbox', { name: 'Target' });
    await target.fill('');
    await target.press('Control+s');
    await expect.poll(() => target.getAttribute('aria-invalid'), synced).toBe('true');
    expect(await dialog.isVisible()).toBe(true);
    expect(await sql`SELECT 1 FROM kpi WHERE organization_id = ${org.id}`).toHaveLength(0);
    await target.fill('120');
    await name.press('Control+s');
    await dialog.waitFor({ state: 'hidden', ...synced });
    await page.getByRole('article', { name: 'Calls answered' }).waitFor(synced);
    const rows = await sql`SELECT target FROM kpi WHERE organization_id = ${org.id} AND name = 'Calls answered'`;
    expect(rows.map((r) => Number(r.target))).toEqual([120]);
    expect(browser.pageErrors).toEqual([]);
  });
});
