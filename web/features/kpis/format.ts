// Numbers, amounts and dates are shown in the organization's formats
// (useFormats, shared/formats.ts); this module keeps the relative times.

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

// The texts of date inputs are the platform's (web/lib/date-inputs.ts); kept importable from here.
export { fromDateInput, fromDateTimeLocal, toDateInput, toDateTimeLocal } from '../../lib/date-inputs.ts';
