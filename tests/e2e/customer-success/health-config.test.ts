import { describe, expect, test } from 'vitest';
import { axeFindings } from '../../helpers/axe.ts';
import { useBrowser } from '../../helpers/browser.ts';
import { synced } from '../../helpers/deadlines.ts';
import { useOrg } from '../../helpers/people.ts';

describe('health scoring settings in a real browser', () => {
  const browser = useBrowser();
  const org = useOrg('Health settings', { ada: 'owner', vic: 'viewer' });

  test('an admin adds a range (a gap is refused, naming the bands) and sets weights; a viewer sees both live, read-only', async () => {
    const [admin, viewer] = await Promise.all([
      browser.open(org.ada, '/settings/health'),
      browser.open(org.vic, '/settings/health'),
    ]);
    await viewer.getByText('Read-only for your role').first().waitFor(synced);
    expect(await viewer.getByRole('button', { name: 'New range' }).count()).toBe(0);

    await admin.getByRole('button', { name: 'New range' }).click();
    const dialog = admin.getByRole('dialog', { name: 'New reference range' });
    await dialog.getByRole('textbox', { name: 'KPI name' }).fill('NPS Score');
    const edges: [string, string][] = [
      ['critical.min', '-100'],
      ['critical.max', '0'],
      ['risk.min', '5'],
      ['risk.max', '30'],
      ['healthy.min', '30'],
      ['healthy.max', '100'],
    ];
    for (const [name, value] of edges) await dialog.locator(`input[name="${name}"]`).fill(value);
    await dialog.getByRole('button', { name: 'Save range' }).click();
    await dialog.getByText('The critical and risk bands leave a gap from 0 to 5').waitFor(synced);
    await dialog.locator('input[name="risk.min"]').fill('0');
    await dialog.getByRole('button', { name: 'Save range' }).click();
    await dialog.waitFor({ state: 'detached', ...synced });

    await viewer.getByRole('rowheader', { name: 'NPS Score' }).waitFor(synced);
    await viewer.getByText(/v1 range of NPS Score added by Ada/).waitFor(synced);

    await admin.locator('input[name="Product Value"]').fill('0.4');
    await admin.getByRole('button', { name: 'Save weights' }).click();
    await expect.poll(() => viewer.locator('input[name="Product Value"]').inputValue(), synced).toBe('0.4');
    await viewer.getByText(/v2 category weights added by Ada/).waitFor(synced);
    expect(await axeFindings(viewer)).toEqual([]);
  });
});
