/**
 * Deterministic, locale-independent formatting for summaries: at most 2
 * decimals, comma thousands separators, ISO dates (UTC).
 */

/** Units written before the number ("$1,200"). */
const PREFIX_UNITS = new Set(['$', '€', '£', '¥', '₹']);

/** The number with at most `maxDecimals` decimals (trailing zeros dropped) and comma thousands separators. */
export function formatNumber(x: number, maxDecimals = 2): string {
  if (!Number.isFinite(x)) return String(x);
  const fixed = Math.abs(x).toFixed(maxDecimals);
  if (Number(fixed) === 0) return '0';
  const [whole = '0', fraction = ''] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const decimals = fraction.replace(/0+$/, '');
  return `${x < 0 ? '-' : ''}${grouped}${decimals ? `.${decimals}` : ''}`;
}

/** Attaches the unit: "$1,200", "12.5%", "1,200 users", or the bare number without a unit. */
function withUnit(sign: string, magnitude: string, unit: string): string {
  const u = unit.trim();
  if (u === '') return `${sign}${magnitude}`;
  if (PREFIX_UNITS.has(u)) return `${sign}${u}${magnitude}`;
  if (u === '%') return `${sign}${magnitude}%`;
  return `${sign}${magnitude} ${u}`;
}

/** A value with its unit, e.g. "1,200 users", "$3.5", "-$5", "12%". */
export function formatQuantity(x: number, unit: string): string {
  const text = formatNumber(x);
  return text.startsWith('-') ? withUnit('-', text.slice(1), unit) : withUnit('', text, unit);
}

const PERIODS: readonly [string, number][] = [
  ['day', 1],
  ['week', 7],
  ['month', 30],
  ['year', 365],
];

/**
 * A signed rate of change, e.g. "+12.4 users/day", "-$3/week". Per day unless
 * that rounds below 0.1, then per week, per month (30 days) or per year.
 */
export function formatRate(slopePerDay: number, unit: string): string {
  let chosen = PERIODS[PERIODS.length - 1]!;
  for (const period of PERIODS) {
    if (Math.abs(slopePerDay * period[1]) >= 0.1) {
      chosen = period;
      break;
    }
  }
  const rate = slopePerDay * chosen[1];
  const sign = rate > 0 ? '+' : rate < 0 ? '-' : '';
  const text = formatNumber(Math.abs(rate));
  const magnitude = text === '0' && rate !== 0 ? '<0.01' : text;
  return `${withUnit(sign, magnitude, unit)}/${chosen[0]}`;
}

/** 0.973 -> "97.3%". */
export function formatPercent(fraction: number): string {
  return `${formatNumber(fraction * 100, 1)}%`;
}

/** The UTC calendar date of an epoch-ms time, "YYYY-MM-DD" ("unknown date" when out of range). */
export function isoDate(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? 'unknown date' : d.toISOString().slice(0, 10);
}
