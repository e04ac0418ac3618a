import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { everyWriteConfirmed, useBrowser } from '../helpers/browser.ts';
import { useAdminSql } from '../helpers/db.ts';
import { synced } from '../helpers/deadlines.ts';
import { useOrg } from '../helpers/people.ts';

/**
 * Issue 8's rough edges with numbers, in the browser: one reading of typed
 * numbers, bounds, a target of 0, a semicolon CSV, and the organization's
 * formats changed in Settings and seen live by another member.
 */
describe('numbers as people type and read them', () => {
  const browser = useBrowser();
  const sql = useAdminSql();
  const org = useOrg('Numbers GmbH', { olga: 'owner', max: 'viewer' });
  let page: Page;
  const card = (p: Page, name: string) => p.getByRole('article', { name, exact: true });

  const newKpi = async (name: string, target: string, options: { unit?: string; lower?: boolean } = {}) => {
    await page.getByRole('button', { name: 'New KPI' }).click();
    const dialog = page.getByRole('dialog', { name: 'New KPI' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    if (options.unit) {
      await dialog.getByRole('button', { name: /^Unit/ }).click();
      await dialog.getByRole('option', { name: options.unit, exact: true }).click();
    }
    if (options.lower) {
      await dialog.getByRole('button', { name: /^Direction/ }).click();
      await dialog.getByRole('option', { name: 'Lower is better' }).click();
    }
    await dialog.getByRole('textbox', { name: 'Target' }).fill(target);
    await dialog.getByRole('button', { name: 'Create KPI' }).click();
    return dialog;
  };

  test('the KPI form and the quick-add box read "45,250" and "1,234.5" alike; 1e308 and "1,23" get their reasons', async () => {
    page = await browser.open(org.olga, '/');
    await page.getByRole('heading', { name: 'No KPIs yet' }).waitFor();
    const refused = await newKpi('Too big', '1e308');
    await refused.getByText('“1e308” is not a number: exponents (“e”) are not accepted; write the digits out').waitFor();
    await refused.getByRole('textbox', { name: 'Target' }).fill('2,000,000,000,000,000');
    await refused.getByText('is beyond the limit of ±1,000,000,000,000,000').waitFor();
    await page.keyboard.press('Escape');
    await refused.waitFor({ state: 'hidden' });

    const dialog = await newKpi('Revenue', '45,250', { unit: '$' });
    await dialog.waitFor({ state: 'hidden' });
    await card(page, 'Revenue').getByText('Target $45,250').waitFor();

    const value = card(page, 'Revenue').getByRole('textbox', { name: 'Value' });
    await value.fill('1,23');
    await card(page, 'Revenue').getByRole('button', { name: 'Add data point to Revenue' }).click();
    await card(page, 'Revenue').getByText('thousands are grouped in threes').waitFor();
    await value.fill('1,234.5');
    await card(page, 'Revenue').getByRole('button', { name: 'Add data point to Revenue' }).click();
    await card(page, 'Revenue').getByText('$1,234.50').waitFor();
    await everyWriteConfirmed(page);
    const [row] = await sql`SELECT target, current_value FROM kpi WHERE organization_id = ${org.id} AND name = 'Revenue'`;
    expect(row).toEqual({ target: 45250, current_value: 1234.5 });
  });

  test('a target of 0 where lower is better: on track at 0, off track above it by how much', async () => {
    const dialog = await newKpi('Safety incidents', '0', { lower: true });
    await dialog.waitFor({ state: 'hidden' });
    const incidents = card(page, 'Safety incidents');
    await incidents.getByRole('textbox', { name: 'Value' }).fill('0');
    await incidents.getByRole('button', { name: 'Add data point to Safety incidents' }).click();
    await incidents.getByText('On track').waitFor();
    // The box empties once the server has the point: type the next one after that.
    await incidents.getByText('Saved.').waitFor();
    await incidents.getByRole('textbox', { name: 'Value' }).fill('3');
    await incidents.getByRole('button', { name: 'Add data point to Safety incidents' }).click();
    await incidents.getByText('Off track').waitFor();
    expect(await incidents.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('3 above target');
  });

  test('a semicolon CSV: "6,5" is six and a half; the extra column is named', async () => {
    await card(page, 'Revenue').getByRole('link', { name: 'Revenue' }).click();
    await page.getByRole('heading', { name: 'Revenue', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Import CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import data points' });
    const csv = ['date;value;region', '2026-01-05;6,5;EU', '2026-02-30;7,5;EU'].join('\n');
    await dialog.getByLabel('CSV file').setInputFiles({ name: 'revenue.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await dialog.getByRole('note').getByText('Not imported: the column “region”').waitFor();
    expect(await dialog.getByRole('list', { name: 'Problems' }).getByRole('listitem').allTextContents()).toEqual([
      'Line 3, date: “2026-02-30” is not a real date: February 2026 has 28 days',
    ]);
    await dialog.getByRole('button', { name: 'Import 1 row' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await everyWriteConfirmed(page);
    const rows = await sql`SELECT value FROM data_point WHERE organization_id = ${org.id} AND source = 'import'`;
    expect(rows).toEqual([{ value: 6.5 }]);
  });

  test('the owner switches the organization to German formats; another member sees it live', async () => {
    const viewer = await browser.open(org.max, '/');
    await card(viewer, 'Revenue').getByText('Target $45,250').waitFor(synced);

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: /^Locale/ }).click();
    await page.getByRole('option', { name: 'German (Germany) (de-DE)' }).click();
    await page.getByRole('button', { name: /^Currency/ }).click();
    await page.getByRole('option', { name: 'Euro (EUR)' }).click();
    await page.getByText('For example: 45.250,00').or(page.getByText('For example: 45.250 €')).waitFor();
    await page.getByRole('button', { name: 'Save formats' }).click();
    await everyWriteConfirmed(page);

    // German writes the dollar after the amount; decimals with a comma.
    await expect
      .poll(async () => (await card(viewer, 'Revenue').textContent())?.replace(/\s/g, ' '), synced)
      .toContain('Target 45.250 $');
    expect(await sql`SELECT locale, currency FROM organization WHERE id = ${org.id}`).toEqual([
      { locale: 'de-DE', currency: 'EUR' },
    ]);
    // The owner now types decimals with a comma.
    await page.getByRole('link', { name: 'Dashboard' }).click();
    const value = card(page, 'Revenue').getByRole('textbox', { name: 'Value' });
    await value.fill('2.000,5');
    await card(page, 'Revenue').getByRole('button', { name: 'Add data point to Revenue' }).click();
    await everyWriteConfirmed(page);
    await expect
      .poll(async () => (await card(viewer, 'Revenue').textContent())?.replace(/\s/g, ' '), synced)
      .toContain('2.000,50 $');
  });

  test('no page threw an error along the way', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
