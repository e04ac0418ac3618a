import { describe, expect, test } from 'vitest';
import { clockMinutes, shiftSpanHours } from '../../../shared/shop-floor/shift.ts';

describe('shift clock times and spans', () => {
  test('HH:MM on a 24-hour clock, nothing else', () => {
    expect(['00:00', '06:30', '23:59'].map(clockMinutes)).toEqual([0, 390, 1439]);
    expect(['24:00', '7:00', '12:60', '12.30', ' 06:00', ''].map(clockMinutes)).toEqual([null, null, null, null, null, null]);
  });

  test('a day shift, a night shift across midnight, and a 24 h shift', () => {
    expect(shiftSpanHours('06:00', '14:00')).toBe(8);
    expect(shiftSpanHours('22:00', '06:00')).toBe(8);
    expect(shiftSpanHours('23:30', '00:15')).toBe(0.75);
    expect(shiftSpanHours('07:00', '07:00')).toBe(24);
    expect(shiftSpanHours('00:00', '23:59')).toBeCloseTo(23 + 59 / 60, 12);
    expect(shiftSpanHours('22:00', '6:00')).toBeNull();
  });
});
