import { describe, expect, test } from 'vitest';
import { axeFindings } from '../../helpers/axe.ts';
import { csvOf } from '../../helpers/batches.ts';
import { useBrowser } from '../../helpers/browser.ts';
import { useAdminSql } from '../../helpers/db.ts';
import { JOB_DEADLINE_MS, synced } from '../../helpers/deadlines.ts';
import { useOrg } from '../../helpers/people.ts';
import { expectStatus, rest } from '../../helpers/rest.ts';

const HEADER = [
  'line',
  'work_order_id',
  'shift_date',
  'units_produced',
  'run_time_hours',
  'employees_assigned',
  'units_defective',
];
/** Enough rows for the import to take several chunks (2,000 each), so the watcher sees it move. */
const GOOD = 4500;

describe('CSV production import in a real browser', () => {
  const browser = useBrowser();
  const org = useOrg('CSV import Co', { ada: 'owner', mia: 'manager', otto: 'operator' });
  const sql = useAdminSql({ max: 1 });

  test('a manager uploads a CSV with bad rows, sees them by row and column, imports the rest; another member watches it complete live', async () => {
    const mia = { person: org.mia, org: org.id };
    expectStatus(await rest(mia, 'POST', '/api/lines', { name: 'Line E2E' }), 201);
    expectStatus(await rest(mia, 'POST', '/api/work-orders', { number: 'WO-CSV', plannedQuantity: 100000 }), 201);
    const rows: (string | number)[][] = Array.from({ length: GOOD }, (_, i) => [
      'Line E2E',
      'WO-CSV',
      `2026-11-${String((i % 28) + 1).padStart(2, '0')}`,
      200,
      7,
      3,
      i % 5,
    ]);
    rows.splice(10, 0, ['Line E2E', 'WO-CSV', '2026-11-02', 10, 7, 3, 11]); // row 11: more defective than produced
    rows.splice(20, 0, ['Line E2E', 'WO-GHOST', '2026-11-02', 10, 7, 3, 0]); // row 21: no such work order
    rows.splice(30, 0, ['Line E2E', 'WO-CSV', '2026-11-02', 10, 30, 3, 0]); // row 31: longer than a day

    const [manager, watcher] = await Promise.all([
      browser.open(org.mia, '/work-orders'),
      browser.open(org.otto, '/shop-floor/import'),
    ]);
    await watcher.getByText('No CSV has been uploaded in this organization yet.').waitFor(synced);
    await manager.getByRole('link', { name: 'Import production (CSV)' }).click();
    await manager.getByRole('heading', { name: 'Import production', level: 1 }).waitFor(synced);

    await manager.getByLabel('Production CSV').setInputFiles({
      name: 'week-47.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csvOf(HEADER, rows)),
    });
    const problems = manager.getByRole('table', { name: 'Problems found: these rows are not imported' });
    await problems.waitFor(synced);
    const cells = await problems
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())));
    expect(cells).toEqual([
      ['11', 'units_defective', 'Units defective (11) cannot be more than units produced (10)'],
      ['21', 'work_order_id', 'No work order with the number “WO-GHOST” in this organization'],
      ['31', 'run_time_hours', 'Run time must be at most 24 hours (no shift is longer than a day)'],
    ]);
    expect(await manager.getByTestId('batch-total').textContent()).toBe('4,503');
    expect(await manager.getByTestId('batch-valid').textContent()).toBe('4,500');
    expect(await manager.getByTestId('batch-invalid').textContent()).toBe('3');
    await manager.getByRole('button', { name: 'Download the error report' }).waitFor(synced);

    // The other member's page, never reloaded, lists the batch as checked and waiting.
    const listed = watcher.locator('.recent-batches tbody tr', { hasText: 'week-47.csv' });
    await listed.getByText('Checked, not imported').waitFor(synced);
    // Record every progress value the watcher's bar shows from here on.
    await watcher.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('.recent-batches [role="progressbar"]');
        const now = bar?.getAttribute('aria-valuenow');
        if (now && seen.at(-1) !== now) seen.push(now);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    expect(await axeFindings(manager)).toEqual([]);

    await manager.getByRole('button', { name: 'Import 4,500 valid rows' }).click();
    await manager.getByText('Import: Imported (4,500 entries)').waitFor({ timeout: JOB_DEADLINE_MS });
    await listed.getByText('week-47.csv: Imported (4,500 entries)').waitFor({ timeout: JOB_DEADLINE_MS });
    const seen = await watcher.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen.at(-1)).toBe(String(GOOD));
    expect(await axeFindings(watcher)).toEqual([]);

    const [landed] = await sql<{ n: number; bad: number; mine: number }[]>`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE units_produced <> 200)::int AS bad,
             count(*) FILTER (WHERE created_by = ${org.mia.userID})::int AS mine
        FROM sf_production_entry WHERE organization_id = ${org.id}`;
    expect(landed).toEqual({ n: GOOD, bad: 0, mine: GOOD });
    expect(browser.pageErrors).toEqual([]);
  });
});
