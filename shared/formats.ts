import { DEFAULT_FORMAT_SETTINGS, type FormatSettings } from './locale.ts';
import { type DecimalSeparator, decimalSeparatorFor } from './numbers.ts';

/**
 * How every number, amount and date is shown, in the organization's locale:
 * the web app (through its organization), the server's insight text, the
 * chart labels. One place, so a value reads the same on a card, in a table,
 * in a chart and in an insight.
 */

/** From this magnitude up numbers are written compactly ("1.23M", "$45.3B"); below it in full digits. */
export const COMPACT_FROM = 1e6;

/**
 * Units that stand for money and the currency each means by default. "$" is
 * the organization's currency when that is written "$" too (CAD, AUD, ...),
 * and likewise for the other symbols; otherwise the default here.
 */
const SYMBOL_CURRENCIES: Readonly<Record<string, string>> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR' };

let currencyCodes: ReadonlySet<string> | undefined;
const isCurrencyCode = (code: string) => {
  currencyCodes ??= new Set(Intl.supportedValuesOf('currency'));
  return currencyCodes.has(code);
};
const narrowSymbol = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' })
    .formatToParts(1)
    .find((p) => p.type === 'currency')?.value;

/** The ISO 4217 currency a KPI unit stands for ("$", "€", "USD", "eur"); undefined when it is not money. */
export function unitCurrency(unit: string, orgCurrency: string = DEFAULT_FORMAT_SETTINGS.currency): string | undefined {
  const u = unit.trim();
  const byDefault = SYMBOL_CURRENCIES[u];
  if (byDefault) return isCurrencyCode(orgCurrency) && narrowSymbol(orgCurrency) === u ? orgCurrency : byDefault;
  const code = u.toUpperCase();
  return /^[A-Z]{3}$/.test(code) && isCurrencyCode(code) ? code : undefined;
}

export interface Formats {
  readonly settings: FormatSettings;
  /** The decimal separator people type numbers with in this locale (readNumber's option). */
  readonly decimal: DecimalSeparator;
  /** Grouped digits, at most 2 decimals; compact from COMPACT_FROM. */
  number(n: number): string;
  /**
   * A value in its unit: money in the currency's style ("$45,250", "45.250 €"),
   * "%" as a percentage ("12.5%"), other units after the number ("1,200 users").
   * `signed` writes "+" before positive values (rates of change).
   */
  quantity(n: number, unit: string, options?: { signed?: boolean }): string;
  /** A 0..1 fraction as a percentage ("64%"); "—" without one. */
  percent(fraction: number | null | undefined, maxDecimals?: number): string;
  /** A moment's day ("May 3, 2026"), in the time zone given (default: the runtime's). */
  date(ms: number): string;
  /** A moment's day and time ("May 3, 2026, 9:30 AM"). */
  dateTime(ms: number): string;
  /** A calendar day stored as UTC midnight (goal target dates), the same day everywhere. */
  day(ms: number): string;
}

/**
 * The formatters for an organization's settings. `timeZone` fixes the zone of
 * date and dateTime (the server writes insight text in UTC); the browser
 * leaves it out and shows each person their own time.
 */
export function formatsFor(settings: Partial<FormatSettings> = {}, options: { timeZone?: string } = {}): Formats {
  const full: FormatSettings = { ...DEFAULT_FORMAT_SETTINGS, ...settings };
  const { locale } = full;
  const cache = new Map<string, Intl.NumberFormat>();
  /**
   * `n` in one style (plain, a currency, percent): compact from COMPACT_FROM,
   * otherwise with `digits`. signDisplay 'negative' keeps a value that rounds
   * to zero from showing as "-0"; `signed` adds "+" to rates of change.
   * `magnitude` is the value as people read it (12 for 12%, formatted as 0.12).
   */
  const render = (
    n: number,
    signed: boolean,
    style: Intl.NumberFormatOptions,
    digits: Intl.NumberFormatOptions,
    magnitude = n,
  ) => {
    const compact = Math.abs(magnitude) >= COMPACT_FROM;
    const key = `${style.style ?? 'decimal'}:${style.currency ?? ''}:${signed}:${compact}:${JSON.stringify(digits)}`;
    let format = cache.get(key);
    if (!format) {
      const scale: Intl.NumberFormatOptions = compact ? { notation: 'compact', maximumSignificantDigits: 3 } : digits;
      format = new Intl.NumberFormat(locale, { ...style, ...scale, signDisplay: signed ? 'exceptZero' : 'negative' });
      cache.set(key, format);
    }
    return format.format(n);
  };
  const TWO_DECIMALS = { maximumFractionDigits: 2 };
  const plain = (n: number, signed = false) => render(n, signed, {}, TWO_DECIMALS);

  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: options.timeZone });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: options.timeZone });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });

  return {
    settings: full,
    decimal: decimalSeparatorFor(locale),
    number: (n) => plain(n),
    quantity(n, unit, { signed = false } = {}) {
      const currency = unitCurrency(unit, full.currency);
      // Whole amounts without ".00", cents when there are any (the currency's own digits otherwise).
      if (currency) return render(n, signed, { style: 'currency', currency }, { trailingZeroDisplay: 'stripIfInteger' });
      if (unit.trim() === '%') return render(n / 100, signed, { style: 'percent' }, TWO_DECIMALS, n);
      return unit.trim() ? `${plain(n, signed)} ${unit.trim()}` : plain(n, signed);
    },
    percent(fraction, maxDecimals = 0) {
      if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
      return render(fraction, false, { style: 'percent' }, { maximumFractionDigits: maxDecimals });
    },
    date: (ms) => date.format(ms),
    dateTime: (ms) => dateTime.format(ms),
    day: (ms) => day.format(ms),
  };
}
