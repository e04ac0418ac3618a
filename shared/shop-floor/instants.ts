import { readIsoDate } from '../iso-date.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/i;

export const INSTANT_HINT = 'a date (2026-03-31) or a date-time with its zone (2026-03-31T09:00:00Z)';

/**
 * The instant (epoch ms) that `text` names: a date-time with its zone, or a
 * date alone, which is that UTC day's start, or with `dayEnd` its last
 * millisecond, so that an order due on 2026-03-31 may ship at any time that
 * day. A date-time without a zone is refused (null): on a server its
 * meaning would depend on the server's zone.
 */
export function instantOf(text: string, dayEnd = false): number | null {
  const dateOnly = DATE_ONLY.test(text);
  if (!dateOnly && !ZONED.test(text)) return null;
  const reading = readIsoDate(text);
  if (!reading.ok) return null;
  return dateOnly && dayEnd ? reading.value + DAY_MS - 1 : reading.value;
}
