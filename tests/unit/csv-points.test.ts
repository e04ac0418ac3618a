import { describe, expect, test } from 'vitest';
import { IMPORT_MAX_ROWS, parsePointsCsv } from '../../shared/csv-points.ts';
import { readIsoDate } from '../../shared/iso-date.ts';

const csv = (...lines: string[]) => lines.join('\n');
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const problems = (text: string, options = {}) => parsePointsCsv(text, options).errors.map((e) => `${e.loc.join(', ')}: ${e.msg}`);

describe('CSV import: the delimiter comes from the file', () => {
  test('comma, semicolon, tab and vertical bar', () => {
    for (const [delimiter, name] of [
      [',', 'comma'],
      [';', 'semicolon'],
      ['\t', 'tab'],
      ['|', 'vertical bar'],
    ]) {
      const preview = parsePointsCsv(
        csv(['date', 'value', 'note'].join(delimiter!), ['2026-01-05', '42', 'hi'].join(delimiter!)),
      );
      expect(preview.delimiter, name).toBe(delimiter);
      expect(preview.rows, name).toEqual([{ line: 2, value: 42, recordedAt: day('2026-01-05'), note: 'hi' }]);
    }
  });

  test('a semicolon file’s "6,5" is six and a half, not 65', () => {
    const preview = parsePointsCsv(csv('date;value', '2026-01-05;6,5', '2026-01-06;1.234,5', '2026-01-07;12'));
    expect(preview.delimiter).toBe(';');
    expect(preview.decimal).toEqual({ separator: ',', source: 'file', ambiguous: false });
    expect(preview.rows.map((r) => r.value)).toEqual([6.5, 1234.5, 12]);
    expect(preview.errors).toEqual([]);
  });
});

describe('CSV import: the decimal separator comes from the values, or from the person', () => {
  test('values that show it settle it; one that disagrees is refused with its reason', () => {
    const preview = parsePointsCsv(csv('date,value', '2026-01-05,"1,234.5"', '2026-01-06,2.25', '2026-01-07,"3,5"'));
    expect(preview.decimal).toEqual({ separator: '.', source: 'file', ambiguous: false });
    expect(preview.rows.map((r) => r.value)).toEqual([1234.5, 2.25]);
    expect(problems(csv('date,value', '2026-01-05,"1,234.5"', '2026-01-06,2.25', '2026-01-07,"3,5"'))).toEqual([
      'line 4, value: “3,5” is not a number: thousands are grouped in threes, as in 1,234,567 (the decimal separator here is “.”)',
    ]);
  });

  test('"1,234" alone could be either: ambiguous, read with the default until the person chooses', () => {
    const text = csv('date,value', '2026-01-05,"1,234"', '2026-01-06,"2,500"');
    const assumed = parsePointsCsv(text);
    expect(assumed.decimal).toEqual({ separator: '.', source: 'assumed', ambiguous: true });
    expect(assumed.rows.map((r) => r.value)).toEqual([1234, 2500]);
    const german = parsePointsCsv(text, { defaultDecimal: ',' });
    expect(german.decimal).toEqual({ separator: ',', source: 'assumed', ambiguous: true });
    expect(german.rows.map((r) => r.value)).toEqual([1.234, 2.5]);
    const chosen = parsePointsCsv(text, { decimal: ',' });
    expect(chosen.decimal).toEqual({ separator: ',', source: 'chosen', ambiguous: true });
    expect(chosen.rows.map((r) => r.value)).toEqual([1.234, 2.5]);
  });

  test('whole numbers leave nothing to decide', () => {
    expect(parsePointsCsv(csv('date,value', '2026-01-05,12', '2026-01-06,-3')).decimal).toEqual({
      separator: '.',
      source: 'assumed',
      ambiguous: false,
    });
  });
});

describe('CSV import: dates must exist', () => {
  test('2026-02-30 is refused with its line and column, not read as March 2', () => {
    expect(problems(csv('date,value', '2026-02-28,1', '2026-02-30,2', '2024-02-29,3', '2026-13-01,4', '2026-04-31,5'))).toEqual([
      'line 3, date: “2026-02-30” is not a real date: February 2026 has 28 days',
      'line 5, date: “2026-13-01” is not a real date: there is no month 13',
      'line 6, date: “2026-04-31” is not a real date: April 2026 has 30 days',
    ]);
  });

  test('times and zones are checked too', () => {
    expect(readIsoDate('2026-03-31T09:00:00Z')).toEqual({ ok: true, value: Date.UTC(2026, 2, 31, 9) });
    expect(readIsoDate('2026-03-31T09:00:00+02:00')).toEqual({ ok: true, value: Date.UTC(2026, 2, 31, 7) });
    expect(readIsoDate('2026-03-31 09:30')).toEqual({ ok: true, value: new Date(2026, 2, 31, 9, 30).getTime() });
    expect(readIsoDate('2026-03-31T24:00:00Z')).toEqual({
      ok: false,
      reason: '“2026-03-31T24:00:00Z” is not a real date: 24:00 is not a time of day',
    });
    expect(readIsoDate('31/03/2026')).toEqual({ ok: false, reason: 'Date must look like 2026-03-31 or 2026-03-31T09:00:00Z' });
  });
});

describe('CSV import: columns', () => {
  test('columns that are not imported are named, as the file writes them', () => {
    const preview = parsePointsCsv(csv('Date,Value,Region,note,Owner', '2026-01-05,42,EU,hi,Ana'));
    expect(preview.ignoredColumns).toEqual(['Region', 'Owner']);
    expect(preview.rows).toEqual([{ line: 2, value: 42, recordedAt: day('2026-01-05'), note: 'hi' }]);
  });

  test('a second date column is not used and says so; a nameless one only when it holds data', () => {
    expect(parsePointsCsv(csv('date,value,time', '2026-01-05,1,09:00')).ignoredColumns).toEqual(['time']);
    expect(parsePointsCsv(csv('date,value,', '2026-01-05,1,')).ignoredColumns).toEqual([]);
    expect(parsePointsCsv(csv('date,value', '2026-01-05,1,stray')).ignoredColumns).toEqual(['column 3 (no name)']);
  });

  test('a missing value or date column is named; too many rows are refused', () => {
    expect(problems(csv('when,amount', '2026-01-05,1'))).toEqual([
      'line 1, header: The header row needs a "date" (or "recordedAt") column',
    ]);
    const many = csv('date,value', ...Array.from({ length: IMPORT_MAX_ROWS + 1 }, () => '2026-01-05,1'));
    expect(problems(many)).toEqual([`file: At most ${IMPORT_MAX_ROWS} rows per import; this file has ${IMPORT_MAX_ROWS + 1}`]);
  });

  test('bad values are refused with the same reasons as the forms, bounds included', () => {
    expect(
      problems(csv('date,value', '2026-01-05,lots', '2026-01-06,', '2026-01-07,1e308', '2026-01-08,2000000000000000')),
    ).toEqual([
      'line 2, value: “lots” is not a number',
      'line 3, value: Value is required',
      'line 4, value: “1e308” is not a number: exponents (“e”) are not accepted; write the digits out',
      'line 5, value: “2000000000000000” is beyond the limit of ±1,000,000,000,000,000',
    ]);
  });
});
