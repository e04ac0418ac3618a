import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { axeFindings } from '../helpers/axe.ts';
import { useBrowser } from '../helpers/browser.ts';
import { synced } from '../helpers/deadlines.ts';
import { useOrg } from '../helpers/people.ts';
import { createKpi, expectStatus, rest } from '../helpers/rest.ts';

/**
 * Light and dark themes, each checked with axe-core (WCAG 2.1 A and AA,
 * colour contrast included) on the pages people use most, the KPI page with
 * its chart among them; and the theme and density choices themselves.
 */
describe('themes: accessible in light and dark, chosen once, kept', () => {
  const browser = useBrowser();
  const org = useOrg('Contrast Co', { tess: 'owner' });
  let kpiID = '';
  let accountID = '';
  let workOrderID = '';

  beforeAll(async () => {
    const auth = { person: org.tess, org: org.id };
    kpiID = (await createKpi(auth, { title: 'Orders shipped', targetValue: 120, unit: '' })).id;
    for (const [i, value] of [96, 104, 99, 112].entries()) {
      const recordedAt = new Date(Date.UTC(2026, 2, 1 + i * 7, 9)).toISOString();
      expectStatus(await rest(auth, 'POST', `/api/kpis/${kpiID}/records`, { value, recordedAt }), 201);
    }
    accountID = expectStatus(await rest(auth, 'POST', '/api/accounts', { name: 'Acme', annualRevenue: 120000 }), 201).id;
    workOrderID = expectStatus(await rest(auth, 'POST', '/api/work-orders', { number: 'WO-1', plannedQuantity: 500 }), 201).id;
    expectStatus(
      await rest(auth, 'POST', '/api/goals', {
        title: 'Ship faster',
        targetDate: '2027-03-31',
        kpis: [{ kpiId: kpiID, weight: 1 }],
      }),
      201,
    );
  });

  const live = (page: Page) => page.getByRole('status', { name: 'Sync status' }).filter({ hasText: 'Live' }).waitFor(synced);
  const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);

  /** Each page with what shows it is ready (axe checks only what is rendered). */
  const pages: { name: string; path: () => string; ready: (page: Page) => Promise<void>; shell?: false }[] = [
    {
      name: 'dashboard',
      path: () => '/',
      ready: (p) => p.getByRole('article', { name: 'Orders shipped' }).getByText('112').waitFor(synced),
    },
    {
      name: 'KPI page with its chart',
      path: () => `/kpis/${kpiID}`,
      ready: async (p) => {
        await p.locator('.apexcharts-canvas .apexcharts-toolbar').waitFor(synced);
        await p.getByRole('table', { name: /^Data points of Orders shipped/ }).waitFor(synced);
      },
    },
    {
      name: 'goals',
      path: () => '/goals',
      ready: async (p) => {
        await p.getByRole('button', { name: 'KPIs of Ship faster' }).click();
        await p.getByRole('table', { name: 'KPIs of Ship faster' }).waitFor(synced);
      },
    },
    { name: 'settings', path: () => '/settings', ready: (p) => p.getByRole('heading', { name: 'API keys' }).waitFor(synced) },
    {
      name: 'members',
      path: () => '/members',
      ready: (p) => p.getByRole('button', { name: 'Create invite link' }).waitFor(synced),
    },
    // Every other page of every pack, as this organization has it (its main heading shows it is drawn).
    ...[
      '/kpis',
      '/kpis/archived',
      '/accounts',
      '/settings/health',
      '/settings/reports',
      '/playbooks',
      '/shop-floor',
      '/work-orders',
      '/settings/shop-floor',
      '/shop-floor/import',
      '/shop-floor/entry',
      '/shop-floor/check-in',
    ].map((path) => ({ name: path, path: () => path, ready: (p: Page) => p.locator('h1').first().waitFor(synced) })),
    // Pages of one record.
    {
      name: 'account',
      path: () => `/accounts/${accountID}`,
      ready: (p) => p.getByRole('heading', { name: 'Acme', level: 1 }).waitFor(synced),
    },
    {
      name: 'work order',
      path: () => `/work-orders/${workOrderID}`,
      ready: (p) => p.getByRole('heading', { name: /WO-1/, level: 1 }).waitFor(synced),
    },
    // TV mode: its own frame (no header, so no sync badge) and theme, its controls in a corner.
    {
      name: 'TV mode',
      path: () => '/tv',
      shell: false,
      ready: (p) => p.getByRole('navigation', { name: 'TV mode' }).waitFor(synced),
    },
  ];

  for (const scheme of ['light', 'dark'] as const) {
    test(`no WCAG A/AA violation on any page when the system prefers ${scheme}`, async () => {
      const context = await browser.context(org.tess);
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      const found: Record<string, unknown> = {};
      for (const p of pages) {
        await page.goto(p.path());
        if (p.shell !== false) await live(page);
        await p.ready(page);
        // TV mode draws in its own (dark) theme, whatever the system prefers.
        if (p.shell !== false) expect(await theme(page)).toBe(scheme);
        const findings = await axeFindings(page);
        if (findings.length > 0) found[p.name] = findings;
      }
      // Signed out: the sign-in form.
      const signedOut = await (await browser.context(org.tess, { signedIn: false })).newPage();
      await signedOut.emulateMedia({ colorScheme: scheme });
      await signedOut.goto('/sign-in');
      await signedOut.getByRole('button', { name: 'Sign in' }).waitFor();
      expect(await theme(signedOut)).toBe(scheme);
      const signIn = await axeFindings(signedOut);
      if (signIn.length > 0) found['sign-in'] = signIn;
      expect(found).toEqual({});
    });
  }

  test('the chart follows the theme as it changes, and its toolbar stays out of the tab order', async () => {
    const page = await browser.open(org.tess, `/kpis/${kpiID}`);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.locator('.apexcharts-canvas .apexcharts-toolbar').waitFor(synced);
    const chart = () =>
      page.evaluate(() => ({
        label: document.querySelector('.line-chart-plot .apexcharts-xaxis-label')?.getAttribute('fill'),
        token: getComputedStyle(document.documentElement).getPropertyValue('--text-muted').trim(),
        dark: document.querySelector('.line-chart-plot .apexcharts-canvas')?.classList.contains('apexcharts-theme-dark'),
        tabbable: [...document.querySelectorAll<HTMLElement>('.line-chart-plot button')].filter((b) => b.tabIndex >= 0).length,
      }));
    const light = await chart();
    expect(light).toMatchObject({ label: light.token, dark: false, tabbable: 0 });

    // The system turns dark while the page is open: "System" follows it, and so does the chart.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => theme(page)).toBe('dark');
    await expect.poll(async () => (await chart()).dark).toBe(true);
    const dark = await chart();
    expect(dark.label).toBe(dark.token);
    expect(dark.label).not.toBe(light.label);

    // Zooming redraws the toolbar; its new buttons are kept out of the tab order too.
    await page.locator('.line-chart-plot .apexcharts-zoomin-icon').click();
    await expect.poll(async () => (await chart()).tabbable).toBe(0);
  });

  test('theme and density are chosen in the Display menu, kept across a reload, and applied before the app runs', async () => {
    const context = await browser.context(org.tess);
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    await live(page);
    expect(await page.evaluate(() => document.documentElement.dataset.density)).toBe('comfortable');

    await page.getByRole('button', { name: 'Display' }).click();
    await page.getByRole('menuitemradio', { name: 'Dark' }).click();
    await page.getByRole('menuitemradio', { name: 'Compact' }).click();
    expect(await page.getByRole('menuitemradio', { name: 'Dark' }).getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await theme(page)).toBe('dark');
    expect(await page.evaluate(() => document.documentElement.dataset.density)).toBe('compact');

    // With the app's code refused, only index.html's own script can set them: no light flash first.
    await context.route(/\/assets\/.*\.js$/, (route) => route.abort());
    await page.reload();
    expect(await theme(page)).toBe('dark');
    expect(await page.evaluate(() => document.documentElement.dataset.density)).toBe('compact');
    await context.unroute(/\/assets\/.*\.js$/);

    // A dark choice wins over a light system; "System" hands it back.
    await page.reload();
    await live(page);
    expect(await theme(page)).toBe('dark');
    await page.getByRole('button', { name: 'Display' }).click();
    await page.getByRole('menuitemradio', { name: 'System' }).click();
    await page.keyboard.press('Escape');
    expect(await theme(page)).toBe('light');
  });

  test('no page threw an error along the way', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
