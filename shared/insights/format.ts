import { type Formats, formatsFor } from '../formats.ts';

/**
 * The insight text's numbers and dates, in the organization's formats
 * (shared/formats.ts) when given: the server passes them, written for UTC so
 * the text does not depend on the server's zone. Without them, en-US.
 */
const FALLBACK = formatsFor({}, { timeZone: 'UTC' });

/** The number with at most 2 decimals, grouped; compact when large ("1.23M"). */
export function formatNumber(x: number, formats: Formats = FALLBACK): string {
  return formats.number(x);
}

/** A value with its unit: "1,200 users", "$3.5", "-$5", "12%". */
export function formatQuantity(x: number, unit: string, formats: Formats = FALLBACK): string {
  return formats.quantity(x, unit);
}

const PERIODS: readonly [string, number][] = [
  ['day', 1],
  ['week', 7],
  ['month', 30],
  ['year', 365],
];
/** Below this a rate shows as "<0.01" (2 decimals would round it to 0). */
const SMALLEST_SHOWN = 0.005;

/**
 * A signed rate of change, e.g. "+12.4 users/day", "-$3/week". Per day unless
 * that rounds below 0.1, then per week, per month (30 days) or per year.
 */
export function formatRate(slopePerDay: number, unit: string, formats: Formats = FALLBACK): string {
  let chosen = PERIODS[PERIODS.length - 1]!;
  for (const period of PERIODS) {
    if (Math.abs(slopePerDay * period[1]) >= 0.1) {
      chosen = period;
      break;
    }
  }
  const rate = slopePerDay * chosen[1];
  const tiny = rate !== 0 && Math.abs(rate) < SMALLEST_SHOWN;
  const text = tiny ? `${rate > 0 ? '+' : '-'}<${formats.quantity(0.01, unit)}` : formats.quantity(rate, unit, { signed: true });
  return `${text}/${chosen[0]}`;
}

/** 0.973 -> "97.3%". */
export function formatPercent(fraction: number, formats: Formats = FALLBACK): string {
  return formats.percent(fraction, 1);
}

/** A moment's calendar day ("Feb 15, 2026"), in the formats' time zone. */
export function formatDay(ms: number, formats: Formats = FALLBACK): string {
  return Number.isFinite(ms) ? formats.date(ms) : 'an unknown date';
}
