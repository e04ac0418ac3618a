import { fromDateInput, fromDateTimeLocal, toDateInput, toDateTimeLocal } from '../../lib/date-inputs.ts';

/**
 * The shop-floor forms' optional dates: a ship date is a day (its UTC
 * midnight), a planned start an instant typed in the person's own time.
 * Blank is none (null, as the fields store it); text that is not a date is
 * NaN, which the shared rules refuse with their message.
 */
export const dayInput = (ms: number | null | undefined) => (ms == null ? '' : toDateInput(ms));
export const dayFromInput = (text: string): number | null => fromDateInput(text) ?? null;
export const dateTimeInput = (ms: number | null | undefined) => (ms == null ? '' : toDateTimeLocal(ms));
export const dateTimeFromInput = (text: string): number | null => fromDateTimeLocal(text) ?? null;

/** A whole number of seconds as people read a duration: "45 s", "12 min", "1 h 30 min", "2 d 3 h". */
export function durationText(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const [h, m] = [Math.floor(minutes / 60), minutes % 60];
  if (h < 24) return m ? `${h} h ${m} min` : `${h} h`;
  const [d, hh] = [Math.floor(h / 24), h % 24];
  return hh ? `${d} d ${hh} h` : `${d} d`;
}
