import { beforeAll, describe, expect, test } from 'vitest';
import { useOrg } from '../../helpers/people.ts';
import { expectPdf, expectXlsx, fileOrg, getReport, pdfText, readWorkbook, sheetRows, XLSX } from '../../helpers/report-files.ts';
import { createKey, createKpi, expectStatus, type RestAuth, rest } from '../../helpers/rest.ts';

const ORG = 'Reports Kpis & Co.';
const at = (iso: string) => Date.parse(iso);

describe('GET /api/reports/kpis.pdf and .xlsx: the KPI dashboard', () => {
  const org = useOrg(ORG, { ada: 'owner', vic: 'viewer' });
  const other = useOrg('Reports Kpis elsewhere', { ivan: 'owner' });
  const as = (who: 'ada' | 'vic'): RestAuth => ({ person: org[who], org: org.id });
  const ids = { revenue: '', defects: '' };
  const record = async (kpi: string, value: number, when: string) =>
    expectStatus(await rest(as('ada'), 'POST', `/api/kpis/${kpi}/records`, { value, recordedAt: when }), 201);

  beforeAll(async () => {
    ids.revenue = (await createKpi(as('ada'), { title: 'Revenue', targetValue: 1000, unit: '$', category: 'revenue' })).id;
    ids.defects = (await createKpi(as('ada'), { title: 'Defect rate', targetValue: 2, unit: '%', direction: 'lower' })).id;
    await record(ids.revenue, 100, '2026-10-01T09:00:00Z');
    await record(ids.revenue, 400, '2026-11-05T09:00:00Z');
    await record(ids.revenue, 800, '2026-11-20T09:00:00Z');
    await record(ids.defects, 4, '2026-11-10T12:30:00Z');
    await createKpi({ person: other.ivan, org: other.id }, { title: 'Their secret KPI', targetValue: 5, unit: '' });
  });

  const period = 'from=2026-11-01&to=2026-11-30';

  test('the workbook: a sheet per table, a frozen header row, numbers, percentages and dates typed', async () => {
    const book = await expectXlsx(
      await getReport(as('vic'), `/api/reports/kpis.xlsx?${period}`),
      `${fileOrg(ORG)}_KPIs_2026-11-30.xlsx`,
    );
    expect(book.worksheets.map((s) => s.name)).toEqual(['Report', 'KPIs', 'Data points']);
    expect(sheetRows(book, 'Report')).toEqual(
      expect.arrayContaining([
        ['Organization', ORG],
        ['From', '2026-11-01'],
        ['To', '2026-11-30'],
      ]),
    );
    const kpis = book.getWorksheet('KPIs');
    expect(kpis?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheetRows(book, 'KPIs')).toEqual([
      ['KPI', 'Category', 'Unit', 'Value', 'Target', 'Better', 'Progress', 'Status', 'Last recorded'],
      // 4 % against a 2 % lower-is-better target: half-way.
      ['Defect rate', expect.any(String), '%', 4, 2, 'lower', 0.5, 'Off track', new Date(at('2026-11-10T12:30:00Z'))],
      ['Revenue', 'revenue', '$', 800, 1000, 'higher', 0.8, 'At risk', new Date(at('2026-11-20T09:00:00Z'))],
    ]);
    expect(kpis?.getCell('G3').numFmt).toBe('0.0%');
    expect(kpis?.getCell('D3').numFmt).toBe('#,##0.00');
    expect(kpis?.getCell('I3').numFmt).toBe('yyyy-mm-dd hh:mm');
    // The period's data points only (October's is out), oldest first.
    expect(sheetRows(book, 'Data points').slice(1)).toEqual([
      ['Revenue', new Date(at('2026-11-05T09:00:00Z')), 400, 'manual'],
      ['Defect rate', new Date(at('2026-11-10T12:30:00Z')), 4, 'manual'],
      ['Revenue', new Date(at('2026-11-20T09:00:00Z')), 800, 'manual'],
    ]);
  });

  test('the PDF: named for the organization and the period, header and page numbers, the figures and a trend per KPI', async () => {
    const pdf = await expectPdf(
      await getReport(as('vic'), `/api/reports/kpis.pdf?${period}`),
      `${fileOrg(ORG)}_KPIs_2026-11-30.pdf`,
    );
    expect(pdf.pages.length).toBeGreaterThanOrEqual(1);
    expect(pdf.pages[0]).toContain(ORG);
    expect(pdf.text).toContain('2026-11-01 to 2026-11-30');
    for (const figure of ['Revenue ($)', 'Defect rate (%)', 'Target 1,000', '800', '80 %', 'At risk', 'Off track']) {
      expect(pdf.text).toContain(figure);
    }
    expect(pdf.text).not.toContain('Their secret KPI');
  });

  test('no data in the period: a document that says so; the default period is the 90 days up to today', async () => {
    const empty = await expectPdf(
      await getReport(as('ada'), '/api/reports/kpis.pdf?from=2020-01-01&to=2020-01-31'),
      `${fileOrg(ORG)}_KPIs_2020-01-31.pdf`,
    );
    expect(empty.text).toContain('No data points were recorded from 2020-01-01 to 2020-01-31.');
    const book = await readWorkbook((await getReport(as('ada'), '/api/reports/kpis.xlsx?from=2020-01-01&to=2020-01-31')).bytes);
    expect(sheetRows(book, 'Report')).toContainEqual(['Note', 'No data points were recorded from 2020-01-01 to 2020-01-31.']);
    expect(sheetRows(book, 'Data points')).toHaveLength(1);

    const today = new Date().toISOString().slice(0, 10);
    const first = new Date(Date.parse(today) - 89 * 86_400_000).toISOString().slice(0, 10);
    const byDefault = await getReport(as('ada'), '/api/reports/kpis.pdf');
    expect(byDefault.fileName).toBe(`${fileOrg(ORG)}_KPIs_${today}.pdf`);
    expect((await pdfText(byDefault.bytes)).text).toContain(`${first} to ${today}`);
  });

  test('another organization gets its own KPIs; a viewer’s API key downloads too', async () => {
    const theirs = await getReport({ person: other.ivan, org: other.id }, `/api/reports/kpis.xlsx?${period}`);
    const rows = sheetRows(await expectXlsx(theirs, 'Reports_Kpis_elsewhere_KPIs_2026-11-30.xlsx'), 'KPIs');
    expect(rows.map((r) => r[0])).toEqual(['KPI', 'Their secret KPI']);
    const key = await createKey(org.ada, org.id, 'viewer');
    const byKey = await getReport({ key: key.key }, `/api/reports/kpis.xlsx?${period}`);
    expect(byKey.headers.get('content-type')).toBe(XLSX);
    expect(sheetRows(await readWorkbook(byKey.bytes), 'KPIs')).toHaveLength(3);
  });

  test('without credentials 401; an unknown report 404 naming the known ones; a bad date or period 400 naming the field', async () => {
    expect((await getReport({}, '/api/reports/kpis.pdf')).status).toBe(401);
    const unknown = await getReport(as('ada'), '/api/reports/sales.pdf');
    expect(unknown.status).toBe(404);
    expect(unknown.json().error.message).toBe(
      'No report “sales.pdf”. Known reports: kpis.pdf, kpis.xlsx, account-health.pdf, account-health.xlsx, production-daily.pdf, production-daily.xlsx',
    );
    const loc = async (path: string) => {
      const res = await getReport(as('ada'), path);
      expect(res.status).toBe(400);
      return res.json().error.details.map((d) => d.loc.join('.'));
    };
    expect(await loc('/api/reports/kpis.pdf?from=2026-13-01')).toEqual(['query.from']);
    expect(await loc('/api/reports/kpis.xlsx?from=2026-11-30&to=2026-11-01')).toEqual(['query.to']);
    expect(await loc('/api/reports/kpis.xlsx?from=2020-01-01&to=2026-11-01')).toEqual(['query.to']);
  });
});
