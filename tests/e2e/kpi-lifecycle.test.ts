import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { everyWriteConfirmed, mutateInPage, useBrowser } from '../helpers/browser.ts';
import { useAdminSql } from '../helpers/db.ts';
import { synced } from '../helpers/deadlines.ts';
import { useOrg } from '../helpers/people.ts';

/**
 * A KPI's life in two browsers: Alice (owner) creates, edits, feeds, archives
 * and restores it through the UI while Bob (a viewer in the same
 * organization) keeps its page and the goals page open and sees every change
 * arrive without reloading.
 */
describe('a KPI from creation to archive, live for a second person', () => {
  const browser = useBrowser();
  const sql = useAdminSql();
  const org = useOrg('Lifecycle Ltd', { alice: 'owner', bob: 'viewer' });
  let kpiID: string;
  let pageA: Page;
  let pageB: Page;
  const bobNavigations: string[] = [];
  const kpiName = 'Support backlog';
  const goalTitle = 'Cut the backlog';

  const summary = (page: Page) => page.getByRole('figure', { name: 'History' });
  const pointsTable = (page: Page) => page.getByRole('table', { name: new RegExp(`^Data points of ${kpiName}`) });
  const dataRows = (page: Page) => pointsTable(page).locator('tbody').getByRole('row');

  /** "YYYY-MM-DDTHH:mm" in the browser's own time zone, `daysAgo` days back: what a datetime-local input takes. */
  const localTime = (page: Page, daysAgo: number) =>
    page.evaluate((days) => {
      const d = new Date(Date.now() - days * 86_400_000);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
    }, daysAgo);

  const addPoint = async (page: Page, value: string, opts: { daysAgo?: number; note?: string } = {}) => {
    const form = page.getByRole('form', { name: 'Add a data point' });
    await form.getByRole('textbox', { name: /^Value/ }).fill(value);
    if (opts.daysAgo !== undefined) await form.getByLabel('Time').fill(await localTime(page, opts.daysAgo));
    if (opts.note) await form.getByRole('textbox', { name: 'Note' }).fill(opts.note);
    await form.getByRole('button', { name: 'Add data point' }).click();
    await form.getByText('Data point added.').waitFor();
  };

  test('Alice creates the KPI through the full form; Bob opens its page', async () => {
    pageA = await browser.open(org.alice, '/');
    await pageA.getByRole('heading', { name: 'No KPIs yet' }).waitFor();
    await pageA.getByRole('button', { name: 'New KPI' }).click();
    const dialog = pageA.getByRole('dialog', { name: 'New KPI' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(kpiName);
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Open tickets at the end of the day.');
    await dialog.getByRole('button', { name: /^Unit/ }).click();
    await dialog.getByRole('option', { name: 'items', exact: true }).click();
    await dialog.getByRole('button', { name: /^Category/ }).click();
    await dialog.getByRole('option', { name: 'Support', exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Target' }).fill('40');
    await dialog.getByRole('button', { name: /^Direction/ }).click();
    await dialog.getByRole('option', { name: 'Lower is better' }).click();
    await dialog.getByRole('button', { name: /^Frequency/ }).click();
    await dialog.getByRole('option', { name: 'Daily' }).click();
    await dialog.getByRole('button', { name: 'Create KPI' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await pageA.getByRole('article', { name: kpiName }).getByRole('link', { name: kpiName }).click();
    await pageA.waitForURL(/\/kpis\/[^/]+$/);
    kpiID = new URL(pageA.url()).pathname.split('/').pop()!;
    await pageA.getByRole('heading', { name: kpiName, level: 1 }).waitFor();

    await everyWriteConfirmed(pageA);
    const [row] = await sql`SELECT organization_id, unit, category, target, direction, frequency, owner_id, description
      FROM kpi WHERE id = ${kpiID}`;
    expect(row).toEqual({
      organization_id: org.id,
      unit: 'items',
      category: 'support',
      target: 40,
      direction: 'lower',
      frequency: 'daily',
      owner_id: org.alice.userID,
      description: 'Open tickets at the end of the day.',
    });

    pageB = await browser.open(org.bob, `/kpis/${kpiID}`);
    await pageB.getByRole('heading', { name: kpiName, level: 1 }).waitFor();
    pageB.on('framenavigated', (f) => {
      if (f === pageB.mainFrame()) bobNavigations.push(f.url());
    });
    await expect.poll(() => summary(pageB).textContent(), synced).toContain('Target 40 items (lower is better)');
    // A viewer reads; the page offers Bob nothing to change.
    expect(await pageB.getByRole('button', { name: 'Edit KPI' }).count()).toBe(0);
    expect(await pageB.getByRole('form', { name: 'Add a data point' }).count()).toBe(0);
  });

  test('Alice edits the target and adds points (one back-dated); Bob sees the chart and table change without a reload', async () => {
    // Fields the form does not show (set elsewhere: REST, the customer-success pack) survive an edit in it.
    const accountID = randomUUID();
    await sql`INSERT INTO cs_account (id, organization_id, name, created_at, updated_at)
              VALUES (${accountID}, ${org.id}, 'Lifecycle customer', now(), now())`;
    const described = 'Open tickets at the end of the day, after triage.';
    await sql`UPDATE kpi SET account_id = ${accountID}, health_category = 'Support & Experience', weight = 3,
              description = ${described} WHERE id = ${kpiID}`;
    // The description shows once the row has synced, with the fields beside it.
    await pageA.getByText(described).waitFor({ timeout: synced.timeout });
    await pageA.getByRole('button', { name: 'Edit KPI' }).click();
    const dialog = pageA.getByRole('dialog', { name: 'Edit KPI' });
    await dialog.getByRole('textbox', { name: 'Target' }).fill('30');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => summary(pageB).textContent(), synced).toContain('Target 30 items (lower is better)');
    await everyWriteConfirmed(pageA);
    const [kept] = await sql`SELECT account_id, health_category, weight, description FROM kpi WHERE id = ${kpiID}`;
    expect(kept).toEqual({ account_id: accountID, health_category: 'Support & Experience', weight: 3, description: described });

    await addPoint(pageA, '35');
    await expect.poll(() => summary(pageB).textContent(), synced).toContain('1 data point in all');
    await addPoint(pageA, '50', { daysAgo: 3, note: 'Before the new triage rota' });

    await expect.poll(() => summary(pageB).textContent(), synced).toContain('2 data points in all');
    // The back-dated point goes below the newer one and does not become the current value.
    expect(await summary(pageB).textContent()).toContain('Latest 35 items');
    await expect.poll(() => dataRows(pageB).count()).toBe(2);
    expect(await dataRows(pageB).nth(0).textContent()).toContain('35 items');
    expect(await dataRows(pageB).nth(1).textContent()).toContain('50 items');
    expect(await dataRows(pageB).nth(1).textContent()).toContain('Before the new triage rota');
    expect(await dataRows(pageB).nth(1).textContent()).toContain('Alice');
    // Lower is better: 35 against 30 is 30/35 of the way, "at risk".
    const bar = pageB.getByRole('progressbar', { name: 'Progress to target' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('86');
    expect(await pageB.getByText('At risk').first().isVisible()).toBe(true);
    expect(bobNavigations).toEqual([]);

    const points = await sql`SELECT value, note, created_by FROM data_point WHERE kpi_id = ${kpiID} ORDER BY recorded_at`;
    expect(points).toEqual([
      { value: 50, note: 'Before the new triage rota', created_by: org.alice.userID },
      { value: 35, note: '', created_by: org.alice.userID },
    ]);
    const [kpi] = await sql`SELECT target, current_value FROM kpi WHERE id = ${kpiID}`;
    expect(kpi).toEqual({ target: 30, current_value: 35 });
  });

  test('a goal fed by the KPI: its progress moves on Bob’s goals page when Alice adds a point', async () => {
    await pageA.goto('/goals');
    await pageA.getByRole('button', { name: 'New goal' }).click();
    const dialog = pageA.getByRole('dialog', { name: 'New goal' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(goalTitle);
    await dialog.getByRole('button', { name: 'Add a KPI' }).click();
    await dialog.getByRole('button', { name: /^KPI 1/ }).click();
    await dialog.getByRole('option', { name: kpiName }).click();
    expect(await dialog.getByRole('status', { name: 'Share of KPI 1' }).textContent()).toContain('100%');
    await dialog.getByRole('button', { name: 'Create goal' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await pageB.goto('/goals');
    const goal = pageB.getByRole('article', { name: goalTitle });
    const progress = goal.getByRole('progressbar', { name: 'Progress' });
    await expect.poll(() => progress.getAttribute('aria-valuenow'), synced).toBe('86');

    await pageA.goto(`/kpis/${kpiID}`);
    await addPoint(pageA, '28');
    await expect.poll(() => progress.getAttribute('aria-valuenow'), synced).toBe('100');
    const [row] = await sql`SELECT progress FROM goal WHERE organization_id = ${org.id} AND title = ${goalTitle}`;
    expect(row).toEqual({ progress: 1 });
  });

  test('Alice archives the KPI: Bob sees the archived banner live; restoring clears it', async () => {
    await pageB.goto(`/kpis/${kpiID}`);
    await pageB.getByRole('heading', { name: kpiName, level: 1 }).waitFor();

    await pageA.getByRole('button', { name: 'Archive' }).click();
    const confirm = pageA.getByRole('alertdialog', { name: `Archive ${kpiName}?` });
    await confirm.getByRole('button', { name: 'Archive' }).click();
    await confirm.waitFor({ state: 'hidden' });

    await pageB.getByText('Archived — history is kept').waitFor(synced);
    // On Alice's page the data controls stay visible but are disabled, with the reason.
    await pageA.getByText('Archived — history is kept').waitFor();
    expect(await pageA.getByRole('button', { name: 'Add data point' }).isDisabled()).toBe(true);
    expect(await pageA.getByRole('button', { name: 'Import CSV' }).isDisabled()).toBe(true);
    expect(await pageA.getByRole('button', { name: 'Edit KPI' }).isDisabled()).toBe(true);
    expect(await pageA.getByText('This KPI is archived: restore it to add, import or change data.').first().isVisible()).toBe(
      true,
    );
    // The history is kept.
    expect(await dataRows(pageB).count()).toBe(3);
    const [archived] = await sql`SELECT archived_at IS NOT NULL AS archived FROM kpi WHERE id = ${kpiID}`;
    expect(archived).toEqual({ archived: true });

    await pageA.goto('/kpis/archived');
    await pageA
      .getByRole('listitem', { name: kpiName })
      .getByRole('button', { name: `Restore ${kpiName}` })
      .click();
    await pageA.getByRole('heading', { name: 'No archived KPIs' }).waitFor({ timeout: 10_000 });
    await expect.poll(() => pageB.getByText('Archived — history is kept').count(), synced).toBe(0);
    expect(await pageB.getByRole('progressbar', { name: 'Progress to target' }).getAttribute('aria-valuenow')).toBe('100');
    expect(bobNavigations.filter((u) => !u.includes('/goals') && !u.endsWith(`/kpis/${kpiID}`))).toEqual([]);
  });

  test('a CSV import with a bad row lists its line and field, and writes only the good rows once confirmed', async () => {
    const refundsID = randomUUID();
    await pageA.goto('/');
    await pageA.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await expect.poll(() => pageA.getByRole('status', { name: 'Sync status' }).textContent(), synced).toContain('Live');
    const created = await mutateInPage(pageA, 'kpi.create', { id: refundsID, name: 'Refund rate', unit: '%', target: 2 });
    expect(created).toEqual({ status: 'saved' });
    await pageA.goto(`/kpis/${refundsID}`);
    await pageA.getByRole('heading', { name: 'Refund rate', level: 1 }).waitFor();

    await pageA.getByRole('button', { name: 'Import CSV' }).click();
    const dialog = pageA.getByRole('dialog', { name: 'Import data points' });
    const csv = [
      'date,value,note',
      '2026-01-05,2.5,first week',
      '2026-01-12,lots,',
      '2026-01-19,1.9,',
      '2026-01-26,1.7,after the fix',
    ].join('\n');
    await dialog.getByLabel('CSV file').setInputFiles({ name: 'refunds.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

    const problems = dialog.getByRole('list', { name: 'Problems' });
    await problems.waitFor();
    // The reason comes from the one number reader the forms use too (shared/numbers.ts).
    expect(await problems.getByRole('listitem').allTextContents()).toEqual(['Line 3, value: “lots” is not a number']);
    expect(await dialog.getByRole('status').textContent()).toContain('4 rows read: 3 rows ready to import, 1 problem to fix');
    // Nothing is written before the person confirms.
    const [before] = await sql`SELECT count(*)::int AS n FROM data_point WHERE kpi_id = ${refundsID}`;
    expect(before).toEqual({ n: 0 });

    await dialog.getByRole('button', { name: 'Import 3 rows' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const table = pageA.getByRole('table', { name: /^Data points of Refund rate/ });
    await expect.poll(() => table.locator('tbody').getByRole('row').count()).toBe(3);
    expect(await table.locator('tbody').getByRole('row').first().textContent()).toContain('after the fix');
    await everyWriteConfirmed(pageA);

    const rows = await sql`SELECT value, note, source, to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
      FROM data_point WHERE kpi_id = ${refundsID} ORDER BY recorded_at`;
    expect(rows).toEqual([
      { value: 2.5, note: 'first week', source: 'import', day: '2026-01-05' },
      { value: 1.9, note: '', source: 'import', day: '2026-01-19' },
      { value: 1.7, note: 'after the fix', source: 'import', day: '2026-01-26' },
    ]);
    const [kpi] = await sql`SELECT current_value FROM kpi WHERE id = ${refundsID}`;
    expect(kpi).toEqual({ current_value: 1.7 });
  });

  test('no page threw an error along the way', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
