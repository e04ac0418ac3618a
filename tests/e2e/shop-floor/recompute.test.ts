import { describe, expect, test } from 'vitest';
import { axeFindings } from '../../helpers/axe.ts';
import { everyWriteConfirmed, useBrowser } from '../../helpers/browser.ts';
import { JOB_DEADLINE_MS, synced } from '../../helpers/deadlines.ts';
import { useOrg } from '../../helpers/people.ts';

describe('recomputing stored KPIs in a real browser', () => {
  const browser = useBrowser();
  const org = useOrg('Recompute Co', { ada: 'owner', mia: 'manager', vic: 'viewer' });

  test('a manager starts a recompute on the shop-floor settings; a viewer’s open page follows its progress to done', async () => {
    const path = '/settings/shop-floor';
    const [manager, viewer] = await Promise.all([browser.open(org.mia, path), browser.open(org.vic, path)]);
    for (const page of [manager, viewer]) await page.getByRole('heading', { name: 'Recompute KPIs' }).waitFor(synced);
    await viewer.getByText('No recompute has been run yet.').waitFor(synced);
    // Viewers follow runs; only managers and up start one.
    expect(await viewer.getByRole('button', { name: 'Start recompute' }).count()).toBe(0);

    // A range the other way round is refused, naming the field, and nothing starts.
    await manager.getByLabel('From', { exact: true }).fill('2026-10-31');
    await manager.getByLabel('To', { exact: true }).fill('2026-09-01');
    await manager.getByRole('button', { name: 'Start recompute' }).click();
    await manager.locator('.form-error', { hasText: 'To must not be before From' }).waitFor(synced);

    await manager.getByLabel('From', { exact: true }).fill('2026-09-01');
    await manager.getByLabel('To', { exact: true }).fill('2026-10-31');
    await manager.getByRole('button', { name: 'Start recompute' }).click();
    const runs = viewer.getByRole('list', { name: 'Recomputes' });
    const run = runs.getByRole('listitem').filter({ hasText: '2026-09-01 to 2026-10-31' });
    await run.waitFor(synced);
    expect(await run.textContent()).toContain('Mia');
    await run.getByText('61 of 61 days').waitFor({ timeout: JOB_DEADLINE_MS });
    await run.getByText('Done').waitFor(synced);
    expect(await run.getByRole('progressbar').getAttribute('value')).toBe('61');

    expect(await axeFindings(viewer)).toEqual([]);
    await everyWriteConfirmed(manager);
  });
});
