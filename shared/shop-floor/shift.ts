/** A production record is one shift: no time of it may run longer than a day. */
export const MAX_SHIFT_HOURS = 24;
export const MINUTES_PER_DAY = MAX_SHIFT_HOURS * 60;

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of a 24-hour clock time "HH:MM" (00:00 to 23:59), or null when `text` is not one. */
export function clockMinutes(text: string): number | null {
  const parts = CLOCK.exec(text);
  return parts ? Number(parts[1]) * 60 + Number(parts[2]) : null;
}

/**
 * The real hours of a shift from its start to its end clock time. An end at
 * or before the start is on the next day, so a shift that crosses midnight
 * counts its hours (22:00-06:00 is 8 h) and an end equal to the start is a
 * full 24 h shift. Wall-clock hours: with no date or time zone given, a
 * daylight-saving change during the night is not seen. Null when either
 * time is not "HH:MM".
 */
export function shiftSpanHours(start: string, end: string): number | null {
  const from = clockMinutes(start);
  const to = clockMinutes(end);
  if (from === null || to === null) return null;
  const minutes = to > from ? to - from : to - from + MINUTES_PER_DAY;
  return minutes / 60;
}
