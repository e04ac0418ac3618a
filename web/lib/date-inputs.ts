/**
 * The texts of date and datetime-local inputs, for every pack's forms: a day
 * is its UTC midnight (the same day everywhere), a datetime-local value is
 * the person's own time.
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** Epoch ms as the value of an <input type="datetime-local"> (local time, minutes). */
export function toDateTimeLocal(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The value of a datetime-local input as epoch ms; undefined when blank, NaN when unreadable. */
export function fromDateTimeLocal(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(t) ? new Date(t).getTime() : Number.NaN;
}

/** UTC midnight as the value of an <input type="date">. */
export function toDateInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The value of a date input as epoch ms of that day's UTC midnight; undefined when blank. */
export function fromDateInput(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(t) ? Date.parse(`${t}T00:00:00Z`) : Number.NaN;
}
