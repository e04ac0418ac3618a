import { describe, expect, test } from 'vitest';
import { COMPACT_FROM, formatsFor, unitCurrency } from '../../shared/formats.ts';
import { DAY_MS, describeKpi, plainSummary } from '../../shared/insights/index.ts';
import { canonicalLocale, canonicalTimeZone, formatSettingsPatch, timeZoneOf } from '../../shared/locale.ts';
import type { Direction } from '../../shared/progress.ts';
import { statusOf } from '../../web/features/kpis/kpi-status.ts';

const us = formatsFor({ locale: 'en-US', currency: 'USD' }, { timeZone: 'UTC' });
const de = formatsFor({ locale: 'de-DE', currency: 'EUR' }, { timeZone: 'UTC' });
// Intl writes a narrow no-break space in some places (de-DE "45.250 $"): compare with plain spaces.
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('numbers: full digits below a million, compact from there', () => {
  test('en-US and de-DE', () => {
    expect(COMPACT_FROM).toBe(1e6);
    expect(us.number(999_999.5)).toBe('999,999.5');
    expect(us.number(1_234_567)).toBe('1.23M');
    expect(us.number(-45_300_000_000)).toBe('-45.3B');
    expect(us.number(1e15)).toBe('1000T');
    expect(us.number(-0.001)).toBe('0');
    expect(de.number(1234.5)).toBe('1.234,5');
    expect(spaced(de.number(1_234_567))).toBe('1,23 Mio.');
  });

  test('units: after the number, percentages in the locale’s style, compact too', () => {
    expect(us.quantity(1200, 'users')).toBe('1,200 users');
    expect(us.quantity(2_500_000, 'users')).toBe('2.5M users');
    expect(us.quantity(12.345, '%')).toBe('12.35%');
    expect(spaced(de.quantity(12.5, '%'))).toBe('12,5 %');
    expect(us.quantity(3, '')).toBe('3');
    expect(us.quantity(2, 'users', { signed: true })).toBe('+2 users');
  });
});

describe('money: Intl currency style in the organization’s locale', () => {
  test('"$45,250", not "45,250 $", in en-US; the German way in de-DE', () => {
    expect(us.quantity(45_250, '$')).toBe('$45,250');
    expect(us.quantity(45_250.5, '$')).toBe('$45,250.50');
    expect(us.quantity(-5, '$')).toBe('-$5');
    expect(us.quantity(1_234_567, '$')).toBe('$1.23M');
    expect(us.quantity(3, '€', { signed: true })).toBe('+€3');
    expect(spaced(de.quantity(45_250, '€'))).toBe('45.250 €');
    expect(spaced(de.quantity(45_250.5, 'EUR'))).toBe('45.250,50 €');
    expect(spaced(de.quantity(1_234_567, '€'))).toBe('1,23 Mio. €');
  });

  test('which units are money: symbols, ISO codes; "$" is the organization’s dollar', () => {
    expect(unitCurrency('$', 'USD')).toBe('USD');
    expect(unitCurrency('$', 'CAD')).toBe('CAD');
    expect(unitCurrency('$', 'EUR')).toBe('USD');
    expect(unitCurrency('€', 'USD')).toBe('EUR');
    expect(unitCurrency('£', 'USD')).toBe('GBP');
    expect(unitCurrency('usd', 'EUR')).toBe('USD');
    expect(unitCurrency('CHF', 'EUR')).toBe('CHF');
    for (const notMoney of ['', '%', 'users', 'ms', 'ABC', 'hours']) expect(unitCurrency(notMoney, 'USD')).toBeUndefined();
    const cad = formatsFor({ locale: 'en-CA', currency: 'CAD' });
    expect(cad.quantity(10, '$')).toBe('$10');
  });
});

describe('dates: one Intl style everywhere', () => {
  const at = Date.UTC(2026, 4, 3, 9, 30);
  test('medium date, and date with short time, in the locale', () => {
    expect(us.date(at)).toBe('May 3, 2026');
    expect(spaced(us.dateTime(at))).toBe('May 3, 2026, 9:30 AM');
    expect(de.date(at)).toBe('03.05.2026');
    expect(de.dateTime(at)).toBe('03.05.2026, 09:30');
  });

  test('calendar days stay the same day in every time zone', () => {
    const tokyo = formatsFor({}, { timeZone: 'Asia/Tokyo' });
    const honolulu = formatsFor({}, { timeZone: 'Pacific/Honolulu' });
    expect(tokyo.day(Date.UTC(2026, 11, 31))).toBe('Dec 31, 2026');
    expect(honolulu.day(Date.UTC(2026, 11, 31))).toBe('Dec 31, 2026');
  });

  test('progress as a percentage; none is a dash', () => {
    expect(us.percent(0.64)).toBe('64%');
    expect(spaced(de.percent(0.64))).toBe('64 %');
    expect(us.percent(0.9734, 1)).toBe('97.3%');
    expect(us.percent(null)).toBe('—');
  });
});

describe('an organization’s settings', () => {
  test('a locale Intl knows, canonically spelled; an ISO 4217 currency', () => {
    expect(canonicalLocale('de-de')).toBe('de-DE');
    expect(canonicalLocale('xx-YY')).toBeUndefined();
    expect(canonicalLocale('not a tag')).toBeUndefined();
    expect(formatSettingsPatch.parse({ locale: 'en-gb', currency: ' eur ' })).toEqual({ locale: 'en-GB', currency: 'EUR' });
    expect(formatSettingsPatch.safeParse({ currency: 'EURO' }).error?.issues[0]?.message).toBe(
      'Currency must be an ISO 4217 code such as USD or EUR',
    );
  });

  test('a time zone: an IANA name Intl knows, in its spelling; offsets and unknown names are refused', () => {
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone(' UTC ')).toBe('UTC');
    expect(canonicalTimeZone('Etc/GMT+5')).toBe('Etc/GMT+5');
    // Intl takes a fixed offset, but an offset ignores the clocks changing.
    expect(canonicalTimeZone('+01:00')).toBeUndefined();
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeUndefined();
    expect(canonicalTimeZone('Europe/Berlin; DROP')).toBeUndefined();
    expect(canonicalTimeZone(`Europe/${'x'.repeat(64)}`)).toBeUndefined();
    expect(formatSettingsPatch.parse({ timeZone: 'asia/tokyo' })).toEqual({ timeZone: 'Asia/Tokyo' });
    expect(formatSettingsPatch.safeParse({ timeZone: 'Berlin' }).error?.issues).toMatchObject([
      { path: ['timeZone'], message: 'Time zone must be an IANA name such as Europe/Berlin; “Berlin” is not one' },
    ]);
    expect(timeZoneOf(undefined)).toBe('UTC');
    expect(timeZoneOf({ timeZone: 'Asia/Tokyo' })).toBe('Asia/Tokyo');
  });

  test('every zone offered in Settings passes the rule as it is spelled there', () => {
    for (const zone of Intl.supportedValuesOf('timeZone')) expect(canonicalTimeZone(zone), zone).toBe(zone);
  });
});

describe('the insight and the card say the same about where a KPI stands', () => {
  const T0 = Date.UTC(2026, 0, 1);
  /** A KPI with one point a day from `values`, as the card (statusOf) and the insight (plainSummary) see it. */
  const both = (values: number[], target: number, direction: Direction = 'higher', unit = 'items') => {
    const points = values.map((value, d) => ({ at: T0 + d * DAY_MS, value }));
    const facts = describeKpi({ points, target, direction, now: T0 + values.length * DAY_MS });
    const card = statusOf({ currentValue: values.at(-1) ?? null, target, direction });
    return { card, factsStatus: facts.status, summary: plainSummary(facts, { name: 'Backlog', unit, formats: us }) };
  };

  test('95 of 100, no trend: "On track" on the card, "on track" in the insight, never "not on course"', () => {
    const { card, factsStatus, summary } = both([95, 96, 94, 95, 95, 96, 94, 95], 100);
    expect(card).toBe('on-track');
    expect(factsStatus).toBe(card);
    expect(summary).toBe(
      'Backlog shows no clear trend (latest value 95 items) and is on track, close to its target of 100 items.',
    );
  });

  test('on track but rising too slowly, or slipping: still on track in both', () => {
    // +0.001 a day: 5,000 days to go, beyond the 10-year forecast.
    const slow = both([95, 95.001, 95.002, 95.003, 95.004, 95.005, 95.006, 95.007], 100);
    expect(slow.card).toBe('on-track');
    expect(slow.summary).toContain('and is on track, close to its target of 100 items.');
    expect(slow.summary).not.toMatch(/not expected|not on course/);
    const slipping = both([99, 98.5, 98, 97.5, 97, 96.5, 96, 95.5], 100);
    expect(slipping.card).toBe('on-track');
    expect(slipping.summary).toContain('and is on track, close to its target of 100 items, but moving away from it.');
  });

  test('a target of 0, lower is better: off track above 0 in both; at 0 it is met', () => {
    const above = both([3, 2, 4, 3, 3, 2, 4, 3], 0, 'lower', 'incidents');
    expect(above.card).toBe('off-track');
    expect(above.summary).toBe(
      'Backlog shows no clear trend (latest value 3 incidents) and is off track against its target of 0 incidents.',
    );
    const none = both([0, 0, 0, 0, 0], 0, 'lower', 'incidents');
    expect(none.card).toBe('on-track');
    expect(none.summary).toContain('meets its target of 0 incidents');
  });

  test('the insight text follows the organization’s formats', () => {
    const points = Array.from({ length: 10 }, (_, d) => ({ at: T0 + d * DAY_MS, value: 1000 + 500 * d }));
    const facts = describeKpi({ points, target: 10_000, direction: 'higher', now: T0 + 10 * DAY_MS });
    expect(spaced(plainSummary(facts, { name: 'Umsatz', unit: '€', formats: de }))).toBe(
      'Umsatz is rising (+500 €/day, 99,9 % confidence) and should reach its target of 10.000 € around 19.01.2026.',
    );
  });
});
