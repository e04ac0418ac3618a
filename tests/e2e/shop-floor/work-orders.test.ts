import { describe, expect, test } from 'vitest';
import { axeFindings } from '../../helpers/axe.ts';
import { everyWriteConfirmed, useBrowser } from '../../helpers/browser.ts';
import { synced } from '../../helpers/deadlines.ts';
import { useOrg } from '../../helpers/people.ts';
import { expectStatus, rest } from '../../helpers/rest.ts';

describe('work orders in a real browser', () => {
  const browser = useBrowser();
  const org = useOrg('Work orders Co', { ada: 'owner', mia: 'manager', vic: 'viewer' });
  const mia = () => ({ person: org.mia, org: org.id });

  test('a manager puts a work order on hold with a reason on its page; a viewer’s open page shows the status and the hold live', async () => {
    expectStatus(await rest(mia(), 'POST', '/api/products', { code: 'WID-9', name: 'Widget nine', idealCycleSeconds: 15 }), 201);
    const order = expectStatus(
      await rest(mia(), 'POST', '/api/work-orders', { number: 'WO-E2E', plannedQuantity: 250, product: 'WID-9' }),
      201,
    );
    const path = `/work-orders/${order.id}`;
    const [manager, viewer] = await Promise.all([browser.open(org.mia, path), browser.open(org.vic, path)]);
    for (const page of [manager, viewer])
      await page.getByRole('heading', { name: 'Work order WO-E2E', level: 1 }).waitFor(synced);
    const viewerStatus = viewer.locator('.wo-facts .status-badge');
    expect(await viewerStatus.textContent()).toContain('Active');
    // The viewer reads, and is told why there is nothing to press.
    await viewer.getByText('Read-only for your role').waitFor(synced);
    expect(await viewer.getByRole('button', { name: 'Put on hold' }).count()).toBe(0);

    // The hold needs a reason: the dialog says so on the field before sending anything.
    await manager.getByRole('button', { name: 'Put on hold' }).click();
    const dialog = manager.getByRole('dialog', { name: 'Put on hold: work order WO-E2E' });
    await dialog.getByRole('button', { name: 'Put on hold' }).click();
    await dialog.getByText('Reason is required').waitFor(synced);
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Waiting for housings from the supplier');
    await dialog.getByRole('button', { name: 'Put on hold' }).click();
    await dialog.waitFor({ state: 'detached', ...synced });
    await manager.getByRole('button', { name: 'Release' }).waitFor(synced);

    // The viewer's page, never reloaded, follows.
    await viewer.locator('.wo-facts .status-badge', { hasText: 'On hold' }).waitFor(synced);
    const history = viewer.getByRole('list', { name: 'Status changes, oldest first' });
    const held = history.getByRole('listitem').filter({ hasText: 'Active → On hold' });
    await held.waitFor(synced);
    expect(await held.textContent()).toContain('Waiting for housings from the supplier');
    expect(await held.textContent()).toContain('Mia');
    const holds = viewer.getByRole('table', { name: 'Holds, oldest first' });
    await holds
      .getByRole('row', { name: /Waiting for housings from the supplier/ })
      .getByText('Still on hold')
      .waitFor(synced);

    expect(await axeFindings(manager)).toEqual([]);
    await everyWriteConfirmed(manager);
    const saved = expectStatus(await rest(mia(), 'GET', `/api/work-orders/${order.id}`), 200);
    expect(saved).toMatchObject({
      status: 'ON_HOLD',
      holds: [{ reason: 'Waiting for housings from the supplier', endedAt: null }],
    });

    // The list, filtered in the URL, has it among the orders on hold.
    await viewer.goto('/work-orders?status=ON_HOLD');
    await viewer.locator(`tr[data-work-order-id="${order.id}"]`).getByText('On hold').waitFor(synced);
    expect(await axeFindings(viewer)).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });

  test('master data: a manager adds a product (a bad cycle time is named on its field); a viewer reads it live, told why it is read-only', async () => {
    const [manager, viewer] = await Promise.all([
      browser.open(org.mia, '/settings/shop-floor'),
      browser.open(org.vic, '/settings/shop-floor'),
    ]);
    await viewer.getByText('Read-only for your role').waitFor(synced);
    expect(await viewer.getByText('managers and admins keep the master data').count()).toBe(1);
    expect(await viewer.getByRole('button', { name: 'Add product' }).count()).toBe(0);

    await manager.getByRole('button', { name: 'Add product' }).click();
    const dialog = manager.getByRole('dialog', { name: 'Add a product' });
    await dialog.getByRole('textbox', { name: 'Code' }).fill('GAD-7');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Gadget seven');
    await dialog.getByRole('textbox', { name: 'Ideal cycle time (seconds)' }).fill('0');
    await dialog.getByRole('button', { name: 'Add product' }).click();
    await dialog.getByText('Ideal cycle time must be more than 0 seconds').waitFor(synced);
    await dialog.getByRole('textbox', { name: 'Ideal cycle time (seconds)' }).fill('42');
    await dialog.getByRole('button', { name: 'Add product' }).click();
    await dialog.waitFor({ state: 'detached', ...synced });

    const row = viewer.getByRole('table', { name: 'Products' }).getByRole('row', { name: /GAD-7/ });
    await row.getByText('42 s').waitFor(synced);
    expect(await axeFindings(manager)).toEqual([]);
    expect(await axeFindings(viewer)).toEqual([]);
  });
});
