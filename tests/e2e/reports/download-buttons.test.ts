import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { useBrowser } from '../../helpers/browser.ts';
import { synced } from '../../helpers/deadlines.ts';
import { useOrg } from '../../helpers/people.ts';
import { pdfText } from '../../helpers/report-files.ts';
import { expectStatus, rest } from '../../helpers/rest.ts';

describe('report download buttons', () => {
  const browser = useBrowser();
  const org = useOrg('Download Buttons Ltd', { ada: 'owner', vic: 'viewer' });

  test('“Download PDF” on an account page downloads its health report under the server’s file name', async () => {
    const account = expectStatus(await rest({ person: org.ada, org: org.id }, 'POST', '/api/accounts', { name: 'Globex' }), 201);
    const page = await browser.open(org.vic, `/accounts/${account.id}`);
    await page.getByRole('heading', { name: 'Globex', level: 1 }).waitFor(synced);
    const excel = page.getByRole('link', { name: 'Download Excel' });
    expect(await excel.getAttribute('href')).toBe(`/api/reports/account-health.xlsx?accountId=${account.id}`);

    const [download] = await Promise.all([
      page.waitForEvent('download', synced),
      page.getByRole('link', { name: 'Download PDF' }).click(),
    ]);
    const today = new Date().toISOString().slice(0, 10);
    expect(download.suggestedFilename()).toBe(`Download_Buttons_Ltd_Account_Health_Globex_${today}.pdf`);
    const pdf = await pdfText(new Uint8Array(await readFile((await download.path()) as string)));
    expect(pdf.text).toContain('Account health: Globex');
    expect(pdf.pages[0]).toContain('Download Buttons Ltd');
  });
});
