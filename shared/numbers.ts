import { z } from 'zod';

/**
 * The largest magnitude any number a person enters may have: data point
 * values, targets, goal weights. 10^15 is below 2^53, so every whole number
 * up to it is exact in a double (and in Postgres double precision), and it
 * still shows in at most 16 digits; a target of 1e308 once widened the page
 * for a whole organization. Mirrored by the CHECK constraints of
 * db/migrations/009_number_bounds.sql.
 */
export const VALUE_LIMIT = 1e15;
const LIMIT_TEXT = '1,000,000,000,000,000';

/** A finite number within ±VALUE_LIMIT; messages name the field (`label`) and the limit. */
export function boundedNumber(label: string) {
  return z
    .number({ error: `${label} must be a number` })
    .min(-VALUE_LIMIT, `${label} must be at least -${LIMIT_TEXT}`)
    .max(VALUE_LIMIT, `${label} must be at most ${LIMIT_TEXT}`);
}

export type DecimalSeparator = '.' | ',';

/** What reading a number from text gives: the number, or why the text is not one. */
export type NumberReading = { ok: true; value: number } | { ok: false; reason: string };

export interface ReadNumberOptions {
  /** The decimal separator; the other of '.' and ',' (or a space) may group thousands. Default '.'. */
  decimal?: DecimalSeparator;
}

const SIGN = /^[+\-\u2212]/;
/** Spaces that locales group thousands with: "1 234" (fr-FR writes U+202F, others U+00A0). */
const SPACE = /[ \u00a0\u202f]/;
const NUMBER_CHARS = /[^0-9.,\u0020\u00a0\u202f]/;

/**
 * The one reading of a typed or imported number, for every form and the CSV
 * import: digits with an optional leading sign, one decimal separator (the
 * given one), thousands grouped by the other separator or a space but only in
 * threes ("1,234,567.5", not "1,23"), spaces around. Anything else is refused
 * with a reason: exponents, NaN and Infinity, stray characters, and numbers
 * beyond ±VALUE_LIMIT. Blank text is refused too; forms treat blank as
 * "missing" before they get here.
 */
export function readNumber(text: string, options: ReadNumberOptions = {}): NumberReading {
  const decimal = options.decimal ?? '.';
  const trimmed = text.trim();
  // A pasted wall of digits is quoted by its start only.
  const shown = trimmed.length > 24 ? `${trimmed.slice(0, 20)}…` : trimmed;
  const refuse = (why: string, verdict = 'is not a number'): NumberReading => ({
    ok: false,
    reason: `“${shown}” ${verdict}${why ? `: ${why}` : ''}`,
  });
  if (trimmed === '') return { ok: false, reason: 'A number is required' };

  const sign = SIGN.test(trimmed) && trimmed[0] !== '+' ? '-' : '';
  const body = SIGN.test(trimmed) ? trimmed.slice(1) : trimmed;
  if (/^(nan|infinity|inf|∞)$/i.test(body)) return refuse('it must be a finite number');
  // Words ("lots", "n/a") are simply not numbers; a stray character in digits is worth naming.
  if (!/\d/.test(body)) return refuse('');
  const stray = NUMBER_CHARS.exec(body)?.[0];
  if (stray !== undefined) {
    if (/\d[eE][+-]?\d/.test(body)) return refuse('exponents (“e”) are not accepted; write the digits out');
    if (SIGN.test(stray)) return refuse('a sign (+ or -) may only come first');
    return refuse(`“${stray}” is not part of a number`);
  }

  const parts = body.split(decimal);
  if (parts.length > 2) {
    const other = decimal === '.' ? ',' : '.';
    return refuse(
      `it has more than one decimal separator “${decimal}” (if “${decimal}” groups thousands here, the decimal separator is “${other}”)`,
    );
  }
  const [whole = '', fraction] = parts;
  if (fraction !== undefined && !/^\d+$/.test(fraction)) {
    return refuse(
      fraction === ''
        ? `digits must follow the decimal separator “${decimal}”`
        : 'thousands may only be grouped before the decimal separator',
    );
  }
  const digits = wholeDigits(whole, decimal);
  if (typeof digits !== 'string') return refuse(digits.why);

  const value = Number(`${sign}${digits || '0'}.${fraction ?? '0'}`);
  if (!(Math.abs(value) <= VALUE_LIMIT)) return refuse('', `is beyond the limit of ±${LIMIT_TEXT}`);
  // -0 reads as 0: nobody means a signed zero.
  return { ok: true, value: value === 0 ? 0 : value };
}

/** The digits of the whole part, its grouping checked; or why the grouping is wrong. */
function wholeDigits(whole: string, decimal: DecimalSeparator): string | { why: string } {
  const separators = new Set(whole.replace(/\d/g, '').split(''));
  if (separators.size === 0) return whole;
  const group = decimal === '.' ? ',' : '.';
  const [separator] = separators;
  const spaces = [...separators].every((s) => SPACE.test(s));
  if (!spaces && (separators.size > 1 || separator !== group)) return { why: 'it mixes separators' };
  const groups = whole.split(spaces ? SPACE : group);
  const grouped = groups.every((g, i) => (i === 0 ? /^\d{1,3}$/.test(g) : /^\d{3}$/.test(g)));
  if (grouped) return groups.join('');
  const example = `1${spaces ? ' ' : group}234${spaces ? ' ' : group}567`;
  const hint = spaces ? '' : ` (the decimal separator here is “${decimal}”)`;
  return { why: `thousands are grouped in threes, as in ${example}${hint}` };
}

/**
 * A form field's text as a number for `schema` (the shared field rule): read
 * with readNumber, whose reason becomes the field's message. Blank text is
 * missing (undefined), so the rule's own "must be a number" says so.
 */
export function numberText<S extends z.ZodType<unknown, number | undefined>>(schema: S, decimal: DecimalSeparator = '.') {
  return z
    .string()
    .transform((text, ctx) => {
      if (text.trim() === '') return undefined;
      const reading = readNumber(text, { decimal });
      if (reading.ok) return reading.value;
      ctx.addIssue({ code: 'custom', message: reading.reason });
      return z.NEVER;
    })
    .pipe(schema);
}

/** The decimal separator numbers are written with in `locale` ('.' for locales that use neither). */
export function decimalSeparatorFor(locale: string): DecimalSeparator {
  const part = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal');
  return part?.value === ',' ? ',' : '.';
}

/**
 * A stored number as the text of an input, in the digits readNumber takes
 * back: no grouping, no exponent (1e-7 as 0.0000001), `decimal` as separator.
 */
export function numberInputText(n: number, decimal: DecimalSeparator = '.'): string {
  const plain = String(n).includes('e')
    ? n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 })
    : String(n);
  return decimal === '.' ? plain : plain.replace('.', decimal);
}
