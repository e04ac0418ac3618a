import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { dataPointFields } from '../../shared/kpi.ts';
import {
  boundedNumber,
  decimalSeparatorFor,
  numberInputText,
  numberText,
  readNumber,
  VALUE_LIMIT,
} from '../../shared/numbers.ts';

const value = (text: string, decimal?: '.' | ',') => {
  const reading = readNumber(text, decimal ? { decimal } : {});
  return reading.ok ? reading.value : undefined;
};
const reason = (text: string, decimal?: '.' | ',') => {
  const reading = readNumber(text, decimal ? { decimal } : {});
  return reading.ok ? undefined : reading.reason;
};

describe('readNumber: one reading of a typed number, for every form and the CSV import', () => {
  test('plain numbers, signs and surrounding spaces', () => {
    expect(value('42')).toBe(42);
    expect(value('  -42 ')).toBe(-42);
    expect(value('+7.25')).toBe(7.25);
    expect(value('−3')).toBe(-3);
    expect(value('.5')).toBe(0.5);
    expect(value('-.5')).toBe(-0.5);
    expect(value('007')).toBe(7);
    expect(Object.is(value('-0'), 0)).toBe(true);
  });

  test('"." as decimal separator: "," groups thousands, only in threes', () => {
    // The quick-add box refused this while the CSV import took it.
    expect(value('1,234.5')).toBe(1234.5);
    expect(value('1,234')).toBe(1234);
    expect(value('12,345,678.901')).toBe(12345678.901);
    expect(value('1 234.5')).toBe(1234.5);
    for (const wrong of ['1,23', '1,2345', ',123', '1,,234', '1234,567,89']) {
      expect(reason(wrong), wrong).toBe(
        `“${wrong}” is not a number: thousands are grouped in threes, as in 1,234,567 (the decimal separator here is “.”)`,
      );
    }
    expect(reason('6,5')).toContain('the decimal separator here is “.”');
  });

  test('"," as decimal separator: "." or a space groups thousands', () => {
    expect(value('6,5', ',')).toBe(6.5);
    expect(value('1.234,5', ',')).toBe(1234.5);
    expect(value('1.234', ',')).toBe(1234);
    // fr-FR groups with a narrow no-break space, de-CH... with a no-break space.
    expect(value('1\u202f234,5', ',')).toBe(1234.5);
    expect(value('1\u00a0234\u00a0567', ',')).toBe(1234567);
    expect(reason('6.5', ',')).toBe(
      '“6.5” is not a number: thousands are grouped in threes, as in 1.234.567 (the decimal separator here is “,”)',
    );
    expect(reason('1,2,3', ',')).toContain('more than one decimal separator “,”');
  });

  test('malformed text is refused with the reason', () => {
    expect(reason('')).toBe('A number is required');
    expect(reason('   ')).toBe('A number is required');
    expect(reason('12abc')).toBe('“12abc” is not a number: “a” is not part of a number');
    expect(reason('$5')).toBe('“$5” is not a number: “$” is not part of a number');
    expect(reason('1--2')).toBe('“1--2” is not a number: a sign (+ or -) may only come first');
    expect(reason('--2')).toBe('“--2” is not a number: a sign (+ or -) may only come first');
    expect(reason('5.')).toBe('“5.” is not a number: digits must follow the decimal separator “.”');
    expect(reason('1.2.3')).toContain(
      'more than one decimal separator “.” (if “.” groups thousands here, the decimal separator is “,”)',
    );
    expect(reason('1.234,5')).toContain('“1.234,5” is not a number');
    expect(reason('0.123,456')).toBe('“0.123,456” is not a number: thousands may only be grouped before the decimal separator');
    expect(reason('-')).toBe('“-” is not a number');
    expect(reason('lots')).toBe('“lots” is not a number');
    expect(reason('n/a')).toBe('“n/a” is not a number');
    expect(reason('1,234 567')).toBe('“1,234 567” is not a number: it mixes separators');
  });

  test('NaN, Infinity and exponents are refused', () => {
    for (const text of ['NaN', 'nan', 'Infinity', '-Infinity', '∞', 'inf']) {
      expect(reason(text), text).toBe(`“${text}” is not a number: it must be a finite number`);
    }
    for (const text of ['1e308', '1E3', '2.5e-3', '-1e+400']) {
      expect(reason(text), text).toBe(`“${text}” is not a number: exponents (“e”) are not accepted; write the digits out`);
    }
  });

  test('numbers beyond ±10^15 are refused, however many digits they are written with', () => {
    expect(VALUE_LIMIT).toBe(1e15);
    expect(value('1,000,000,000,000,000')).toBe(1e15);
    expect(value('-1000000000000000')).toBe(-1e15);
    expect(reason('1000000000000001')).toBe('“1000000000000001” is beyond the limit of ±1,000,000,000,000,000');
    // 309 digits: Number() would give Infinity; the reason quotes only the start.
    expect(reason(`1${'0'.repeat(308)}`)).toBe('“10000000000000000000…” is beyond the limit of ±1,000,000,000,000,000');
  });
});

describe('numberText: a form field read by readNumber, then checked by the shared rule', () => {
  const schema = z.object({ value: numberText(dataPointFields.value) });
  const messages = (text: string) => schema.safeParse({ value: text }).error?.issues.map((i) => i.message) ?? [];

  test('good text becomes the number; blank is missing; bad text gives the reason', () => {
    expect(schema.parse({ value: ' 1,234.5 ' })).toEqual({ value: 1234.5 });
    expect(messages('')).toEqual(['Value must be a number']);
    expect(messages('1,23')).toEqual([
      '“1,23” is not a number: thousands are grouped in threes, as in 1,234,567 (the decimal separator here is “.”)',
    ]);
  });

  test('with "," as decimal separator', () => {
    const comma = z.object({ value: numberText(dataPointFields.value, ',') });
    expect(comma.parse({ value: '6,5' })).toEqual({ value: 6.5 });
  });

  test('the shared rule still applies after reading', () => {
    const positive = z.object({ w: numberText(boundedNumber('Weight').refine((n) => n >= 0, 'Weight cannot be negative')) });
    expect(positive.safeParse({ w: '-1' }).error?.issues.map((i) => i.message)).toEqual(['Weight cannot be negative']);
  });
});

describe('bounds and the text of inputs', () => {
  test('boundedNumber names the field and the limit', () => {
    const target = boundedNumber('Target');
    expect(target.safeParse(1e308).error?.issues[0]?.message).toBe('Target must be at most 1,000,000,000,000,000');
    expect(target.safeParse(-1e308).error?.issues[0]?.message).toBe('Target must be at least -1,000,000,000,000,000');
    expect(target.safeParse(Number.NaN).error?.issues[0]?.message).toBe('Target must be a number');
    expect(target.safeParse(Number.POSITIVE_INFINITY).error?.issues[0]?.message).toBe('Target must be a number');
  });

  test('the decimal separator of a locale', () => {
    expect(decimalSeparatorFor('en-US')).toBe('.');
    expect(decimalSeparatorFor('de-DE')).toBe(',');
    expect(decimalSeparatorFor('fr-FR')).toBe(',');
    expect(decimalSeparatorFor('ja-JP')).toBe('.');
  });

  test('a stored number as input text reads back to itself', () => {
    for (const n of [0, 42, -3.5, 1234.5, 1e15, 1e-7, 0.1 + 0.2]) {
      for (const decimal of ['.', ','] as const) {
        expect(value(numberInputText(n, decimal), decimal), `${n} with ${decimal}`).toBe(n);
      }
    }
    expect(numberInputText(1e-7)).toBe('0.0000001');
    expect(numberInputText(1234.5, ',')).toBe('1234,5');
  });
});
