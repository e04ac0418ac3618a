import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { everyWriteConfirmed, mutateInPage, useBrowser } from '../helpers/browser.ts';
import { useAdminSql } from '../helpers/db.ts';
import { useOrg } from '../helpers/people.ts';

/** Editing a goal's KPIs and weights, and archiving and restoring it, through the goals page. */
describe('goals: weights, archive and restore', () => {
  const browser = useBrowser();
  const sql = useAdminSql();
  const org = useOrg('Goal Getters', { erin: 'owner' });
  let page: Page;
  const kpis = { signups: randomUUID(), churn: randomUUID() };
  const goal = (title: string) => page.getByRole('article', { name: title });

  beforeAll(async () => {
    page = await browser.open(org.erin, '/');
    await page.getByRole('heading', { name: 'No KPIs yet' }).waitFor();
    await page.getByRole('status', { name: 'Sync status' }).filter({ hasText: 'Live' }).waitFor();
    // Sign-ups at half its target (50 %); churn (lower is better) at its target (100 %).
    for (const args of [
      { id: kpis.signups, name: 'Sign-ups', unit: '', target: 100 },
      { id: kpis.churn, name: 'Churn', unit: '%', target: 5, direction: 'lower' },
    ]) {
      expect(await mutateInPage(page, 'kpi.create', args)).toEqual({ status: 'saved' });
    }
    expect(await mutateInPage(page, 'dataPoint.add', { kpiID: kpis.signups, value: 50 })).toEqual({ status: 'saved' });
    expect(await mutateInPage(page, 'dataPoint.add', { kpiID: kpis.churn, value: 4 })).toEqual({ status: 'saved' });
  });

  test('weights show as shares while editing, and the stored progress follows them', async () => {
    await page.goto('/goals');
    await page.getByRole('heading', { name: 'No goals yet' }).waitFor();
    await page.getByRole('button', { name: 'New goal' }).click();
    let dialog = page.getByRole('dialog', { name: 'New goal' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Healthy growth');
    await dialog.getByLabel('Target date').fill('2027-06-30');
    await dialog.getByRole('button', { name: 'Add a KPI' }).click();
    await dialog.getByRole('button', { name: /^KPI 1/ }).click();
    await dialog.getByRole('option', { name: 'Sign-ups' }).click();
    await dialog.getByRole('button', { name: 'Add a KPI' }).click();
    await dialog.getByRole('button', { name: /^KPI 2/ }).click();
    await dialog.getByRole('option', { name: 'Churn' }).click();
    await dialog.getByRole('textbox', { name: 'Weight 1' }).fill('3');
    expect(await dialog.getByRole('status', { name: 'Share of KPI 1' }).textContent()).toContain('75%');
    expect(await dialog.getByRole('status', { name: 'Share of KPI 2' }).textContent()).toContain('25%');
    await dialog.getByRole('button', { name: 'Create goal' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // 0.75 × 50 % + 0.25 × 100 % = 62.5 %.
    const progress = goal('Healthy growth').getByRole('progressbar', { name: 'Progress' });
    await expect.poll(() => progress.getAttribute('aria-valuenow')).toBe('63');
    expect(await goal('Healthy growth').textContent()).toContain('Due Jun 30, 2027');

    await goal('Healthy growth').getByRole('button', { name: 'KPIs of Healthy growth' }).click();
    const table = goal('Healthy growth').getByRole('table', { name: 'KPIs of Healthy growth' });
    // By KPI name, each with its current value, progress and share of the weight.
    const rows = await table.locator('tbody').getByRole('row').allTextContents();
    expect(rows).toEqual([expect.stringContaining('Churn'), expect.stringContaining('Sign-ups')]);
    // Percentages in the organization's locale (en-US by default): "50%", no space.
    expect(rows[0]).toContain('100% · On track');
    expect(rows[0]).toContain('25%');
    expect(rows[1]).toContain('50% · Off track');
    expect(rows[1]).toContain('75%');

    await goal('Healthy growth').getByRole('button', { name: 'Edit Healthy growth' }).click();
    dialog = page.getByRole('dialog', { name: 'Edit goal' });
    // The form lists them in the same order: Sign-ups is the second row.
    await dialog.getByRole('button', { name: 'Remove KPI 2' }).click();
    expect(await dialog.getByRole('status', { name: 'Share of KPI 1' }).textContent()).toContain('100%');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => progress.getAttribute('aria-valuenow')).toBe('100');
    await everyWriteConfirmed(page);
    const links = await sql`SELECT kpi_id, weight FROM goal_kpi WHERE organization_id = ${org.id}`;
    expect(links).toEqual([{ kpi_id: kpis.churn, weight: 1 }]);
  });

  test('a goal with a KPI left unchosen is not sent; the row says what to do', async () => {
    await page.getByRole('button', { name: 'New goal' }).click();
    const dialog = page.getByRole('dialog', { name: 'New goal' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Half-made');
    await dialog.getByRole('button', { name: 'Add a KPI' }).click();
    await dialog.getByRole('button', { name: 'Create goal' }).click();
    await dialog.getByText('Choose a KPI, or remove this row').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    const [count] = await sql`SELECT count(*)::int AS n FROM goal WHERE organization_id = ${org.id} AND title = 'Half-made'`;
    expect(count).toEqual({ n: 0 });
  });

  test('archiving asks first, moves the goal to Archived, and Restore brings it back', async () => {
    await goal('Healthy growth').getByRole('button', { name: 'Archive Healthy growth' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Archive Healthy growth?' });
    await confirm.getByRole('button', { name: 'Archive' }).click();
    await page.getByRole('heading', { name: 'No goals yet' }).waitFor();
    // The page shows its own copy at once; the database has it once the server confirms.
    const archived = () =>
      sql`SELECT archived_at IS NOT NULL AS archived FROM goal WHERE organization_id = ${org.id} AND title = 'Healthy growth'`;
    await everyWriteConfirmed(page);
    expect(await archived()).toEqual([{ archived: true }]);

    await page.getByRole('tab', { name: 'Archived' }).click();
    await page.getByRole('button', { name: 'Restore Healthy growth' }).click();
    await page.getByRole('heading', { name: 'No archived goals' }).waitFor();
    await page.getByRole('tab', { name: 'Active' }).click();
    await goal('Healthy growth').waitFor();
    await everyWriteConfirmed(page);
    expect(await archived()).toEqual([{ archived: false }]);
  });

  test('no page threw an error along the way', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
