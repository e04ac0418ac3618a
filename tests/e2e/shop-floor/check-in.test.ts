import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { axeFindings } from '../../helpers/axe.ts';
import { useBrowser } from '../../helpers/browser.ts';
import { synced } from '../../helpers/deadlines.ts';
import { useOrg } from '../../helpers/people.ts';
import { useZeroClients } from '../../helpers/zero-client.ts';
import { buildEntryWorld } from './entry-world.ts';

/** The phone of the issue: 375 × 667 (an iPhone SE). */
const PHONE = { width: 375, height: 667 };
const MIN_TARGET_PX = 44;

/** Every control in `scope` (what a thumb presses) that is smaller than 44 px either way, with its size. */
async function smallTargets(page: Page, scope: string) {
  return page.locator(scope).evaluate((root, min) => {
    const controls = root.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [role="button"], summary');
    return [...controls]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => {
        const box = (el.closest('label') ?? el).getBoundingClientRect();
        return { name: el.getAttribute('aria-label') ?? el.id ?? el.textContent, width: box.width, height: box.height };
      })
      .filter((t) => t.width < min || t.height < min);
  }, MIN_TARGET_PX);
}

describe('/shop-floor/check-in on a phone', () => {
  const browser = useBrowser();
  const org = useOrg('Check-in Co', { ada: 'owner', mia: 'manager', otto: 'operator' });
  const open = useZeroClients();
  beforeAll(async () => {
    await buildEntryWorld(org.mia, org.id, open);
  });
  const live = (page: Page) => page.getByRole('status', { name: 'Sync status' }).filter({ hasText: 'Live' }).waitFor(synced);

  test('one-handed: big targets, number pads, no sideways scroll, read-back; the entry shows on a leader’s desktop page live, and the next check-in starts from it', async () => {
    const [phone, desk] = await Promise.all([
      browser.open(org.otto, '/shop-floor/check-in', { viewport: PHONE }),
      browser.open(org.mia, '/shop-floor/entry', { viewport: { width: 1280, height: 800 } }),
    ]);
    await Promise.all([live(phone), live(desk)]);
    const form = phone.getByRole('form', { name: 'Production check-in' });
    await form.getByRole('option', { name: 'WO-1002' }).waitFor({ state: 'attached', ...synced });

    expect(await smallTargets(phone, 'form[aria-label="Production check-in"]')).toEqual([]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await form.getByLabel('Units produced').getAttribute('inputmode')).toBe('numeric');
    expect(await form.getByLabel('Run time (h)').getAttribute('inputmode')).toBe('decimal');

    await form.getByLabel('Line').selectOption('Line 2');
    await form.getByLabel('Shift', { exact: true }).selectOption('Night');
    await form.getByLabel('Work order').selectOption('WO-1002');
    await form.getByLabel('Shift date').fill('2026-12-02');
    await form.getByLabel('Units produced').fill('40');
    await form.getByLabel('Units defective').fill('41');
    await form.getByText('Units defective (41) cannot be more than units produced (40)').waitFor();
    await form.getByLabel('Units defective').fill('1');
    await form.getByLabel('Run time (h)').fill('7,5');
    await form.getByLabel('Employees assigned').fill('3');
    await form.getByRole('button', { name: 'Review and save' }).click();

    const dialog = phone.getByRole('dialog', { name: 'Check before saving' });
    const words = 'Line 2, night shift 2 Dec: 40 units, 1 defective, 7.5 h, 3 people (work order WO-1002)';
    await dialog.getByText(words).waitFor();
    expect(await smallTargets(phone, '[role="dialog"]')).toEqual([]);
    expect(await axeFindings(phone)).toEqual([]);
    await dialog.getByRole('button', { name: 'Confirm' }).click();

    await desk.getByRole('list', { name: 'Recent production entries, newest first' }).getByText(words).waitFor(synced);
    await phone.getByRole('list', { name: 'Entries sent from this device' }).getByText('Saved').waitFor(synced);

    // The next check-in starts from the same line, shift and work order, with the numbers blank.
    expect(await form.getByLabel('Line').inputValue()).toBe('Line 2');
    expect(await form.getByLabel('Work order').inputValue()).toBe('WO-1002');
    expect(await form.getByLabel('Units produced').inputValue()).toBe('');
    await phone.reload();
    await live(phone);
    await form.getByRole('option', { name: 'WO-1002' }).waitFor({ state: 'attached', ...synced });
    expect(await form.getByLabel('Shift', { exact: true }).inputValue()).toBe('Night');
    expect(await form.getByLabel('Work order').inputValue()).toBe('WO-1002');
    expect(await axeFindings(phone)).toEqual([]);
    expect(await axeFindings(desk)).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});
