import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, personContext } from '../helpers/browser.ts';
import { synced } from '../helpers/deadlines.ts';
import { createOrg, type Person, signUp } from '../helpers/people.ts';

/**
 * The dashboard's toolbar and each person's own arrangement: Dana arranges
 * her cards with the keyboard on one device and sees the same order and
 * sizes appear on her other device, live.
 */
describe('finding and arranging KPIs on the dashboard', () => {
  let browser: Browser;
  let sql: postgres.Sql;
  let dana: Person;
  let orgID: string;
  let laptop: Page;
  let phone: Page;
  const contexts: BrowserContext[] = [];
  /** Uncaught errors in any page (a reactive loop, a failed render) fail the run. */
  const pageErrors: string[] = [];
  const names = ['Active users', 'Churn rate', 'Net revenue'];

  const open = async (path: string, viewport?: { width: number; height: number }): Promise<Page> => {
    const context = await personContext(browser, dana, { signedIn: true });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    if (viewport) await page.setViewportSize(viewport);
    await page.goto(path);
    return page;
  };
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

  beforeAll(async () => {
    browser = await launchBrowser();
    sql = postgres(inject('stack').databaseUrl, { max: 2, onnotice: () => {} });
    dana = await signUp('Dana');
    orgID = await createOrg(dana, 'Arrangers Inc');
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await sql?.end();
  });

  test('search, category filter and sort narrow and order the cards; empty results say how to get back', async () => {
    laptop = await open('/');
    await laptop.getByRole('heading', { name: 'No KPIs yet' }).waitFor();
    await laptop.getByRole('status', { name: 'Sync status' }).filter({ hasText: 'Live' }).waitFor();
    const categories = ['engagement', 'retention', 'revenue'];
    for (const [i, name] of names.entries()) {
      const outcome = await laptop.evaluate(
        (args) =>
          window.__liveKpi?.mutate('kpi.create', { id: args.id, name: args.name, unit: '', target: 10, category: args.category }),
        { id: randomUUID(), name, category: categories[i] },
      );
      expect(outcome).toEqual({ status: 'saved' });
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
    phone = await open('/', { width: 375, height: 800 });
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
    const [saved] = await sql`SELECT layout FROM dashboard_layout WHERE organization_id = ${orgID} AND user_id = ${dana.userID}`;
    expect(saved?.layout.map((i: { kpiID: string }) => i.kpiID).length).toBe(3);
    expect(saved?.layout[2]).toMatchObject({ w: 2, h: 2 });
    // A new KPI goes at the end of the saved order.
    await phone.evaluate(() => window.__liveKpi?.mutate('kpi.create', { name: 'Backlog', unit: '', target: 5 }));
    await expect.poll(() => order(laptop), synced).toEqual(['Net revenue', 'Active users', 'Churn rate', 'Backlog']);
  });

  test('no page threw an error along the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
