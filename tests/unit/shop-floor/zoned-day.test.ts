import { describe, expect, test } from 'vitest';
import { dayIn, dayOfIso, daysBefore, daysFrom, dayWindow, isoDay, isTimeZone } from '../../../shared/shop-floor/zoned-day.ts';

const HOUR = 3_600_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe("today's shift date in the organization's time zone", () => {
  test('the same instant is a different calendar day east and west of UTC', () => {
    // 2026-03-31 23:30 UTC: already April 1st in Tokyo (+9), still March 31st in Chicago (-5 in summer time).
    const at = Date.UTC(2026, 2, 31, 23, 30);
    expect(isoDay(dayIn('UTC', at))).toBe('2026-03-31');
    expect(isoDay(dayIn('Asia/Tokyo', at))).toBe('2026-04-01');
    expect(isoDay(dayIn('America/Chicago', at))).toBe('2026-03-31');
    // 03:00 UTC on April 1st is still the evening of March 31st in Chicago.
    expect(isoDay(dayIn('America/Chicago', Date.UTC(2026, 3, 1, 3)))).toBe('2026-03-31');
  });

  test("a day's window runs from local midnight to local midnight, 23 h on the day clocks go forward", () => {
    expect(dayWindow('UTC', day('2026-03-31'))).toEqual({ start: day('2026-03-31'), end: day('2026-04-01') });
    // Berlin is at +1 before 2026-03-29 02:00 and +2 after.
    const spring = dayWindow('Europe/Berlin', day('2026-03-29'));
    expect(spring.start).toBe(Date.UTC(2026, 2, 28, 23));
    expect(spring.end).toBe(Date.UTC(2026, 2, 29, 22));
    expect(spring.end - spring.start).toBe(23 * HOUR);
    // 25 h on the day they go back (2026-10-25).
    const autumn = dayWindow('Europe/Berlin', day('2026-10-25'));
    expect(autumn.end - autumn.start).toBe(25 * HOUR);
    // Every instant of the window is that day there.
    expect(dayIn('Europe/Berlin', spring.start)).toBe(day('2026-03-29'));
    expect(dayIn('Europe/Berlin', spring.end - 1)).toBe(day('2026-03-29'));
    expect(dayIn('Europe/Berlin', spring.end)).toBe(day('2026-03-30'));
  });

  test('ranges of days, ISO text both ways, and unknown zones', () => {
    expect(daysFrom(day('2026-02-27'), day('2026-03-02')).map(isoDay)).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(daysFrom(day('2026-03-02'), day('2026-03-01'))).toEqual([]);
    expect(isoDay(daysBefore(day('2026-03-01'), 1))).toBe('2026-02-28');
    expect(dayOfIso('2026-02-28')).toBe(day('2026-02-28'));
    for (const bad of ['2026-02-30', '2026-2-3', 'yesterday', '', undefined]) expect(dayOfIso(bad)).toBeNull();
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
