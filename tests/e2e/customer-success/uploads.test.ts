import { describe, expect, test } from 'vitest';
import { exampleWorkbook } from '../../../server/customer-success/uploads/example.ts';
import { axeFindings } from '../../helpers/axe.ts';
import { useBrowser } from '../../helpers/browser.ts';
import { synced } from '../../helpers/deadlines.ts';
import { useOrg } from '../../helpers/people.ts';
import { expectStatus, rest } from '../../helpers/rest.ts';

describe('Excel KPI uploads in a real browser', () => {
  const browser = useBrowser();
  const org = useOrg('Uploads browser', { ada: 'owner', mia: 'manager', vic: 'viewer' });

  test('a manager uploads the example workbook, sees the preview and confirms; a viewer sees the version live', async () => {
    const account = expectStatus(await rest({ person: org.mia, org: org.id }, 'POST', '/api/accounts', { name: 'Contoso' }), 201);
    const path = `/accounts/${account.id}/uploads`;
    const [manager, viewer] = await Promise.all([browser.open(org.mia, path), browser.open(org.vic, path)]);
    await viewer.getByText('No versions yet').waitFor(synced);
    expect(await viewer.getByRole('button', { name: 'Choose a workbook…' }).count()).toBe(0);

    await manager.getByTestId('upload-file').setInputFiles({
      name: 'contoso.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await exampleWorkbook(),
    });
    await manager.getByRole('heading', { name: 'Preview of contoso.xlsx (10 rows)' }).waitFor(synced);
    await expect.poll(() => manager.getByTestId('upload-diff').innerText(), synced).toContain('10 added');
    await manager.getByRole('rowheader', { name: 'NPS Score' }).waitFor(synced);
    await manager.getByRole('button', { name: 'Confirm upload' }).click();
    await manager.getByRole('heading', { name: /Preview of/ }).waitFor({ state: 'detached', ...synced });

    await viewer
      .getByTestId('upload-versions')
      .getByText(/v1 contoso\.xlsx · corporate · 10 KPIs, 10 added/)
      .waitFor(synced);
    await manager
      .getByTestId('upload-versions')
      .getByText(/by Mia|by /)
      .first()
      .waitFor(synced);

    // A file that is not a workbook is refused with a clear message.
    await manager
      .getByTestId('upload-file')
      .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await manager.getByText('The file is not an Excel workbook (.xlsx)').waitFor(synced);
    expect(await axeFindings(viewer)).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});
