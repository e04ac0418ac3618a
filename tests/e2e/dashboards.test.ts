import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { axeFindings } from '../helpers/axe.ts';
import { useBrowser } from '../helpers/browser.ts';
import { useAdminSql } from '../helpers/db.ts';
import { synced } from '../helpers/deadlines.ts';
import { useOrg } from '../helpers/people.ts';
import { createKpi, expectStatus, rest } from '../helpers/rest.ts';

const TYPES = ['number', 'line', 'bar', 'gauge', 'goal', 'table', 'text'] as const;
const DAY = 86_400_000;

/** Every widget's place as the page's grid holds it (gridstack's node on each item), by widget id. */
const layoutOf = (page: Page) =>
  page.locator('.grid-stack-item').evaluateAll((items) =>
    Object.fromEntries(
      items.map((el) => {
        const n = (el as HTMLElement & { gridstackNode?: { x?: number; y?: number; w?: number; h?: number } }).gridstackNode;
        return [
          String((n as { id?: unknown } | undefined)?.id ?? el.getAttribute('gs-id')),
          [n?.x ?? 0, n?.y ?? 0, n?.w ?? 1, n?.h ?? 1],
        ];
      }),
    ),
  );

describe('dashboards in a real browser', () => {
  const browser = useBrowser();
  const sql = useAdminSql();
  const org = useOrg('Dash Co', { ada: 'owner', mia: 'manager', vic: 'viewer' });
  const me = () => ({ person: org.mia, org: org.id });
  let board: { id: string; widgets: { id: string; type: string }[] };

  const widget = (page: Page, type: string) => page.locator(`article.widget[data-type="${type}"]`);

  test('every widget type renders with data, without data, and when the data is refused', async () => {
    const revenue = await createKpi(me(), { title: 'Revenue', targetValue: 2000, unit: '$' });
    const churn = await createKpi(me(), { title: 'Churn', targetValue: 5, unit: '%', direction: 'lower' });
    const blank = await createKpi(me(), { title: 'Blank', targetValue: 10 });
    const now = Date.now();
    for (const [days, value] of [
      [40, 900],
      [20, 1000],
      [10, 1100],
      [1, 1234],
    ] as const) {
      await rest(me(), 'POST', `/api/kpis/${revenue.id}/records`, {
        value,
        recordedAt: new Date(now - days * DAY).toISOString(),
      });
      await rest(me(), 'POST', `/api/kpis/${churn.id}/records`, {
        value: value / 200,
        recordedAt: new Date(now - days * DAY).toISOString(),
      });
    }
    const goal = expectStatus(
      await rest(me(), 'POST', '/api/goals', {
        title: 'Grow it',
        targetDate: '2031-01-01',
        kpis: [{ kpiId: revenue.id, weight: 1 }],
      }),
      201,
    );
    const blankGoal = expectStatus(
      await rest(me(), 'POST', '/api/goals', {
        title: 'Nothing yet',
        targetDate: '2031-01-01',
        kpis: [{ kpiId: blank.id, weight: 1 }],
      }),
      201,
    );
    const widgets = (kpi: string, two: string, goalID: string) => [
      { type: 'number', kpiIds: [kpi], x: 0, y: 0, w: 3, h: 2 },
      { type: 'line', kpiIds: [kpi, two], x: 3, y: 0, w: 6, h: 4, options: { showTarget: true } },
      { type: 'gauge', kpiIds: [kpi], x: 9, y: 0, w: 3, h: 3 },
      { type: 'bar', kpiIds: [kpi], x: 0, y: 4, w: 6, h: 4, options: { bucket: 'week', aggregate: 'last' } },
      { type: 'goal', goalId: goalID, x: 6, y: 4, w: 3, h: 3 },
      { type: 'table', kpiIds: [kpi, two], x: 0, y: 8, w: 6, h: 3 },
      { type: 'text', text: 'Hello team', x: 9, y: 4, w: 3, h: 2 },
    ];
    board = expectStatus(
      await rest(me(), 'POST', '/api/dashboards', {
        name: 'Ops board',
        shared: true,
        widgets: widgets(revenue.id, churn.id, goal.id),
      }),
      201,
    );
    const quiet = expectStatus(
      await rest(me(), 'POST', '/api/dashboards', {
        name: 'Quiet board',
        shared: true,
        widgets: widgets(blank.id, blank.id, blankGoal.id).map((w) =>
          w.kpiIds?.length === 2 ? { ...w, kpiIds: [blank.id] } : w,
        ),
      }),
      201,
    );

    const page = await browser.open(org.mia, `/dashboards/${board.id}`);
    await page.getByRole('heading', { name: 'Ops board' }).waitFor(synced);
    for (const type of TYPES) await widget(page, type).waitFor(synced);
    await expect.poll(() => page.locator('.widget-skeleton').count(), synced).toBe(0);
    expect(await page.locator('.widget-empty, .widget-notice').count()).toBe(0);
    await expect.poll(() => widget(page, 'number').textContent(), synced).toContain('1,234');
    expect(await widget(page, 'gauge').getByRole('meter').count()).toBe(1);
    expect(await widget(page, 'table').getByRole('row', { name: /Churn/ }).count()).toBe(1);
    expect(await widget(page, 'goal').textContent()).toContain('Grow it');
    expect(await widget(page, 'text').textContent()).toContain('Hello team');
    // Charts speak as text: a summary and the values, whatever the drawing does.
    for (const type of ['line', 'bar']) expect(await widget(page, type).textContent()).toContain('Revenue');

    // Refused data: over what is on screen, a line at the foot; the numbers stay.
    await page.evaluate(() => window.__liveKpi?.failDashboardQueries('The server refused the dashboard query.'));
    for (const type of TYPES.filter((t) => t !== 'text')) {
      await expect.poll(() => widget(page, type).textContent(), synced).toContain('The server refused the dashboard query.');
    }
    expect(await widget(page, 'number').textContent()).toContain('1,234');
    await page.evaluate(() => window.__liveKpi?.failDashboardQueries(null));

    // Nothing to show: each says what is missing.
    await page.goto(`/dashboards/${quiet.id}`);
    await page.getByRole('heading', { name: 'Quiet board' }).waitFor(synced);
    for (const type of ['number', 'line', 'gauge', 'bar'] as const) {
      await widget(page, type).locator('.widget-empty').waitFor(synced);
    }
    // A table still lists its KPIs, each without a value yet.
    await widget(page, 'table').getByRole('row', { name: /Blank/ }).waitFor(synced);
    expect(await widget(page, 'text').textContent()).toContain('Hello team');
    // Refused with nothing on screen: the message where the content would be.
    await page.evaluate(() => window.__liveKpi?.failDashboardQueries('The server refused the dashboard query.'));
    for (const type of ['number', 'line', 'gauge', 'bar'] as const)
      await widget(page, type).locator('.widget-notice').waitFor(synced);
    expect(browser.pageErrors).toEqual([]);
  });

  test('a dashboard passes axe in light and dark, and fits a phone in one column', async () => {
    const page = await browser.open(org.mia, `/dashboards/${board.id}`);
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => localStorage.setItem('live-kpi:theme', t), theme);
      await page.reload();
      for (const type of TYPES) await widget(page, type).waitFor(synced);
      await expect.poll(() => page.locator('.widget-skeleton').count(), synced).toBe(0);
      await page.locator('.apexcharts-canvas').first().waitFor(synced);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      expect(await axeFindings(page), `axe in ${theme}`).toEqual([]);
    }
    const phone = await browser.open(org.mia, `/dashboards/${board.id}`, { viewport: { width: 375, height: 740 } });
    for (const type of TYPES) await widget(phone, type).waitFor(synced);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const lefts = await phone
      .locator('article.widget')
      .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
    expect(new Set(lefts).size, 'one column').toBe(1);
  });

  test('two people arrange one dashboard at once: each sees who is arranging, no move is lost, both end the same', async () => {
    const [pageA, pageM] = await Promise.all([
      browser.open(org.ada, `/dashboards/${board.id}`),
      browser.open(org.mia, `/dashboards/${board.id}`),
    ]);
    for (const page of [pageA, pageM]) {
      await widget(page, 'text').waitFor(synced);
      await page.getByRole('button', { name: 'Arrange' }).click();
    }
    await pageM.getByText(/Ada is arranging this dashboard|Ada is moving/).waitFor(synced);
    await pageA.getByText(/Mia is arranging this dashboard|Mia is moving/).waitFor(synced);

    const numberID = board.widgets.find((w) => w.type === 'number')!.id;
    const textID = board.widgets.find((w) => w.type === 'text')!.id;
    // At the same time: Ada moves the number widget down with the keyboard handle; Mia drags the note.
    const byKeyboard = async () => {
      const handle = widget(pageA, 'number').getByRole('button', { name: /Move or resize/ });
      await handle.focus();
      for (let i = 0; i < 3; i++) await handle.press('ArrowDown');
    };
    const byMouse = async () => {
      const note = widget(pageM, 'text');
      const box = (await note.boundingBox())!;
      await pageM.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await pageM.mouse.down();
      await pageM.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 120, { steps: 12 });
      await pageM.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 300, { steps: 12 });
      await pageM.mouse.up();
    };
    await Promise.all([byKeyboard(), byMouse()]);

    const stored = async () =>
      Object.fromEntries(
        (
          await sql<{ id: string; x: number; y: number; w: number; h: number }[]>`
          SELECT id, x, y, w, h FROM dashboard_widget WHERE dashboard_id = ${board.id}`
        ).map((r) => [r.id, [r.x, r.y, r.w, r.h]]),
      );
    // Both moves were kept...
    await expect.poll(async () => (await stored())[numberID]?.[1], synced).toBe(3);
    await expect.poll(async () => (await stored())[textID]?.[1], synced).toBeGreaterThan(4);
    // ...and both screens end with the layout that was saved.
    const saved = await stored();
    await expect.poll(() => layoutOf(pageA), synced).toEqual(saved);
    await expect.poll(() => layoutOf(pageM), synced).toEqual(saved);
  });

  test('a viewer sees the dashboard read-only, with the reason where the controls would be', async () => {
    const page = await browser.open(org.vic, `/dashboards/${board.id}`);
    await page.getByText('Read-only for your role').first().waitFor(synced);
    expect(await page.getByRole('button', { name: 'Arrange' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Share link' }).count()).toBe(0);
  });

  test('a TV link opened signed out shows a value change live, and says so once revoked', async () => {
    const sales = await createKpi(me(), { title: 'Sales today', targetValue: 5000 });
    await rest(me(), 'POST', `/api/kpis/${sales.id}/records`, { value: 1234 });
    const wall = expectStatus(
      await rest(me(), 'POST', '/api/dashboards', {
        name: 'Lobby wall',
        shared: true,
        widgets: [{ type: 'number', kpiIds: [sales.id], x: 0, y: 0, w: 4, h: 2 }],
      }),
      201,
    );
    const admin = await browser.open(org.ada, `/dashboards/${wall.id}`);
    await admin.getByRole('button', { name: 'Share link' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Share on a wall screen' });
    await dialog.getByRole('button', { name: 'Create link' }).click();
    const url = await dialog.getByRole('textbox', { name: /Wall screen link/ }).inputValue();
    expect(url).toMatch(/\/tv\/lks_/);

    const tv = await browser.open(org.vic, new URL(url).pathname, { signedIn: false });
    await widget(tv, 'number').waitFor(synced);
    await expect.poll(() => widget(tv, 'number').textContent(), synced).toContain('1,234');
    expect(tv.url()).toContain('/tv/');
    expect(await tv.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await axeFindings(tv), 'axe on the wall screen').toEqual([]);
    // The token opens nothing else.
    const token = new URL(url).pathname.split('/').pop()!;
    expect((await rest({ key: token }, 'GET', '/api/dashboards')).status).toBe(401);

    await rest(me(), 'POST', `/api/kpis/${sales.id}/records`, { value: 4321 });
    await expect.poll(() => widget(tv, 'number').textContent(), synced).toContain('4,321');

    await dialog.getByRole('button', { name: 'Revoke all links' }).click();
    await tv.getByRole('heading', { name: 'This link is no longer valid' }).waitFor(synced);
    expect(await tv.locator('article.widget').count()).toBe(0);
  });
});
