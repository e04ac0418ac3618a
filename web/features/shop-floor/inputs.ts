/**
 * Date inputs of the shop-floor forms. A day (ship dates) is stored as its
 * UTC midnight, so it is the same day everywhere; an instant (a planned
 * start) is typed in the person's own time (datetime-local).
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** A stored day as a date input's value ("2026-12-18"); blank for none. */
export function dayInput(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '';
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A date input's value as the day's UTC midnight; null when blank, NaN when not a day. */
export function dayFromInput(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(t) ? Date.parse(`${t}T00:00:00Z`) : Number.NaN;
}

/** An instant as a datetime-local input's value, in this device's time; blank for none. */
export function dateTimeInput(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local input's value (this device's time) as epoch ms; null when blank, NaN when not a time. */
export function dateTimeFromInput(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(t) ? new Date(t).getTime() : Number.NaN;
}

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
