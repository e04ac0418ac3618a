import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { mutators } from '../../../sync/mutators.ts';
import { useOrg } from '../../helpers/people.ts';
import { expectPdf, expectXlsx, fileOrg, getReport, sheetRows } from '../../helpers/report-files.ts';
import { expectStatus, type RestAuth, rest } from '../../helpers/rest.ts';
import { enterProduction, type FloorLine, productionArgs, setUpFloorLine } from '../../helpers/shop-floor-line.ts';
import { type TestZero, useZeroClients } from '../../helpers/zero-client.ts';

const ORG = 'Reports Floor Works';
const DATE = '2026-05-04';
const day = Date.parse(DATE);
const HOUR = 3_600_000;

type Results = Record<string, { value: number | null }>;
type KpiAll = { inputs: { unitsProduced: number }; results: Results; groups: { key: string; results: Results }[] };

describe('GET /api/reports/production-daily.pdf and .xlsx: seed 004’s daily production report', () => {
  const org = useOrg(ORG, { ada: 'owner', mia: 'manager', otto: 'operator', vic: 'viewer' });
  const other = useOrg('Reports Floor elsewhere', { ivan: 'owner' });
  const open = useZeroClients();
  const as = (who: 'ada' | 'vic'): RestAuth => ({ person: org[who], org: org.id });
  let line: FloorLine;
  const ids = { line2: randomUUID(), mech: randomUUID(), change: randomUUID(), theirLine: randomUUID() };
  let kpis: KpiAll;

  const ok = async (zero: TestZero, write: Parameters<TestZero['mutate']>[0]) => {
    const result = await zero.mutate(write).server;
    expect(result.type, JSON.stringify(result)).toBe('success');
  };

  beforeAll(async () => {
    const zero = open(org.mia, org.id);
    line = await setUpFloorLine({ zero, person: org.mia, orgID: org.id }, 'Line 1', [
      { code: 'P1', name: 'Widget', idealCycleSeconds: 30 },
    ]);
    await ok(zero, mutators.line.create({ id: ids.line2, name: 'Line 2' }));
    await ok(zero, mutators.downtimeReason.create({ id: ids.mech, code: 'MECH', name: 'Mechanical', planned: false }));
    await ok(zero, mutators.downtimeReason.create({ id: ids.change, code: 'CHG', name: 'Changeover', planned: true }));
    const otto = open(org.otto, org.id);
    const first = productionArgs(line, 'P1', { shiftDate: day, unitsProduced: 800, unitsDefective: 10, runHours: 7 });
    await enterProduction(otto, first);
    // 3 defective (scrap + rework) of 400 inspected on Line 1: 7,500 PPM; Line 2 has no inspection, so no PPM.
    await ok(
      otto,
      mutators.qualityEntry.create({
        id: randomUUID(),
        productionEntryID: first.id,
        workOrderID: first.workOrderID,
        lineID: line.lineID,
        shiftID: line.shiftID,
        shiftDate: day,
        inspected: 400,
        defects: {},
        scrap: 2,
        rework: 1,
      }),
    );
    await enterProduction(otto, {
      ...productionArgs(line, 'P1', { shiftDate: day, unitsProduced: 100, runHours: 1 }),
      lineID: ids.line2,
    });
    const stop = (lineID: string, reasonID: string, minutes: number, hour: number) =>
      ok(
        otto,
        mutators.downtimeEntry.create({
          id: randomUUID(),
          lineID,
          reasonID,
          startedAt: day + hour * HOUR,
          durationMinutes: minutes,
        }),
      );
    await stop(line.lineID, ids.mech, 45, 8);
    await stop(line.lineID, ids.change, 20, 10);
    await stop(ids.line2, ids.mech, 15, 11);
    await ok(open(other.ivan, other.id), mutators.line.create({ id: ids.theirLine, name: 'Line 1' }));
    kpis = expectStatus(await rest(as('vic'), 'GET', `/api/kpi/all?from=${DATE}&to=${DATE}&groupBy=line`), 200);
  });

  const pct = (r: Results, name: string) => (r[name]?.value == null ? null : (r[name]?.value as number) / 100);
  const resultsOf = (lineID: string) => kpis.groups.find((g) => g.key === lineID)?.results ?? {};

  test('the workbook: per line and in total, the same numbers as /api/kpi/all, and the downtime Pareto', async () => {
    const book = await expectXlsx(
      await getReport(as('vic'), `/api/reports/production-daily.xlsx?date=${DATE}`),
      `${fileOrg(ORG)}_Daily_Production_${DATE}.xlsx`,
    );
    expect(book.worksheets.map((s) => s.name)).toEqual(['Report', 'Lines', 'Downtime Pareto']);
    const row = (name: string, r: Results, units: number, defective: number, downtime: number) => [
      name,
      units,
      defective,
      ...['availability', 'performance', 'quality', 'oee', 'efficiency'].map((k) => pct(r, k)),
      // An empty cell (no PPM without inspections) reads back as undefined.
      r.ppm?.value ?? undefined,
      downtime,
    ];
    expect(sheetRows(book, 'Lines')).toEqual([
      [
        'Line',
        'Units produced',
        'Units defective',
        'Availability',
        'Performance',
        'Quality',
        'OEE',
        'Efficiency',
        'PPM',
        'Downtime (min)',
      ],
      row('Line 1', resultsOf(line.lineID), 800, 10, 65),
      row('Line 2', resultsOf(ids.line2), 100, 0, 15),
      row('Total', kpis.results, 900, 10, 80),
    ]);
    expect(pct(kpis.results, 'oee')).toBeGreaterThan(0);
    expect(resultsOf(line.lineID).ppm?.value, JSON.stringify(resultsOf(line.lineID).ppm)).toBe(7500);
    expect(book.getWorksheet('Lines')?.getCell('G4').numFmt).toBe('0.0%');
    expect(book.getWorksheet('Lines')?.getCell('B4').numFmt).toBe('#,##0');
    expect(sheetRows(book, 'Downtime Pareto').slice(1)).toEqual([
      ['MECH · Mechanical', 'Unplanned', 2, 60, 0.75, 0.75],
      ['CHG · Changeover', 'Planned', 1, 20, 0.25, 1],
    ]);
  });

  test('the PDF: named like seed 004’s, the organization, the day, the lines, OEE and the Pareto, page numbers', async () => {
    const pdf = await expectPdf(
      await getReport(as('vic'), `/api/reports/production-daily.pdf?date=${DATE}`),
      `${fileOrg(ORG)}_Daily_Production_${DATE}.pdf`,
    );
    expect(pdf.pages[0]).toContain(ORG);
    const oee = kpis.results.oee?.value as number;
    for (const text of [DATE, 'Line 1', 'Line 2', 'OEE by line (%)', 'Downtime Pareto (minutes)', `${oee.toFixed(1)} %`, '900']) {
      expect(pdf.text).toContain(text);
    }
  });

  test('one line by name; a day with no entries is a document that says so', async () => {
    const book = await expectXlsx(
      await getReport(as('ada'), `/api/reports/production-daily.xlsx?date=${DATE}&line=Line%202`),
      `${fileOrg(ORG)}_Daily_Production_${DATE}.xlsx`,
    );
    expect(sheetRows(book, 'Lines').map((r) => r.slice(0, 2))).toEqual([
      ['Line', 'Units produced'],
      ['Line 2', 100],
      ['Total', 100],
    ]);
    expect(sheetRows(book, 'Downtime Pareto').slice(1)).toEqual([['MECH · Mechanical', 'Unplanned', 1, 15, 1, 1]]);
    const empty = await expectPdf(
      await getReport(as('ada'), '/api/reports/production-daily.pdf?date=2026-05-10'),
      `${fileOrg(ORG)}_Daily_Production_2026-05-10.pdf`,
    );
    expect(empty.text).toContain('No production or downtime was recorded on 2026-05-10.');
    expect(empty.text).toContain('No downtime was recorded on 2026-05-10.');
  });

  test('another organization’s line is a 404; no date or a bad one is a 400 naming it', async () => {
    const theirs = await getReport(as('ada'), `/api/reports/production-daily.pdf?date=${DATE}&line=${ids.theirLine}`);
    expect(theirs.status).toBe(404);
    // Their "Line 1" by name is their own, not ours.
    const ivan = await getReport(
      { person: other.ivan, org: other.id },
      `/api/reports/production-daily.xlsx?date=${DATE}&line=Line%201`,
    );
    const rows = sheetRows(await expectXlsx(ivan, `Reports_Floor_elsewhere_Daily_Production_${DATE}.xlsx`), 'Lines');
    expect(rows.slice(1).map((r) => r.slice(0, 2))).toEqual([
      ['Line 1', 0],
      ['Total', 0],
    ]);
    for (const [path, field] of [
      ['/api/reports/production-daily.pdf', 'query.date'],
      ['/api/reports/production-daily.xlsx?date=04/05/2026', 'query.date'],
    ] as const) {
      const bad = await getReport(as('ada'), path);
      expect(bad.status).toBe(400);
      expect(bad.json().error.details.map((d) => d.loc.join('.'))).toEqual([field]);
    }
  });
});
