import { describe, expect, test } from 'vitest';
import { axeFindings } from '../../helpers/axe.ts';
import { useBrowser } from '../../helpers/browser.ts';
import { synced } from '../../helpers/deadlines.ts';
import { useOrg } from '../../helpers/people.ts';
import { createKpi, expectStatus, rest } from '../../helpers/rest.ts';

describe('accounts in a real browser', () => {
  const browser = useBrowser();
  const org = useOrg('Accounts Co', { ada: 'owner', mia: 'manager', vic: 'viewer' });
  const other = useOrg('Other Co', { bob: 'owner' });
  const mia = () => ({ person: org.mia, org: org.id });

  test('a manager adds an account and a KPI to it; a viewer sees it, its health arrive live, and the list filter by band', async () => {
    const [manager, viewer] = await Promise.all([browser.open(org.mia, '/accounts'), browser.open(org.vic, '/accounts')]);
    await viewer.getByText('No accounts yet').waitFor(synced);
    expect(await viewer.getByRole('button', { name: 'New account' }).count()).toBe(0);

    // Created in the dialog; a bad revenue is named on its field first.
    await manager.getByRole('button', { name: 'New account' }).click();
    const dialog = manager.getByRole('dialog', { name: 'New account' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Acme Corp');
    await dialog.getByRole('textbox', { name: 'Annual revenue' }).fill('-5');
    await dialog.getByRole('textbox', { name: 'Industry' }).fill('Software');
    await dialog.getByRole('textbox', { name: 'Region' }).fill('EMEA');
    await dialog.getByRole('button', { name: 'Create account' }).click();
    await dialog.getByText('Annual revenue cannot be negative').waitFor(synced);
    await dialog.getByRole('textbox', { name: 'Annual revenue' }).fill('120000');
    await dialog.getByRole('button', { name: 'Create account' }).click();
    await manager.getByRole('heading', { name: 'Acme Corp', level: 1 }).waitFor(synced);
    const accountID = manager.url().split('/accounts/')[1]!;

    const row = viewer.locator(`tr[data-account-id="${accountID}"]`);
    await row.waitFor(synced);
    expect(await row.textContent()).toMatch(/not computed yet|Not scored/);

    // A KPI of the organization joins the account with a category and weight.
    const nps = await createKpi(mia(), { title: 'NPS Score', targetValue: 50 });
    expectStatus(
      await rest({ person: org.ada, org: org.id }, 'PUT', `/api/reference-ranges/${encodeURIComponent('NPS Score')}`, {
        unit: '',
        higherIsBetter: true,
        critical: { min: -100, max: 0 },
        risk: { min: 0, max: 30 },
        healthy: { min: 30, max: 100 },
      }),
      200,
    );
    await manager.getByRole('button', { name: 'Add a KPI' }).click();
    const add = manager.getByRole('dialog', { name: 'Add a KPI to this account' });
    const pick = add.getByRole('button', { name: /^KPI/ });
    await add.getByText('Choose a KPI').waitFor(synced);
    await pick.click();
    await add.getByRole('option', { name: 'NPS Score' }).click();
    await add.getByRole('button', { name: 'Add to account' }).click();
    await add.waitFor({ state: 'detached', ...synced });
    await manager.locator(`tr[data-kpi-id="${nps.id}"]`).getByText('Relationship Strength').waitFor(synced);

    // A value lands through the API: the viewer's list shows the health, without a reload.
    expectStatus(await rest(mia(), 'POST', `/api/kpis/${nps.id}/records`, { value: 15 }), 201);
    await row.getByRole('button', { name: /Health of Acme Corp: 62\.5 At risk/ }).waitFor(synced); // 15 in the risk band 0-30: 50 + 25 x 15/30
    await manager.locator(`tr[data-kpi-id="${nps.id}"]`).getByText('At risk · 62.5').waitFor(synced);
    // "Why this number", from the score in the list.
    await row.getByRole('button', { name: /Health of Acme Corp/ }).click();
    const why = viewer.getByRole('dialog', { name: 'Why 62.5: Acme Corp' });
    await why.getByText('NPS Score').first().waitFor(synced);
    await viewer.keyboard.press('Escape');
    await why.waitFor({ state: 'detached', ...synced });

    await viewer
      .getByRole('button', { name: /Health/ })
      .first()
      .click();
    await viewer.getByRole('option', { name: 'Healthy' }).click();
    await viewer.getByText('No account matches').waitFor(synced);
    expect(viewer.url()).toContain('band=healthy');
    await viewer.getByRole('button', { name: 'Clear the filters' }).click();
    await row.waitFor(synced);

    await viewer.goto(`${new URL(viewer.url()).origin}/accounts/${accountID}`);
    await viewer.getByRole('heading', { name: 'Acme Corp', level: 1 }).waitFor(synced);
    expect(await viewer.getByRole('button', { name: 'Edit account' }).count()).toBe(0);
    expect(await axeFindings(viewer)).toEqual([]);
  });

  test('an account of another organization is not found, and its name never shows', async () => {
    const theirs = expectStatus(
      await rest({ person: other.bob, org: other.id }, 'POST', '/api/accounts', { name: 'Their secret account' }),
      201,
    );
    const page = await browser.open(org.vic, `/accounts/${theirs.id}`);
    await page.getByRole('heading', { name: 'Account not found' }).waitFor(synced);
    expect(await page.content()).not.toContain('Their secret account');
  });
});
