import { deflateRawSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { exampleWorkbook } from '../../../server/customer-success/uploads/example.ts';
import { readWorkbook, WorkbookRefused } from '../../../server/customer-success/uploads/parse.ts';
import { HEALTH_CATEGORIES } from '../../../shared/customer-success/categories.ts';
import { diffValues } from '../../../shared/customer-success/uploads/diff.ts';
import type { KpiValue } from '../../../shared/customer-success/uploads/layout.ts';
import { kpiValues } from '../../../shared/customer-success/uploads/rollup.ts';
import { validateWorkbook } from '../../../shared/customer-success/uploads/validate.ts';
import type { ReferenceRange } from '../../../shared/health/ranges.ts';
import { buildWorkbook } from '../../helpers/workbooks.ts';

const read = async (bytes: Uint8Array, mode: 'corporate' | 'rollup' = 'corporate') =>
  validateWorkbook(await readWorkbook(bytes), mode);

describe('Excel KPI workbook: parsing and validation', () => {
  test('the example workbook reads clean: five sheets, every row a KPI, names the triggers watch', async () => {
    const { rows, issues } = await read(await exampleWorkbook());
    expect(issues).toEqual([]);
    expect(new Set(rows.map((r) => r.category))).toEqual(new Set(HEALTH_CATEGORIES));
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['NPS Score', 'CSAT', 'Churn Risk']));
    expect(rows.find((r) => r.name === 'CSAT')).toMatchObject({
      sheet: 'Support & Experience',
      row: 2,
      value: 4.2,
      weight: 2,
      impact: 'High',
      frequency: 'monthly',
      sourceReview: 'Support desk survey',
      unit: null,
    });
    const rollup = await read(await exampleWorkbook('rollup'), 'rollup');
    expect(rollup.issues).toEqual([]);
  });

  test('a missing sheet, an unknown category sheet, a non-numeric value and a duplicate KPI: each with sheet, row and column', async () => {
    const sheets = ['Relationship Strength', 'Adoption & Engagement', 'Support & Experience', 'Product Value', 'Marketing'];
    const bytes = await buildWorkbook(
      {
        'Relationship Strength': [['NPS Score', 30, 1, 'High', 'Quarterly', 'Survey']],
        'Adoption & Engagement': [['Active Users', 'n/a', 1, 'Low', 'Monthly', 'Analytics']],
        'Product Value': [['nps score', 12, 1, 'High', 'Monthly', '']],
      },
      { sheets },
    );
    const { rows, issues } = await read(bytes);
    expect(rows).toEqual([]);
    expect(issues).toEqual(
      expect.arrayContaining([
        { sheet: 'Business Outcomes', row: null, column: null, message: 'The sheet “Business Outcomes” is missing' },
        expect.objectContaining({ sheet: 'Marketing', message: expect.stringContaining('is not a health category') }),
        expect.objectContaining({
          sheet: 'Adoption & Engagement',
          row: 2,
          column: 'B',
          message: expect.stringContaining('Data must be a number'),
        }),
        expect.objectContaining({
          sheet: 'Product Value',
          row: 2,
          column: 'A',
          message: 'The KPI “nps score” is already in Relationship Strength, row 2',
        }),
      ]),
    );
    expect(issues).toHaveLength(4);
  });

  test('formulas count by their saved result; a date, an error value or an unsaved formula where a number belongs is named', async () => {
    const bytes = await buildWorkbook({
      'Relationship Strength': [
        ['NPS Score', { formula: '20+12', result: 32 }, 1, 'High', 'Quarterly', new Date(Date.UTC(2026, 0, 15))],
        ['Sponsor', new Date(Date.UTC(2026, 0, 1)), 1, '', '', ''],
        ['Broken', { error: '#DIV/0!' }, 1, '', '', ''],
        ['Unsaved', { formula: 'B2*2' }, 1, '', '', ''],
        ['Odd impact', 3, -1, 'Huge', 'Hourly', ''],
      ],
    });
    const sheets = await readWorkbook(bytes);
    const { issues } = validateWorkbook(sheets, 'corporate');
    const at = (row: number, column: string) => issues.filter((i) => i.row === row && i.column === column).map((i) => i.message);
    expect(at(2, 'B')).toEqual([]);
    expect(at(3, 'B')).toEqual(['Data must be a number, not a date']);
    expect(at(4, 'B')[0]).toContain('#DIV/0!');
    expect(at(5, 'B')[0]).toContain('no saved result');
    expect(at(6, 'C')).toEqual(['Weight cannot be negative']);
    expect(at(6, 'D')[0]).toContain('Impact level must be one of High, Medium, Low');
    expect(at(6, 'E')[0]).toContain('Measurement frequency must be one of');
    // Without the bad rows, the formula row reads as its result and the date as text.
    const good = validateWorkbook([{ ...sheets[0]!, rows: sheets[0]!.rows.slice(0, 2) }, ...sheets.slice(1)], 'corporate');
    expect(good.rows[0]).toMatchObject({ value: 32, sourceReview: '2026-01-15' });
  });

  test('a wrong header is named by its column', async () => {
    const headers = ['KPI parameter', 'Value', 'Weight', 'Impact level', 'Measurement frequency', 'Source review'];
    const { issues } = await read(await buildWorkbook({}, { headers }));
    expect(issues.filter((i) => i.column === 'B' && i.row === 1)).toHaveLength(5);
    expect(issues[0]?.message).toBe('The header must be “Data”, found “Value”');
  });

  test('not an xlsx, a damaged zip and too many rows are refused whole with a clear message', async () => {
    await expect(readWorkbook(new TextEncoder().encode('name,value\nNPS,3\n'))).rejects.toThrow(
      new WorkbookRefused('The file is not an Excel workbook (.xlsx)'),
    );
    const good = await exampleWorkbook();
    await expect(readWorkbook(good.subarray(0, good.length - 40))).rejects.toThrow(WorkbookRefused);
    const many = Array.from({ length: 2001 }, (_, i) => [`KPI ${i}`, i, 1, '', '', '']);
    await expect(readWorkbook(await buildWorkbook({ 'Product Value': many }))).rejects.toThrow(/at most 2000 KPI rows/);
  });

  test('a zip whose directory claims a huge unpacked size is refused before unpacking', async () => {
    const bytes = Uint8Array.from(await exampleWorkbook());
    const view = new DataView(bytes.buffer);
    // Inflate the first central-directory entry's uncompressed size.
    let at = bytes.length - 22;
    while (view.getUint32(at, true) !== 0x06054b50) at--;
    const dir = view.getUint32(at + 16, true);
    view.setUint32(dir + 24, 0xfffffff0, true);
    await expect(readWorkbook(bytes)).rejects.toThrow(/unpacks to more than/);
  });

  test('a zip bomb whose directory lies about its size is refused too, without unpacking it whole', async () => {
    // One entry: 200 MB of zeros deflated to about 200 KB, declared as 1 KB.
    const bomb = lyingZip('xl/worksheets/sheet1.xml', deflateRawSync(Buffer.alloc(200 * 1024 * 1024)), 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    await expect(readWorkbook(bomb)).rejects.toThrow(/unpacks to more than 40 MB/);
    // What it inflated stopped at the 40 MB budget (and is garbage now), far below 200 MB.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(100 * 1024 * 1024);
    // The same file with truthful compressed data but a method Excel never writes.
    const odd = lyingZip('a.xml', Buffer.from('hello'), 5, 12);
    await expect(readWorkbook(odd)).rejects.toThrow(/compression method/);
  });
});

/** A one-entry zip whose central directory declares `declaredSize` whatever `data` inflates to. */
function lyingZip(name: string, data: Buffer, declaredSize: number, method = 8): Uint8Array {
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(method, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(method, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const dirOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(dirOffset, 16);
  return new Uint8Array(Buffer.concat([local, nameBytes, data, central, nameBytes, end]));
}

describe('rollup and diff', () => {
  test('corporate: one value per row; rollup: weighted by each row’s weight, one KPI per name', async () => {
    const bytes = await buildWorkbook(
      {
        'Relationship Strength': [
          ['NPS Score', 10, 1, 'High', 'Quarterly', '', 'North'],
          ['NPS Score', 40, 3, 'High', 'Quarterly', '', 'South'],
        ],
        'Business Outcomes': [
          ['Churn Risk', 20, 0, '', '', '', 'North'],
          ['Churn Risk', 30, 0, '', '', '', 'South'],
        ],
      },
      { rollup: true },
    );
    const { rows, issues } = await read(bytes, 'rollup');
    expect(issues).toEqual([]);
    expect(kpiValues(rows, 'rollup')).toEqual([
      { name: 'NPS Score', category: 'Relationship Strength', value: 32.5, weight: 2, frequency: 'quarterly' },
      { name: 'Churn Risk', category: 'Business Outcomes', value: 25, weight: 0, frequency: 'monthly' },
    ]);
    // The same KPI and unit twice is a duplicate; a missing unit is named.
    const dup = await buildWorkbook(
      {
        'Product Value': [
          ['ROI', 1, 1, '', '', '', 'North'],
          ['ROI', 2, 1, '', '', '', 'north'],
          ['ROI', 3, 1, '', '', '', ''],
        ],
      },
      { rollup: true },
    );
    const bad = await read(dup, 'rollup');
    expect(bad.issues).toEqual([
      {
        sheet: 'Product Value',
        row: 3,
        column: 'A',
        message: 'The KPI “ROI” is already in Product Value, row 2 for the business unit “north”',
      },
      { sheet: 'Product Value', row: 4, column: 'G', message: 'Business unit is required in rollup mode' },
    ]);
  });

  test('added, changed, removed, and the bands that move', () => {
    const nps: ReferenceRange = {
      higherIsBetter: true,
      critical: { min: -100, max: 0 },
      risk: { min: 0, max: 30 },
      healthy: { min: 30, max: 100 },
    };
    const v = (name: string, value: number): KpiValue => ({
      name,
      category: 'Relationship Strength',
      value,
      weight: 1,
      frequency: 'monthly',
    });
    const diff = diffValues(
      [v('NPS Score', 35), v('Sponsor', 3), v('Old', 1), v('Same', 5)],
      [v('nps score', -5), v('Sponsor', 4), v('New', 2), v('Same', 5)],
      (name) => (name.toLowerCase() === 'nps score' ? nps : undefined),
    );
    expect(diff).toEqual({
      added: [{ name: 'New', category: 'Relationship Strength', value: 2 }],
      changed: [
        { name: 'nps score', category: 'Relationship Strength', before: 35, after: -5 },
        { name: 'Sponsor', category: 'Relationship Strength', before: 3, after: 4 },
      ],
      removed: [{ name: 'Old', category: 'Relationship Strength', value: 1 }],
      unchanged: 1,
      bandMoves: [{ name: 'nps score', from: 'healthy', to: 'critical' }],
    });
  });
});
