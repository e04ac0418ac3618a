import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { axeFindings } from '../../helpers/axe.ts';
import { everyWriteConfirmed, mutateInPage, useBrowser } from '../../helpers/browser.ts';
import { useAdminSql } from '../../helpers/db.ts';
import { synced } from '../../helpers/deadlines.ts';
import { useOrg } from '../../helpers/people.ts';
import { useZeroClients } from '../../helpers/zero-client.ts';
import { buildEntryWorld, type EntryWorld, focusedLabel, pasteInto, sheet } from './entry-world.ts';

describe('/shop-floor/entry in a real browser', () => {
  const browser = useBrowser();
  const org = useOrg('Entry grid Co', { ada: 'owner', mia: 'manager', otto: 'operator', olga: 'operator', vic: 'viewer' });
  const sql = useAdminSql({ max: 2 });
  const open = useZeroClients();
  let world: EntryWorld;
  beforeAll(async () => {
    world = await buildEntryWorld(org.mia, org.id, open);
  });

  const cell = (page: Page, label: string) => page.getByLabel(label, { exact: true });
  const live = (page: Page) => page.getByRole('status', { name: 'Sync status' }).filter({ hasText: 'Live' }).waitFor(synced);
  const savedEntries = () =>
    sql<{ units_produced: number; units_defective: number; work_order_id: string }[]>`
      SELECT units_produced, units_defective, work_order_id FROM sf_production_entry
      WHERE organization_id = ${org.id} ORDER BY units_produced`;
  const recent = (page: Page) => page.getByRole('list', { name: 'Recent production entries, newest first' });

  test('keyboard entry of two rows, a paste of three, a refused row kept, read-back, then live on a manager’s page; drafts survive a reload', async () => {
    const [otto, mia] = await Promise.all([
      browser.open(org.otto, '/shop-floor/entry'),
      browser.open(org.mia, '/shop-floor/entry'),
    ]);
    await Promise.all([live(otto), live(mia)]);
    await cell(otto, 'Shift date, row 1').click();

    // Row 1, Tab by Tab; Tab past the last cell adds row 2 with the shift's date, line, shift and order carried down.
    await otto.keyboard.press('ControlOrMeta+A');
    await otto.keyboard.type('2026-12-02');
    for (const value of ['Line 1', 'Night', 'WO-1001', '', '480', '3', '7.5', '6', '6']) {
      await otto.keyboard.press('Tab');
      if (value) await otto.keyboard.type(value);
    }
    await otto.keyboard.press('Tab');
    expect(await focusedLabel(otto)).toBe('Shift date, row 2');
    expect(await cell(otto, 'Line, row 2').inputValue()).toBe('Line 1');

    // Row 2: the arrows move over carried cells (their text is selected), then the numbers.
    for (let i = 0; i < 5; i += 1) await otto.keyboard.press('ArrowRight');
    expect(await focusedLabel(otto)).toBe('Units produced, row 2');
    await otto.keyboard.type('500');
    // Typed text is being edited: left moves the caret, not the cell.
    await otto.keyboard.press('ArrowLeft');
    expect(await focusedLabel(otto)).toBe('Units produced, row 2');
    for (const value of ['2', '7', '5', '5']) {
      await otto.keyboard.press('Tab');
      await otto.keyboard.type(value);
    }
    // Enter on the last row adds one, same column; the arrows go back up and down.
    await otto.keyboard.press('Enter');
    expect(await focusedLabel(otto)).toBe('Employees present, row 3');
    await otto.keyboard.press('ArrowUp');
    await otto.keyboard.press('ArrowUp');
    expect(await focusedLabel(otto)).toBe('Employees present, row 1');
    expect(await cell(otto, 'Employees present, row 1').inputValue()).toBe('6');
    await otto.keyboard.press('ArrowDown');
    await otto.keyboard.press('ArrowDown');
    expect(await focusedLabel(otto)).toBe('Employees present, row 3');

    // Three rows from a spreadsheet, from row 3's first cell; the second has more defective than produced.
    await pasteInto(
      otto,
      'Shift date, row 3',
      sheet(
        ['2026-12-02', 'Line 2', 'Night', 'WO-1002', '', 300, 1, 6, 4, 4],
        ['2026-12-02', 'Line 2', 'Night', 'WO-1002', '', 100, 150, 2, 4, 4],
        ['2026-12-03', 'Line 1', '', 'WO-1001', '', 250, 0, 5.5, 3, ''],
      ),
    );
    expect(await cell(otto, 'Units produced, row 5').inputValue()).toBe('250');
    const message = 'Units defective (150) cannot be more than units produced (100)';
    await otto.getByText(message).waitFor();
    const bad = cell(otto, 'Units defective, row 4');
    expect(await bad.getAttribute('aria-invalid')).toBe('true');
    // Announced for a screen reader when the cell is reached.
    await bad.focus();
    await otto
      .locator('[aria-live="polite"]')
      .filter({ hasText: `Row 4: ${message}` })
      .waitFor();

    // The read-back says each entry in words; the row with an error is left out, and said to be.
    await otto.getByRole('button', { name: 'Review and save' }).click();
    const dialog = otto.getByRole('dialog', { name: 'Check before saving' });
    const items = dialog.getByRole('listitem');
    await items.first().waitFor();
    expect(await items.allTextContents()).toEqual([
      'Line 1, night shift 2 Dec: 480 units, 3 defective, 7.5 h, 6 people (work order WO-1001)',
      'Line 1, night shift 2 Dec: 500 units, 2 defective, 7 h, 5 people (work order WO-1001)',
      'Line 2, night shift 2 Dec: 300 units, 1 defective, 6 h, 4 people (work order WO-1002)',
      'Line 1, 3 Dec: 250 units, 0 defective, 5.5 h, 3 people (work order WO-1001)',
    ]);
    expect(await dialog.textContent()).toContain('1 row has errors and will not be saved');
    // Back changes nothing; Confirm saves.
    await dialog.getByRole('button', { name: 'Back' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await savedEntries()).toEqual([]);
    await otto.getByRole('button', { name: 'Review and save' }).click();
    await dialog.getByRole('button', { name: 'Confirm' }).click();

    // The manager's page, never reloaded, lists them; the operator's rows turn "Saved".
    for (const words of ['480 units, 3 defective', '500 units, 2 defective', '300 units, 1 defective', '250 units, 0 defective'])
      await recent(mia).getByText(words, { exact: false }).waitFor(synced);
    await expect.poll(() => otto.locator('tr[data-row-state="saved"]').count(), synced).toBe(4);
    expect(await otto.locator('tr[data-row-state="draft"]').count()).toBe(1);
    await everyWriteConfirmed(otto);
    expect((await savedEntries()).map((e) => [e.units_produced, e.units_defective])).toEqual([
      [250, 0],
      [300, 1],
      [480, 3],
      [500, 2],
    ]);

    // Managers edit recent entries; operators do not get the action.
    await recent(mia)
      .getByRole('button', { name: /^Edit entry: Line 1, night shift 2 Dec: 480 units/ })
      .waitFor();
    expect(
      await recent(otto)
        .getByRole('button', { name: /^Edit entry/ })
        .count(),
    ).toBe(0);
    expect(await axeFindings(otto)).toEqual([]);
    expect(await axeFindings(mia)).toEqual([]);

    // Through a reload the refused row is kept as typed; the saved ones are not drafts any more.
    await otto.reload();
    await live(otto);
    await cell(otto, 'Units defective, row 1').waitFor();
    expect(await cell(otto, 'Units defective, row 1').inputValue()).toBe('150');
    expect(await cell(otto, 'Line, row 1').inputValue()).toBe('Line 2');
    expect(await otto.locator('tbody tr').count()).toBe(1);
    expect(browser.pageErrors).toEqual([]);
  });

  test('offline, three rows wait as “not yet saved” and are sent when the link is back; the manager’s page then shows them', async () => {
    const context = await browser.context(org.olga);
    // Offline as the browser sees it, and the sync socket cut as a dead link would.
    let linkDown = false;
    await context.routeWebSocket(/\/sync\//, (ws) => {
      if (linkDown) return void ws.close();
      ws.connectToServer();
    });
    const olga = await context.newPage();
    await olga.goto('/shop-floor/entry');
    const mia = await browser.open(org.mia, '/shop-floor/entry');
    await Promise.all([live(olga), live(mia)]);
    await cell(olga, 'Shift date, row 1').waitFor();

    linkDown = true;
    await context.setOffline(true);
    await olga.getByRole('status', { name: 'Sync status' }).filter({ hasNotText: 'Live' }).waitFor(synced);
    await pasteInto(
      olga,
      'Shift date, row 1',
      sheet(
        ['2026-12-05', 'Line 2', 'Night', 'WO-1002', '', 611, 0, 7, 5, 5],
        ['2026-12-05', 'Line 2', 'Night', 'WO-1002', '', 612, 1, 7, 5, 5],
        ['2026-12-05', 'Line 2', 'Night', 'WO-1002', '', 613, 2, 7, 5, 5],
      ),
    );
    await olga.getByRole('button', { name: 'Review and save' }).click();
    await olga.getByRole('dialog', { name: 'Check before saving' }).getByRole('button', { name: 'Confirm' }).click();
    await olga.getByText('3 entries not yet saved').waitFor(synced);
    expect(await olga.locator('tr[data-row-state="pending"]').getByText('Not yet saved').count()).toBe(3);
    expect(await recent(mia).getByText('611 units', { exact: false }).count()).toBe(0);

    linkDown = false;
    await context.setOffline(false);
    for (const n of [611, 612, 613]) await recent(mia).getByText(`${n} units`, { exact: false }).waitFor(synced);
    await expect.poll(() => olga.locator('tr[data-row-state="saved"]').count(), synced).toBe(3);
    await olga.getByText('Every entry sent from here is saved.').waitFor(synced);
    expect(await olga.locator('tr[data-row-state="pending"]').count()).toBe(0);
  });

  test('a row the server refuses says why and stays editable; fixed, it is saved; a manager corrects a saved entry live', async () => {
    const [otto, mia] = await Promise.all([
      browser.open(org.otto, '/shop-floor/entry'),
      browser.open(org.mia, '/shop-floor/entry'),
    ]);
    await Promise.all([live(otto), live(mia)]);
    await otto.getByRole('button', { name: 'Add a row' }).click();
    const row = otto.locator('tbody tr').last();
    const label = (await row.locator('th').textContent()) ?? '';
    // Nine hours passes the shared rules but not the 8 h night shift, which only the server checks.
    await pasteInto(otto, `Shift date, row ${label}`, sheet(['2026-12-07', 'Line 1', 'Night', 'WO-1001', '', 707, 0, 9, 2, 2]));
    await otto.getByRole('button', { name: 'Review and save' }).click();
    await otto.getByRole('dialog', { name: 'Check before saving' }).getByRole('button', { name: 'Confirm' }).click();
    await row
      .getByText('Run time (9 h) cannot be more than the 8 h of shift Night (22:00-06:00)', { exact: false })
      .waitFor(synced);
    expect(await row.getAttribute('data-row-state')).toBe('refused');
    const runTime = cell(otto, `Run time (h), row ${label}`);
    expect(await runTime.getAttribute('readonly')).toBeNull();
    await runTime.fill('7');
    await otto.getByRole('button', { name: 'Review and save' }).click();
    await otto.getByRole('dialog', { name: 'Check before saving' }).getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => row.getAttribute('data-row-state'), synced).toBe('saved');

    // The manager corrects it from the recent list (the shared rules again), and the operator's list follows.
    const entry = recent(mia).getByRole('listitem').filter({ hasText: '707 units' });
    await entry.getByRole('button', { name: /^Edit entry/ }).click();
    const dialog = mia.getByRole('dialog', { name: /^Edit entry/ });
    await dialog.getByLabel('Units defective').fill('708');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.getByText('Units defective (708) cannot be more than units produced (707)').waitFor();
    await dialog.getByLabel('Units defective').fill('7');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached', ...synced });
    await recent(otto).getByText('707 units, 7 defective', { exact: false }).waitFor(synced);
  });

  test('a viewer reads the recent entries and is told they can only view; a forced write is refused by the server', async () => {
    const vic = await browser.open(org.vic, '/shop-floor/entry');
    await vic.getByText('You can only view entries').waitFor(synced);
    await recent(vic).getByRole('listitem').first().waitFor(synced);
    expect(await vic.getByRole('button', { name: 'Review and save' }).count()).toBe(0);
    expect(await vic.getByRole('table', { name: 'Production entries to save' }).count()).toBe(0);
    expect(await axeFindings(vic)).toEqual([]);
    const forced = await mutateInPage(vic, 'productionEntry.create', {
      workOrderID: world.wo1001,
      lineID: world.line1,
      shiftID: world.night,
      shiftDate: Date.UTC(2026, 11, 9),
      unitsProduced: 999,
      runHours: 7,
      employeesAssigned: 2,
    });
    expect(forced?.status).toBe('rejected');
    expect((await savedEntries()).some((e) => e.units_produced === 999)).toBe(false);
  });

  test('quality in its tab: scrap and rework over the inspected units are refused on the field, then the fixed entry is saved', async () => {
    const otto = await browser.open(org.otto, '/shop-floor/entry');
    await live(otto);
    await otto.getByRole('tab', { name: 'Quality' }).click();
    const form = otto.getByRole('form', { name: 'New quality entry' });
    await form.getByRole('option', { name: 'WO-1001' }).waitFor({ state: 'attached', ...synced });
    await form.getByLabel('Shift date').fill('2026-12-02');
    await form.getByLabel('Line').selectOption('Line 1');
    await form.getByLabel('Work order').selectOption('WO-1001');
    await form.getByLabel('Inspected').fill('10');
    await form.getByLabel('Scrap').fill('8');
    await form.getByLabel('Rework').fill('4');
    await form.getByText('Scrap and rework (12) cannot be more than the units inspected (10)').waitFor();
    await form.getByLabel('Rework').fill('2');
    await form.getByRole('button', { name: 'Save quality entry' }).click();
    await otto.getByRole('list', { name: 'Quality entries sent from this device' }).getByText('Saved').waitFor(synced);
    await everyWriteConfirmed(otto);
    const saved = await sql<{ inspected: number; scrap: number; rework: number }[]>`
      SELECT inspected, scrap, rework FROM sf_quality_entry WHERE organization_id = ${org.id}`;
    expect(saved).toEqual([{ inspected: 10, scrap: 8, rework: 2 }]);
    expect(await axeFindings(otto)).toEqual([]);
  });
});
