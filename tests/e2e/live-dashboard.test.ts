import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { mutateInPage, useBrowser } from '../helpers/browser.ts';
import { useAdminSql } from '../helpers/db.ts';
import { synced } from '../helpers/deadlines.ts';
import { useOrg } from '../helpers/people.ts';
import { createKpi } from '../helpers/rest.ts';

/**
 * Three (then four) people in their own browser contexts: Alice and Bob share
 * an organization, Carol has her own, Vic is a viewer in Alice's.
 */
describe('the live dashboard in a real browser', () => {
  const browser = useBrowser();
  const sql = useAdminSql();
  const acme = useOrg('Acme Analytics', { alice: 'owner', bob: 'operator', vic: 'viewer' });
  const carolCorp = useOrg('Carol Corp', { carol: 'owner' });
  let pageA: Page;
  let pageB: Page;
  let pageC: Page;
  const kpiName = 'Customer churn';

  const card = (page: Page, name = kpiName) => page.getByRole('article', { name, exact: true });
  const cardNames = (page: Page) =>
    page
      .getByRole('list', { name: 'KPIs' })
      .getByRole('article')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label')));

  test('Alice signs in through the form; Bob and Carol open their dashboards', async () => {
    pageA = await browser.open(acme.alice, '/', { signedIn: false });
    await pageA.waitForURL(/\/sign-in/);
    await pageA.getByRole('textbox', { name: 'Email' }).fill(acme.alice.email);
    await pageA.getByRole('textbox', { name: 'Password' }).fill(acme.alice.password);
    await pageA.getByRole('button', { name: 'Sign in', exact: true }).click();
    await pageA.getByRole('heading', { name: 'No KPIs yet' }).waitFor();
    await expect.poll(() => pageA.getByRole('status', { name: 'Sync status' }).textContent(), synced).toContain('Live');

    pageB = await browser.open(acme.bob, '/');
    pageC = await browser.open(carolCorp.carol, '/');
    await pageB.getByRole('heading', { name: 'No KPIs yet' }).waitFor();
    await pageC.getByRole('heading', { name: 'No KPIs yet' }).waitFor();
    expect(await pageB.getByRole('button', { name: /Organization Acme Analytics/ }).count()).toBe(1);
    expect(await pageC.getByRole('button', { name: /Organization Carol Corp/ }).count()).toBe(1);
  });

  test('a KPI Alice creates and a data point she adds appear for Bob without a reload, never for Carol', async () => {
    const bobNavigations: string[] = [];
    pageB.on('framenavigated', (f) => {
      if (f === pageB.mainFrame()) bobNavigations.push(f.url());
    });

    await pageA.getByRole('button', { name: 'New KPI' }).click();
    const dialog = pageA.getByRole('dialog', { name: 'New KPI' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(kpiName);
    // Unit is a select of the organization's units (predefined plus its own additions).
    await dialog.getByRole('button', { name: /^Unit/ }).click();
    await dialog.getByRole('option', { name: '%', exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Target' }).fill('5');
    await dialog.getByRole('button', { name: 'Create KPI' }).click();
    await card(pageA).waitFor();

    await card(pageB).waitFor(synced);
    expect(await card(pageB).textContent()).toContain('No data yet');

    await card(pageA).getByRole('textbox', { name: 'Value' }).fill('3.2');
    await card(pageA)
      .getByRole('button', { name: `Add data point to ${kpiName}` })
      .click();
    await expect.poll(() => card(pageB).textContent(), synced).toContain('3.2%');
    const bar = card(pageB).getByRole('progressbar', { name: 'Progress to target' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('64');
    expect(bobNavigations).toEqual([]);

    // Carol's dashboard never shows it. Rather than wait a while and look, a
    // KPI of her own, created after Alice's writes, marks the point: sync
    // delivers changes in commit order, so once hers is on her screen,
    // anything of Alice's that could reach her would be there too.
    await createKpi({ person: carolCorp.carol, org: carolCorp.id }, { title: 'Carol marker', targetValue: 1, unit: '' });
    await card(pageC, 'Carol marker').waitFor(synced);
    expect(await cardNames(pageC)).toEqual(['Carol marker']);
    expect(await pageC.getByText(kpiName).count()).toBe(0);

    const [row] = await sql`SELECT k.organization_id, k.current_value, count(d.id)::int AS points
      FROM kpi k LEFT JOIN data_point d ON d.kpi_id = k.id WHERE k.name = ${kpiName} GROUP BY k.id`;
    expect(row).toEqual({ organization_id: acme.id, current_value: 3.2, points: 1 });
  });

  test("a viewer's write is refused by the server, rolled back on screen, and the UI says why", async () => {
    const pageV = await browser.open(acme.vic, '/');
    const vicCard = card(pageV);
    await expect.poll(() => vicCard.textContent(), synced).toContain('3.2%');
    expect(await pageV.getByRole('button', { name: /Add data point/ }).count()).toBe(0);
    expect(await pageV.getByRole('button', { name: 'New KPI' }).count()).toBe(0);

    const kpiID = await vicCard.getAttribute('data-kpi-id');
    expect(kpiID).toBeTruthy();
    const seen: string[] = [];
    await pageV.exposeFunction('__recordValue', (text: string) => seen.push(text));
    await pageV.evaluate((id) => {
      const el = document.querySelector(`[data-kpi-id="${id}"] .kpi-value`);
      if (!el) throw new Error('card not found');
      new MutationObserver(() =>
        (window as unknown as { __recordValue(t: string): void }).__recordValue(el.textContent ?? ''),
      ).observe(el, { subtree: true, childList: true, characterData: true });
    }, kpiID);
    const outcome = await mutateInPage(pageV, 'dataPoint.add', { kpiID, value: 999 });
    expect(outcome).toMatchObject({ status: 'rejected', code: 'FORBIDDEN' });

    const toast = pageV
      .getByRole('region', { name: /Notifications/ })
      .getByRole('status')
      .filter({ hasText: 'Change not saved' });
    await toast.waitFor();
    expect(await toast.textContent()).toContain('Your role (Viewer) cannot add data points');
    // The optimistic value showed, then went back to the confirmed one.
    expect(seen.some((t) => t.includes('999'))).toBe(true);
    await expect.poll(() => vicCard.textContent()).toContain('3.2%');
    const [count] = await sql`SELECT count(*)::int AS n FROM data_point WHERE kpi_id = ${kpiID} AND value = 999`;
    expect(count).toEqual({ n: 0 });
  });

  test('invalid KPI fields give field messages in the form, and nothing is written', async () => {
    const before = await sql`SELECT count(*)::int AS n FROM kpi WHERE organization_id = ${acme.id}`;
    await pageA.getByRole('button', { name: 'New KPI' }).click();
    const dialog = pageA.getByRole('dialog', { name: 'New KPI' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('   ');
    await dialog.getByRole('textbox', { name: 'Target' }).fill('-4');
    await dialog.getByRole('button', { name: 'Create KPI' }).click();
    await dialog.getByText('Name is required').waitFor();
    await dialog.getByText('Target must be a positive number').waitFor();
    const name = dialog.getByRole('textbox', { name: 'Name' });
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await pageA.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    const after = await sql`SELECT count(*)::int AS n FROM kpi WHERE organization_id = ${acme.id}`;
    expect(after).toEqual(before);
  });
});
