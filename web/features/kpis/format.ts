const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** "42 %", "1,200 €", or just the number when there is no unit. */
export function withUnit(n: number, unit: string): string {
  return unit ? `${formatNumber(n)} ${unit}` : formatNumber(n);
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "2 minutes ago" style, for when a KPI last moved. */
export function timeAgo(ms: number, now = Date.now()): string {
  const seconds = Math.round((ms - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  if (abs < 45 * 60) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return relative.format(Math.round(seconds / 3600), 'hour');
  return relative.format(Math.round(seconds / 86400), 'day');
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const utcDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** "3 May 2026, 09:30" in the person's time zone. */
export function formatDateTime(ms: number): string {
  return dateTime.format(ms);
}

export function formatDate(ms: number): string {
  return dateOnly.format(ms);
}

/** A calendar day stored as UTC midnight (goal target dates), shown as that day everywhere. */
export function formatUtcDate(ms: number): string {
  return utcDate.format(ms);
}

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

/** "64 %" for a 0..1 progress; "—" without one. */
export function formatPercent(progress: number | null | undefined): string {
  return progress === null || progress === undefined ? '—' : `${Math.round(progress * 100)} %`;
}
