import { describe, expect, it } from 'vitest';
import { readAmount, toDecimalText, toMoney } from '../../../connectors/medusa/money.js';

describe('medusa money: decimal text, rounded once to minor units', () => {
  it.each([
    [88.75853, 'EUR', 8876], [35.3647775, 'USD', 3536], [7.743, 'EUR', 774], [4.9, 'EUR', 490],
    [19.99, 'EUR', 1999], [0.005, 'EUR', 1], [0.004999, 'EUR', 0], [1.005, 'EUR', 101], [2.675, 'EUR', 268],
    [-10.005, 'EUR', -1001], [-0.004, 'EUR', 0], [2900, 'JPY', 2900], [2900.5, 'JPY', 2901], [1.2345, 'KWD', 1235],
    ['4.2664500000000000000', 'EUR', 427], ['76.668', 'EUR', 7667], ['0', 'USD', 0],
  ] as const)('%s %s → %s minor units', (value, currency, minor) => {
    expect(toMoney(value, currency)).toEqual({ amount: minor, currency });
  });

  it('never goes through float arithmetic: 1.005 and 2.675 round up, as their decimal text says', () => {
    // Math.round(1.005 * 100) is 100 and Math.round(2.675 * 100) is 267 in binary floating point.
    expect(Math.round(1.005 * 100)).toBe(100);
    expect(toMoney(1.005, 'EUR').amount).toBe(101);
    expect(toMoney(2.675, 'EUR').amount).toBe(268);
  });

  it.each([
    [1e-7, '0.0000001'], ['1.5e3', '1500'], ['-2.5E-2', '-0.025'], [123.456, '123.456'], ['.5', '0.5'], ['7.', '7'],
    ['1.0000000000000000000e-7', '0.00000010000000000000000000'],
  ] as const)('reads %s as %s', (value, text) => {
    expect(toDecimalText(value)).toBe(text);
  });

  it.each([['abc'], [''], ['1.2.3'], [Number.NaN], [Number.POSITIVE_INFINITY], ['1e99']])('refuses %s', (value) => {
    expect(() => toMoney(value as string | number, 'EUR')).toThrow();
  });

  it('prefers raw_<field>.value, falls back to the number, and reads a missing amount as zero', () => {
    expect(readAmount({ total: 1, raw_total: { value: '1.2345', precision: 20 } }, 'total', 'eur')).toEqual({ amount: 123, currency: 'EUR' });
    expect(readAmount({ total: 9.999 }, 'total', 'eur')).toEqual({ amount: 1000, currency: 'EUR' });
    expect(readAmount({ total: null }, 'total', 'usd')).toEqual({ amount: 0, currency: 'USD' });
    expect(() => readAmount({ total: true }, 'total', 'usd')).toThrow();
  });
});
