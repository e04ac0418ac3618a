import type { Page, WebSocketRoute } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { mutateInPage, useBrowser } from '../helpers/browser.ts';
import { useAdminSql } from '../helpers/db.ts';
import { synced } from '../helpers/deadlines.ts';
import { useOrg } from '../helpers/people.ts';

/**
 * Olive works on a tablet whose link to zero-cache drops for hours. Her
 * changes stay on the device and say "waiting", never "not saved", and go out
 * when the link is back, without a reload. The browser's clock is moved
 * forward instead of waiting out the hours.
 */
describe('changes made while zero-cache is out of reach', () => {
  const browser = useBrowser();
  const sql = useAdminSql();
  const org = useOrg('Night Shift Ltd', { olive: 'owner' });

  interface Tablet {
    page: Page;
    /** Closes the sync socket and refuses new ones, as a dead link would. */
    cut(): Promise<void>;
    restore(): void;
    /** The titles of every toast shown so far. */
    toasts(): Promise<string[]>;
  }

  const openTablet = async (): Promise<Tablet> => {
    const context = await browser.context(org.olive);
    await context.clock.install();
    let linkDown = false;
    const sockets = new Set<WebSocketRoute>();
    await context.routeWebSocket(/\/sync\//, (ws) => {
      if (linkDown) return void ws.close();
      ws.connectToServer();
      sockets.add(ws);
    });
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __toasts: string[] }).__toasts = seen;
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of r.addedNodes)
            if (n instanceof Element) for (const t of n.querySelectorAll('.toast-title')) seen.push(t.textContent ?? '');
      }).observe(document, { subtree: true, childList: true });
    });
    const page = await context.newPage();
    await page.goto('/');
    await badge(page).filter({ hasText: 'Live' }).waitFor();
    return {
      page,
      async cut() {
        linkDown = true;
        for (const ws of sockets) await ws.close();
        sockets.clear();
        await badge(page).filter({ hasText: 'Reconnecting' }).waitFor();
      },
      restore() {
        linkDown = false;
      },
      toasts: () => page.evaluate(() => (window as unknown as { __toasts: string[] }).__toasts),
    };
  };
  const badge = (page: Page) => page.getByRole('status', { name: 'Sync status' });
  const createKpi = (page: Page, name: string) => mutateInPage(page, 'kpi.create', { name, unit: '', target: 10 });
  const savedKpis = async () =>
    (await sql<{ name: string }[]>`SELECT name FROM kpi WHERE organization_id = ${org.id} ORDER BY name`).map((r) => r.name);

  test('a change made hours into an outage waits and is saved when the link is back', async () => {
    const tablet = await openTablet();
    await tablet.cut();
    expect(await createKpi(tablet.page, 'Pallets moved')).toEqual({ status: 'waiting' });
    await badge(tablet.page).filter({ hasText: '1 change waiting' }).waitFor();

    // Six hours without zero-cache: Zero is still trying, so it still queues.
    await tablet.page.clock.fastForward('06:00:00');
    expect(await createKpi(tablet.page, 'Pallets damaged')).toEqual({ status: 'waiting' });
    await badge(tablet.page).filter({ hasText: 'Reconnecting…, 2 changes waiting' }).waitFor();

    tablet.restore();
    await expect.poll(() => badge(tablet.page).textContent(), synced).toBe('Live');
    await expect.poll(savedKpis, synced).toEqual(['Pallets damaged', 'Pallets moved']);
    expect(await tablet.toasts()).not.toContain('Change not saved');
  });

  test('past the whole window a change already on the device is still waiting, not failed', async () => {
    const tablet = await openTablet();
    await tablet.cut();
    expect(await createKpi(tablet.page, 'Forklift hours')).toEqual({ status: 'waiting' });

    // Thirteen hours: Zero gives up ("unable to connect") and settles the
    // queued write with that error, but the write is still on the device.
    await tablet.page.clock.fastForward('13:00:00');
    await expect.poll(tablet.toasts, synced).toContain('Waiting to sync');
    await badge(tablet.page).filter({ hasText: 'Offline, 1 change waiting' }).waitFor();
    expect(await tablet.toasts()).not.toContain('Change not saved');

    tablet.restore();
    await expect.poll(savedKpis, synced).toContain('Forklift hours');
    await expect.poll(() => badge(tablet.page).textContent(), synced).toBe('Live');
    expect(await tablet.toasts()).not.toContain('Change not saved');
  });
});
