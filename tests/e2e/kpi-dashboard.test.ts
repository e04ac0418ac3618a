import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { mutateInPage, useBrowser } from '../helpers/browser.ts';
import { useAdminSql } from '../helpers/db.ts';
import { synced } from '../helpers/deadlines.ts';
import { useOrg } from '../helpers/people.ts';

/**
 * The dashboard's toolbar and each person's own arrangement: Dana arranges
 * her cards with the keyboard on one device and sees the same order and
 * sizes appear on her other device, live.
 */
describe('finding and arranging KPIs on the dashboard', () => {
  const browser = useBrowser();
  const sql = useAdminSql();
  const org = useOrg('Arrangers Inc', { dana: 'owner' });
  let laptop: Page;
  let phone: Page;
  const names = ['Active users', 'Churn rate', 'Net revenue'];

  const order = (page: Page) =>
    page
      .getByRole('list', { name: 'KPIs' })
      .getByRole('article')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label')));
  /** Each card's size as columns x rows, in order. */
  const sizes = (page: Page) =>
    page
      .getByRole('list', { name: 'KPIs' })
      .getByRole('listitem')
      .evaluateAll((items) => items.map((li) => `${li.getAttribute('data-w')}x${li.getAttribute('data-h')}`));

  test('search, category filter and sort narrow and order the cards; empty results say how to get back', async () => {
    laptop = await browser.open(org.dana, '/');
    await laptop.getByRole('heading', { name: 'No KPIs yet' }).waitFor();
    await laptop.getByRole('status', { name: 'Sync status' }).filter({ hasText: 'Live' }).waitFor();
    const categories = ['engagement', 'retention', 'revenue'];
    for (const [i, name] of names.entries()) {
      const kpi = { id: randomUUID(), name, unit: '', target: 10, category: categories[i] };
      expect(await mutateInPage(laptop, 'kpi.create', kpi)).toEqual({ status: 'saved' });
    }
    await expect.poll(() => order(laptop)).toEqual(names);

    await laptop.getByRole('searchbox', { name: 'Search' }).fill('rate');
    await expect.poll(() => order(laptop)).toEqual(['Churn rate']);
    await laptop.getByRole('searchbox', { name: 'Search' }).fill('zzz');
    await laptop.getByRole('heading', { name: 'No KPIs match ‘zzz’' }).waitFor();
    await laptop.getByRole('button', { name: 'Clear the search' }).click();
    await expect.poll(() => order(laptop)).toEqual(names);

    await laptop.getByRole('button', { name: /^Category/ }).click();
    await laptop.getByRole('option', { name: 'Revenue' }).click();
    await expect.poll(() => order(laptop)).toEqual(['Net revenue']);
    await laptop.getByRole('button', { name: /^Category/ }).click();
    await laptop.getByRole('option', { name: 'All categories' }).click();

    await laptop.getByRole('button', { name: /^Sort by/ }).click();
    await laptop.getByRole('option', { name: 'Name (A–Z)' }).click();
    await expect.poll(() => order(laptop)).toEqual(names);
    await laptop.getByRole('button', { name: /^Sort by/ }).click();
    await laptop.getByRole('option', { name: 'My arrangement' }).click();
  });

  test('arranging with the keyboard is saved and shows on her other device without a reload', async () => {
    phone = await browser.open(org.dana, '/', { viewport: { width: 375, height: 800 } });
    await expect.poll(() => order(phone), synced).toEqual(names);
    await phone.getByRole('status', { name: 'Sync status' }).filter({ hasText: 'Live' }).waitFor();

    await laptop.getByRole('button', { name: 'Arrange', exact: true }).click();
    const earlier = laptop.getByRole('button', { name: 'Move Net revenue earlier' });
    await earlier.focus();
    await laptop.keyboard.press('Enter');
    // Focus stays on the button that was pressed, so it can be pressed again.
    await expect.poll(() => order(laptop)).toEqual(['Active users', 'Net revenue', 'Churn rate']);
    await expect
      .poll(() => laptop.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Move Net revenue earlier');
    await laptop.keyboard.press('Enter');
    await expect.poll(() => order(laptop)).toEqual(['Net revenue', 'Active users', 'Churn rate']);
    expect(await earlier.getAttribute('aria-disabled')).toBe('true');

    await laptop.getByRole('button', { name: 'Make Churn rate wider' }).click();
    await laptop.getByRole('button', { name: 'Make Churn rate taller' }).click();
    await laptop.getByRole('group', { name: /Position 3 of 3 · 2 columns wide, 2 rows tall/ }).waitFor();
    await laptop.getByRole('button', { name: 'Done arranging' }).click();

    await expect.poll(() => order(phone), synced).toEqual(['Net revenue', 'Active users', 'Churn rate']);
    // Each press is its own save: the new order can arrive before the last resize.
    await expect.poll(() => sizes(phone), synced).toEqual(['1x1', '1x1', '2x2']);
    // The phone only sees what Postgres committed, so the saved row is final by now.
    const [saved] =
      await sql`SELECT layout FROM dashboard_layout WHERE organization_id = ${org.id} AND user_id = ${org.dana.userID}`;
    expect(saved?.layout.map((i: { kpiID: string }) => i.kpiID).length).toBe(3);
    expect(saved?.layout[2]).toMatchObject({ w: 2, h: 2 });
    // A new KPI goes at the end of the saved order.
    await mutateInPage(phone, 'kpi.create', { name: 'Backlog', unit: '', target: 5 });
    await expect.poll(() => order(laptop), synced).toEqual(['Net revenue', 'Active users', 'Churn rate', 'Backlog']);
  });

  test('no page threw an error along the way', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
