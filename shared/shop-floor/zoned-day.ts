import { DAY_MS } from './instants.ts';

/**
 * Calendar days in a time zone. Shift dates are stored as epoch ms at UTC
 * midnight of the day the shift starts (the factory's calendar day), so
 * "today" on a line dashboard is the day the organization's clock shows,
 * written as that UTC midnight, not the UTC day the server or viewer is in:
 * at 00:30 in Tokyo it is already tomorrow's shift date, at 23:30 in Chicago
 * still today's.
 */

const dayParts = new Map<string, Intl.DateTimeFormat>();
function partsIn(timeZone: string): Intl.DateTimeFormat {
  let format = dayParts.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    dayParts.set(timeZone, format);
  }
  return format;
}

/** True when Intl knows the zone ("Europe/Berlin", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    partsIn(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at instant `at`, read as if it were UTC (epoch ms). */
function wallClock(timeZone: string, at: number): number {
  const p = Object.fromEntries(
    partsIn(timeZone)
      .formatToParts(at)
      .map((x) => [x.type, Number(x.value)]),
  );
  return Date.UTC(p.year as number, (p.month as number) - 1, p.day as number, p.hour, p.minute, p.second);
}

/** The calendar day (epoch ms at UTC midnight, a shift date) that instant `at` falls on in `timeZone`. */
export function dayIn(timeZone: string, at: number): number {
  return Math.floor(wallClock(timeZone, at) / DAY_MS) * DAY_MS;
}

/**
 * The instants [start, end) that calendar day `day` (a shift date) spans in
 * `timeZone`: local midnight to the next local midnight, 23 or 25 hours on
 * the days the clocks change.
 */
export function dayWindow(timeZone: string, day: number): { start: number; end: number } {
  const midnight = (d: number) => {
    // The offset at a guess, then at the instant it gives: right across a change of offset.
    let at = d - (wallClock(timeZone, d) - d);
    at = d - (wallClock(timeZone, at) - at);
    return at;
  };
  return { start: midnight(day), end: midnight(day + DAY_MS) };
}

/** The shift date `n` days before `day` (n may be negative). */
export const daysBefore = (day: number, n: number): number => day - n * DAY_MS;

/** Every shift date from `from` to `to`, both included, oldest first (none when to < from). */
export function daysFrom(from: number, to: number): number[] {
  const days: number[] = [];
  for (let d = from; d <= to; d += DAY_MS) days.push(d);
  return days;
}

/** A shift date as ISO text ("2026-03-31"), and back (null for anything else). */
export const isoDay = (day: number): string => new Date(day).toISOString().slice(0, 10);
export function dayOfIso(text: string | undefined): number | null {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(ms) || isoDay(ms) !== text ? null : ms;
}
