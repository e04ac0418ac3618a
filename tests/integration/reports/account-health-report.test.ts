import { beforeAll, describe, expect, test } from 'vitest';
import { monthOf } from '../../../shared/health/breakdown.ts';
import { JOB_DEADLINE_MS } from '../../helpers/deadlines.ts';
import { NPS_RANGE } from '../../helpers/health.ts';
import { useOrg } from '../../helpers/people.ts';
import { expectPdf, expectXlsx, fileOrg, getReport, sheetRows } from '../../helpers/report-files.ts';
import { createKpi, expectStatus, type RestAuth, rest } from '../../helpers/rest.ts';

const ORG = 'Reports Health Org';
type Health = { overall: number | null; categories: { name: string; score: number | null; weight: number; validKpis: number }[] };

describe('GET /api/reports/account-health.pdf and .xlsx', () => {
  const org = useOrg(ORG, { ada: 'owner', max: 'manager', vic: 'viewer' });
  const other = useOrg('Reports Health elsewhere', { ivan: 'owner' });
  const as = (who: 'ada' | 'max' | 'vic'): RestAuth => ({ person: org[who], org: org.id });
  const ids = { acme: '', quiet: '' };
  let health: Health;
  const today = new Date().toISOString().slice(0, 10);

  async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
    const deadline = Date.now() + JOB_DEADLINE_MS;
    for (;;) {
      const v = await read();
      if (ok(v)) return v;
      if (Date.now() > deadline) throw new Error(`not met within ${JOB_DEADLINE_MS} ms; last: ${JSON.stringify(v)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    expectStatus(await rest(as('ada'), 'PUT', '/api/reference-ranges/NPS', NPS_RANGE), 200);
    ids.acme = expectStatus(await rest(as('max'), 'POST', '/api/accounts', { name: 'Acme Corp' }), 201).id;
    ids.quiet = expectStatus(await rest(as('max'), 'POST', '/api/accounts', { name: 'Quiet' }), 201).id;
    const nps = await createKpi(as('max'), {
      title: 'NPS',
      accountId: ids.acme,
      healthCategory: 'Relationship Strength',
      targetValue: 100,
      unit: '',
    });
    expectStatus(await rest(as('max'), 'POST', `/api/kpis/${nps.id}/records`, { value: 15 }), 201);
    health = await until(
      async () => expectStatus(await rest(as('vic'), 'GET', `/api/accounts/${ids.acme}/health`), 200) as Health,
      (h) => h.overall !== null,
    );
    // A finished renewal (with its RACI report) and an open SLA playbook.
    const base = `/api/accounts/${ids.acme}/playbook-executions`;
    const renewal = expectStatus(await rest(as('max'), 'POST', base, { playbookId: 'renewal' }), 201);
    for (const step of renewal.steps as { id: string }[]) {
      const path = `/api/playbook-executions/${renewal.id}/steps/${step.id}`;
      expectStatus(await rest(as('max'), 'PATCH', path, { status: 'done' }), 200);
    }
    expectStatus(await rest(as('max'), 'POST', base, { playbookId: 'sla' }), 201);
  });

  test('the workbook: categories, KPIs, the monthly trend, open playbooks with RACI, RACI reports; typed cells', async () => {
    const book = await expectXlsx(
      await getReport(as('vic'), `/api/reports/account-health.xlsx?accountId=${ids.acme}`),
      `${fileOrg(ORG)}_Account_Health_Acme_Corp_${today}.xlsx`,
    );
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Report',
      'Categories',
      'KPIs',
      'Monthly trend',
      'Open playbooks',
      'RACI reports',
    ]);
    const relationship = health.categories.find((c) => c.name === 'Relationship Strength');
    expect(sheetRows(book, 'Categories')).toContainEqual([
      'Relationship Strength',
      relationship?.score,
      relationship?.weight,
      relationship?.validKpis,
    ]);
    expect(book.getWorksheet('Categories')?.getCell('C2').numFmt).toBe('0%');
    expect(sheetRows(book, 'KPIs')[1]).toEqual(['NPS', 'Relationship Strength', 15, expect.any(Date), 'risk', 62.5]);
    const month = monthOf(Date.now());
    expect(sheetRows(book, 'Monthly trend').slice(1)).toEqual([[new Date(`${month}-01T00:00:00Z`), health.overall, 1, 1]]);
    expect(book.getWorksheet('Monthly trend')?.getCell('A2').numFmt).toBe('yyyy-mm-dd');
    const open = sheetRows(book, 'Open playbooks').slice(1);
    expect(open.length).toBeGreaterThan(0);
    for (const row of open) {
      expect(row[0]).toMatch(/SLA/i);
      expect(row[1]).toBeInstanceOf(Date);
      expect(row[4]).toBe('Pending');
      expect(row[5]).toMatch(/^R: .+; A: .+; C: .*; I: .*/);
    }
    const raci = sheetRows(book, 'RACI reports').slice(1);
    expect(raci.length).toBeGreaterThan(0);
    expect(raci.every((r) => r[0] === 'Renewal')).toBe(true);
    expect(sheetRows(book, 'Report')).toContainEqual(['Overall health', health.overall?.toFixed(1)]);
  });

  test('the PDF: header with the organization and period, the score, the breakdown, playbooks and page numbers', async () => {
    const pdf = await expectPdf(
      await getReport(as('vic'), `/api/reports/account-health.pdf?accountId=${ids.acme}`),
      `${fileOrg(ORG)}_Account_Health_Acme_Corp_${today}.pdf`,
    );
    expect(pdf.pages[0]).toContain(ORG);
    expect(pdf.text).toContain('Account health: Acme Corp');
    expect(pdf.text).toContain(`${monthOf(Date.now())} to ${today}`);
    for (const figure of [health.overall?.toFixed(1) ?? '', 'Relationship Strength', 'Overall health by month', 'Renewal']) {
      expect(pdf.text).toContain(figure);
    }
    expect(pdf.text).toMatch(/Renewal for Acme Corp completed/);
  });

  test('an account with no scores yet: a document that says so', async () => {
    const pdf = await expectPdf(
      await getReport(as('ada'), `/api/reports/account-health.pdf?accountId=${ids.quiet}`),
      `${fileOrg(ORG)}_Account_Health_Quiet_${today}.pdf`,
    );
    expect(pdf.text).toContain('No KPI of this account could be scored yet');
    expect(pdf.text).toContain('No playbook is running on this account.');
  });

  test('another organization’s account is a 404 (the same as none); no accountId is a 400 naming it', async () => {
    const theirs = await getReport(
      { person: other.ivan, org: other.id },
      `/api/reports/account-health.pdf?accountId=${ids.acme}`,
    );
    const missing = await getReport(as('ada'), '/api/reports/account-health.xlsx?accountId=no-such-account');
    expect([theirs.status, missing.status]).toEqual([404, 404]);
    expect(theirs.json().error).toMatchObject({ code: 'NOT_FOUND', message: missing.json().error.message });
    const bad = await getReport(as('ada'), '/api/reports/account-health.pdf');
    expect(bad.status).toBe(400);
    expect(bad.json().error.details.map((d) => d.loc.join('.'))).toEqual(['query.accountId']);
  });
});
