import { z } from 'zod';

/**
 * How an organization writes numbers, money and dates: a BCP 47 locale and an
 * ISO 4217 currency, stored on the organization (db/migrations/009) so every
 * member and the server's insight text agree. Defaults match the columns'.
 */
export interface FormatSettings {
  locale: string;
  currency: string;
}
export const DEFAULT_FORMAT_SETTINGS: FormatSettings = { locale: 'en-US', currency: 'USD' };

/** Offered in Settings; any locale and currency Intl supports is accepted. */
export const COMMON_LOCALES = [
  'en-US',
  'en-GB',
  'en-CA',
  'en-AU',
  'en-IN',
  'de-DE',
  'de-CH',
  'fr-FR',
  'fr-CA',
  'es-ES',
  'es-MX',
  'it-IT',
  'nl-NL',
  'pt-BR',
  'sv-SE',
  'pl-PL',
  'ja-JP',
] as const;
export const COMMON_CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'INR', 'JPY', 'BRL', 'MXN', 'SEK', 'PLN'] as const;

/**
 * The organization's time zone: the clock its calendar days are read on
 * ("today" on the shop floor's line dashboard, the shift dates it counts).
 * Kept apart from FormatSettings, which say how values are written, not
 * which day it is. The default matches the column's (db/migrations/023).
 */
export const DEFAULT_TIME_ZONE = 'UTC';

/** An IANA name's shape, as the column's CHECK has it: letters first, no UTC offsets such as "+01:00". */
const TIME_ZONE_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/**
 * The zone in Intl's spelling ("europe/berlin" -> "Europe/Berlin"), or
 * undefined when it is no IANA name Intl knows. Offsets are refused although
 * Intl takes them: a fixed offset ignores the clocks changing.
 */
export function canonicalTimeZone(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed.length > 64 || !TIME_ZONE_SHAPE.test(trimmed)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** The locale in its canonical spelling ("en-us" -> "en-US"), or undefined when Intl cannot format with it. */
export function canonicalLocale(tag: string): string | undefined {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.trim());
    return canonical && Intl.NumberFormat.supportedLocalesOf([canonical]).length > 0 ? canonical : undefined;
  } catch {
    return undefined;
  }
}

export const formatSettingsFields = {
  locale: z.string({ error: 'Locale must be text' }).transform((tag, ctx) => {
    const canonical = canonicalLocale(tag);
    if (canonical) return canonical;
    ctx.addIssue({ code: 'custom', message: `Locale must be a language tag such as en-US or de-DE; “${tag}” is not one` });
    return z.NEVER;
  }),
  currency: z
    .string({ error: 'Currency must be text' })
    .trim()
    .toUpperCase()
    .refine(
      (code) => (Intl.supportedValuesOf('currency') as readonly string[]).includes(code),
      'Currency must be an ISO 4217 code such as USD or EUR',
    ),
  timeZone: z.string({ error: 'Time zone must be text' }).transform((name, ctx) => {
    const canonical = canonicalTimeZone(name);
    if (canonical) return canonical;
    ctx.addIssue({ code: 'custom', message: `Time zone must be an IANA name such as Europe/Berlin; “${name}” is not one` });
    return z.NEVER;
  }),
};

/** A change to an organization's formats: any of the settings, the time zone included. */
export const formatSettingsPatch = z.object(formatSettingsFields).partial();

/** An organization row's settings, falling back to the defaults (a row synced before the columns existed). */
export function formatSettingsOf(row: { locale?: string | null; currency?: string | null } | undefined): FormatSettings {
  return {
    locale: row?.locale || DEFAULT_FORMAT_SETTINGS.locale,
    currency: row?.currency || DEFAULT_FORMAT_SETTINGS.currency,
  };
}

/** An organization row's time zone, falling back to the default (a row synced before the column existed). */
export function timeZoneOf(row: { timeZone?: string | null } | undefined): string {
  return row?.timeZone || DEFAULT_TIME_ZONE;
}
