import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { monthOf } from '../../../shared/health/breakdown.ts';
import { axeFindings } from '../../helpers/axe.ts';
import { useBrowser } from '../../helpers/browser.ts';
import { JOB_DEADLINE_MS, synced } from '../../helpers/deadlines.ts';
import { NPS_RANGE } from '../../helpers/health.ts';
import { useOrg } from '../../helpers/people.ts';
import { createKpi, expectStatus, rest } from '../../helpers/rest.ts';

const jobs = { timeout: JOB_DEADLINE_MS } as const;

describe('customer-success dashboard widgets in a real browser', () => {
  const browser = useBrowser();
  const org = useOrg('Health Widgets Co', { ada: 'owner', mia: 'manager', vic: 'viewer' });
  const empty = useOrg('No Accounts Co', { eve: 'owner' });
  const mia = () => ({ person: org.mia, org: org.id });
  const widget = (page: Page, type: string) => page.locator(`article.widget[data-type="${type}"]`);
  const text = (page: Page, type: string) => widget(page, type).textContent();

  /** An active account with one scored KPI of its own (each KPI name has its own range), or none. */
  async function account(name: string) {
    return expectStatus(await rest(mia(), 'POST', '/api/accounts', { name }), 201).id as string;
  }
  async function scoredKpi(accountId: string, title: string) {
    expectStatus(
      await rest({ person: org.ada, org: org.id }, 'PUT', `/api/reference-ranges/${encodeURIComponent(title)}`, NPS_RANGE),
      200,
    );
    return (await createKpi(mia(), { title, accountId, healthCategory: 'Relationship Strength', targetValue: 50, unit: '' }))
      .id as string;
  }
  const record = async (kpiID: string, value: number, at?: number) =>
    expectStatus(
      await rest(mia(), 'POST', `/api/kpis/${kpiID}/records`, {
        value,
        ...(at ? { recordedAt: new Date(at).toISOString() } : {}),
      }),
      201,
    );

  let acme: string;
  let acmeNps: string;
  let boardID: string;

  test('a manager adds a Portfolio health widget; a viewer’s open dashboard shows it, and a point that moves a band changes it live', async () => {
    acme = await account('Acme');
    const beta = await account('Beta');
    await account('Cyan'); // no KPI: not scored
    const gone = await account('Gone');
    expectStatus(await rest(mia(), 'PUT', `/api/accounts/${gone}`, { status: 'inactive' }), 200);
    acmeNps = await scoredKpi(acme, 'NPS Acme');
    await record(acmeNps, 15); // 62.5, at risk
    await record(await scoredKpi(beta, 'NPS Beta'), 100); // 100, healthy
    boardID = expectStatus(
      await rest(mia(), 'POST', '/api/dashboards', {
        name: 'Accounts board',
        shared: true,
        widgets: [{ type: 'text', text: 'Our customers', x: 6, y: 0, w: 3, h: 2 }],
      }),
      201,
    ).id;

    const [manager, viewer] = await Promise.all([
      browser.open(org.mia, `/dashboards/${boardID}`),
      browser.open(org.vic, `/dashboards/${boardID}`),
    ]);
    await widget(viewer, 'text').waitFor(synced);
    await manager.getByRole('button', { name: 'Add widget' }).click();
    const dialog = manager.getByRole('dialog', { name: 'Add a widget' });
    await dialog.getByRole('button', { name: /^Type/ }).click();
    await dialog.getByRole('option', { name: 'Portfolio health' }).click();
    // It takes no KPI: once the editor shows the chosen type, it asks for none.
    await dialog.getByRole('button', { name: /^Type.*Portfolio health/ }).waitFor(synced);
    await expect.poll(() => dialog.getByRole('group', { name: /KPI/ }).count(), synced).toBe(0);
    await dialog.getByRole('button', { name: 'Add widget' }).click();
    await dialog.waitFor({ state: 'detached', ...synced });

    // The viewer's open dashboard shows it without a reload: active accounts only, the mean of the scored ones.
    const card = viewer.getByRole('article', { name: 'Portfolio health' });
    await card.waitFor(synced);
    await expect
      .poll(() => text(viewer, 'portfolioHealth'), jobs)
      .toContain('Active accounts by health: 1 healthy, 1 at risk, 0 critical and 1 not scored.');
    expect(await text(viewer, 'portfolioHealth')).toContain('81.25'); // (62.5 + 100) / 2
    const lowest = card.getByRole('region', { name: 'Lowest health' }).getByRole('link');
    expect(await lowest.allTextContents()).toEqual(['Acme', 'Beta']);
    expect(await lowest.first().getAttribute('href')).toBe(`/accounts/${acme}`);

    // Acme falls to critical: the counts, the mean and the order follow, live on both screens.
    await record(acmeNps, -50); // 25
    for (const page of [viewer, manager]) {
      await expect
        .poll(() => text(page, 'portfolioHealth'), jobs)
        .toContain('Active accounts by health: 1 healthy, 0 at risk, 1 critical and 1 not scored.');
    }
    expect(await text(viewer, 'portfolioHealth')).toContain('62.5'); // (25 + 100) / 2
    await lowest.first().click();
    await viewer.getByRole('heading', { name: 'Acme', level: 1 }).waitFor(synced);

    // Dark theme, as on a wall screen: no accessibility finding (contrast included).
    await viewer.evaluate(() => localStorage.setItem('live-kpi:theme', 'dark'));
    await viewer.goto(`${new URL(viewer.url()).origin}/dashboards/${boardID}`);
    await expect.poll(() => text(viewer, 'portfolioHealth'), synced).toContain('1 critical');
    expect(await viewer.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await axeFindings(viewer), 'axe in dark').toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });

  test('an Account health widget shows the chosen account’s score, band and trend, live; another organization has no accounts yet', async () => {
    // Last month's health, re-scored from a point recorded then, so the trend has two months.
    const lastMonth = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 0, 12);
    await record(acmeNps, 0, lastMonth);
    const month = monthOf(lastMonth);
    const rescore = expectStatus(await rest(mia(), 'POST', '/api/health/rescore', { from: month, to: month }), 202);
    await expect
      .poll(async () => expectStatus(await rest(mia(), 'GET', `/api/health/rescore/${rescore.id}`), 200).status, jobs)
      .toBe('done');

    const manager = await browser.open(org.mia, `/dashboards/${boardID}`);
    await widget(manager, 'portfolioHealth').waitFor(synced);
    await manager.getByRole('button', { name: 'Add widget' }).click();
    const dialog = manager.getByRole('dialog', { name: 'Add a widget' });
    await dialog.getByRole('button', { name: /^Type/ }).click();
    await dialog.getByRole('option', { name: 'Account health' }).click();
    // No account chosen: named before anything is sent.
    await dialog.getByRole('button', { name: 'Add widget' }).click();
    await dialog.getByText('An account health widget needs an account (accountId)').waitFor(synced);
    await dialog.getByRole('button', { name: /^Account/ }).click();
    // Active accounts only (the list is open: Acme is offered, Gone is not).
    await dialog.getByRole('option', { name: 'Acme' }).waitFor(synced);
    expect(await dialog.getByRole('option').allTextContents()).toEqual(['Acme', 'Beta', 'Cyan']);
    await dialog.getByRole('option', { name: 'Acme' }).click();
    await dialog.getByRole('button', { name: 'Add widget' }).click();
    await dialog.waitFor({ state: 'detached', ...synced });

    const card = manager.getByRole('article', { name: 'Account health' });
    await expect.poll(() => text(manager, 'accountHealth'), synced).toContain('25');
    expect(await card.textContent()).toContain('Health: Critical');
    expect(await card.getByRole('link', { name: 'Acme' }).getAttribute('href')).toBe(`/accounts/${acme}`);
    await card.getByRole('img', { name: /^Health by month, 2 months: / }).waitFor(synced);
    await record(acmeNps, 15);
    await expect.poll(() => text(manager, 'accountHealth'), jobs).toContain('Health: At risk');
    expect(await card.textContent()).toContain('62.5');

    const blank = expectStatus(
      await rest({ person: empty.eve, org: empty.id }, 'POST', '/api/dashboards', {
        name: 'Empty board',
        shared: true,
        widgets: [{ type: 'portfolioHealth', x: 0, y: 0, w: 6, h: 4 }],
      }),
      201,
    );
    const eve = await browser.open(empty.eve, `/dashboards/${blank.id}`);
    await widget(eve, 'portfolioHealth').getByText('No accounts yet: add one on Accounts.').waitFor(synced);
    expect(browser.pageErrors).toEqual([]);
  });

  test('refused data shows the refusal; a share link’s wall screen says health is not available there, and the rest stays live', async () => {
    const page = await browser.open(org.vic, `/dashboards/${boardID}`);
    await expect.poll(() => text(page, 'portfolioHealth'), synced).toContain('1 healthy');
    await page.evaluate(() => window.__liveKpi?.failDashboardQueries('The server refused the dashboard query.'));
    for (const type of ['portfolioHealth', 'accountHealth']) {
      await expect.poll(() => text(page, type), synced).toContain('The server refused the dashboard query.');
    }
    await page.evaluate(() => window.__liveKpi?.failDashboardQueries(null));
    await expect.poll(() => text(page, 'portfolioHealth'), synced).not.toContain('refused');

    // The admin is told before making the link.
    const admin = await browser.open(org.ada, `/dashboards/${boardID}`);
    await admin.getByRole('button', { name: 'Share link' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Share on a wall screen' });
    await dialog
      .getByText('On a shared screen, Portfolio health and Account health widgets show a notice instead')
      .waitFor(synced);
    await dialog.getByRole('button', { name: 'Create link' }).click();
    const url = await dialog.getByRole('textbox', { name: /Wall screen link/ }).inputValue();
    const tv = await browser.open(org.vic, new URL(url).pathname, { signedIn: false });
    await widget(tv, 'text').getByText('Our customers').waitFor(synced);
    for (const type of ['portfolioHealth', 'accountHealth']) {
      await widget(tv, type)
        .getByText(/Not available on a shared screen/)
        .waitFor(synced);
      expect(await text(tv, type)).not.toMatch(/Acme|Beta|refused/);
    }
    expect(await axeFindings(tv), 'axe on the wall screen').toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});
