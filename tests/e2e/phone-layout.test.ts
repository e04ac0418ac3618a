import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { useBrowser } from '../helpers/browser.ts';
import { synced } from '../helpers/deadlines.ts';
import { useOrg } from '../helpers/people.ts';
import { createKpi, expectStatus, rest } from '../helpers/rest.ts';

/** A common small phone, portrait. */
const PHONE = { width: 375, height: 740 };
/**
 * From the top of the page's content to the first card: the heading, its
 * button and one toolbar line fit in it; the toolbar with every filter
 * spelled out (540 px before) does not.
 */
const FIRST_CARD_WITHIN_PX = 250;

describe('on a phone, 375 px wide', () => {
  const browser = useBrowser();
  const org = useOrg('Pocket Metrics', { pia: 'owner' });
  let kpiID = '';

  beforeAll(async () => {
    const auth = { person: org.pia, org: org.id };
    // Long names and notes are what push a narrow page sideways.
    kpiID = (await createKpi(auth, { title: 'Average first-contact resolution rate across regions', targetValue: 90, unit: '%' }))
      .id;
    const other = await createKpi(auth, { title: 'Customer satisfaction (post-interaction survey)', targetValue: 4.5 });
    for (const [i, value] of [71.5, 78.25, 83].entries()) {
      const recordedAt = new Date(Date.UTC(2026, 4, 3 + i, 17, 30)).toISOString();
      const note = 'Includes the weekend backlog from the north-east distribution centre';
      expectStatus(await rest(auth, 'POST', `/api/kpis/${kpiID}/records`, { value, recordedAt, note }), 201);
    }
    expectStatus(
      await rest(auth, 'POST', '/api/goals', {
        title: 'Best-in-class support experience by the end of next year',
        targetDate: '2027-12-31',
        kpis: [
          { kpiId: kpiID, weight: 2 },
          { kpiId: other.id, weight: 1 },
        ],
      }),
      201,
    );
  });

  const live = (page: Page) => page.getByRole('status', { name: 'Sync status' }).filter({ hasText: 'Live' }).waitFor(synced);
  const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

  test('the dashboard shows the first card near the top, with the filters one tap away', async () => {
    const page = await browser.open(org.pia, '/', { viewport: PHONE });
    await live(page);
    const first = page.getByRole('article').first();
    await first.waitFor(synced);
    const mainTop = (await page.locator('#main').boundingBox())?.y ?? Number.NaN;
    const cardTop = (await first.boundingBox())?.y ?? Number.NaN;
    expect(cardTop - mainTop).toBeLessThanOrEqual(FIRST_CARD_WITHIN_PX);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);

    // Category, sort and arranging are folded behind one button, and unfold with it.
    expect(await page.getByRole('button', { name: /^Category/ }).isVisible()).toBe(false);
    const options = page.getByRole('button', { name: 'Options' });
    expect(await options.getAttribute('aria-expanded')).toBe('false');
    await options.click();
    expect(await options.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('button', { name: /^Category/ }).waitFor();
    await page.getByRole('button', { name: 'Arrange', exact: true }).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  });

  test('a KPI page fits, and each data point keeps Edit and Delete on screen', async () => {
    const page = await browser.open(org.pia, `/kpis/${kpiID}`, { viewport: PHONE });
    await live(page);
    const table = page.getByRole('region', { name: 'Data points table' });
    const edit = table.getByRole('button', { name: /^Edit data point from/ }).first();
    const remove = table.getByRole('button', { name: /^Delete data point from/ }).first();
    await edit.waitFor(synced);
    await page.locator('.apexcharts-canvas').waitFor(synced);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);

    await edit.scrollIntoViewIfNeeded();
    for (const button of [edit, remove]) {
      const box = await button.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    }
    // Nothing to scroll sideways inside the table either.
    expect(await table.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  });

  test("a goal's KPI table does not widen the page", async () => {
    const page = await browser.open(org.pia, '/goals', { viewport: PHONE });
    await live(page);
    const goal = page.getByRole('article', { name: /^Best-in-class support/ });
    await goal.getByRole('button', { name: /^KPIs of/ }).click();
    await goal.getByRole('link', { name: /^Average first-contact/ }).waitFor(synced);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  });

  test('no page threw an error along the way', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
