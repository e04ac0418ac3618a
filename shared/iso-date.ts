/** What reading a date from text gives: epoch ms, or why the text is not a date. */
export type DateReading = { ok: true; value: number } | { ok: false; reason: string };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Reads an ISO 8601 date as people write it in a CSV: 2026-03-31 (UTC
 * midnight), 2026-03-31T09:00 or 2026-03-31 09:00:00 (local time), with Z or
 * an offset (+02:00) for that zone. Every part is checked against the
 * calendar first: Date.parse reads 2026-02-30 as March 2.
 */
export function readIsoDate(text: string): DateReading {
  const t = text.trim();
  const parts = ISO.exec(t);
  if (!parts) return { ok: false, reason: 'Date must look like 2026-03-31 or 2026-03-31T09:00:00Z' };
  const [year, month, day, hour = 0, minute = 0, second = 0] = parts
    .slice(1, 7)
    .map((p) => (p === undefined ? undefined : Number(p)));
  const ms = Number((parts[7] ?? '').padEnd(3, '0'));
  const zone = parts[8];
  const notReal = (why: string): DateReading => ({ ok: false, reason: `“${t}” is not a real date: ${why}` });
  if (year === undefined || month === undefined || day === undefined) return notReal('it has no year, month or day');
  if (month < 1 || month > 12) return notReal(`there is no month ${month}`);
  const days = daysIn(year, month);
  if (day < 1 || day > days) return notReal(`${MONTHS[month - 1]} ${year} has ${days} days`);
  if (hour > 23 || minute > 59 || second > 59) return notReal(`${parts[4]}:${parts[5]} is not a time of day`);
  if (!zone) {
    if (parts[4] === undefined) return { ok: true, value: Date.UTC(year, month - 1, day) };
    return { ok: true, value: new Date(year, month - 1, day, hour, minute, second, ms).getTime() };
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (zone.toUpperCase() === 'Z') return { ok: true, value: utc };
  const [, sign, zh, zm] = /^([+-])(\d{2}):?(\d{2})$/.exec(zone) ?? [];
  if (Number(zh) > 14 || Number(zm) > 59) return notReal(`${zone} is not a time zone offset`);
  const offset = (Number(zh) * 60 + Number(zm)) * 60_000;
  return { ok: true, value: sign === '-' ? utc + offset : utc - offset };
}
