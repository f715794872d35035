import { describe, expect, it } from 'vitest';
import { currencyExponent, formatMoney, MoneyError, parseMoney } from '../../src/model/index.js';

describe('parseMoney', () => {
  it.each([
    ['19.99', 'EUR', 1999],
    ['0.10', 'EUR', 10],
    ['0.1', 'USD', 10],
    ['5', 'USD', 500],
    ['-3.50', 'EUR', -350],
    ['1000', 'JPY', 1000],
    ['1.234', 'KWD', 1234],
    ['19.990', 'EUR', 1999],
    ['90071992547409.91', 'USD', 9007199254740991],
  ])('%s %s is %i minor units', (text, currency, minor) => {
    expect(parseMoney(text, currency)).toEqual({ amount: minor, currency });
  });

  it('parses numbers through their decimal text, not binary floating point', () => {
    expect(parseMoney(19.95, 'EUR').amount).toBe(1995);
    expect(parseMoney(0.3, 'EUR').amount).toBe(30);
    // 1.005 in binary is 1.00499999…; as the channel wrote it, it has one decimal too many for USD.
    expect(() => parseMoney(1.005, 'USD')).toThrow(MoneyError);
  });

  it.each([
    ['1e309', 'EUR'], ['NaN', 'EUR'], ['', 'EUR'], ['12,50', 'EUR'], ['0.1', 'JPY'], ['1.2345', 'KWD'],
    ['19.99', 'EURO'], ['99999999999999999999', 'USD'],
  ])('refuses %j in %s', (text, currency) => {
    expect(() => parseMoney(text, currency)).toThrow(MoneyError);
  });

  it('refuses non-finite numbers', () => {
    expect(() => parseMoney(Number.POSITIVE_INFINITY, 'EUR')).toThrow(MoneyError);
    expect(() => parseMoney(1e21, 'EUR')).toThrow(MoneyError);
  });
});

describe('formatMoney', () => {
  it.each([
    [{ amount: 1999, currency: 'EUR' }, '19.99'],
    [{ amount: 5, currency: 'EUR' }, '0.05'],
    [{ amount: -350, currency: 'EUR' }, '-3.50'],
    [{ amount: 1000, currency: 'JPY' }, '1000'],
    [{ amount: 1234, currency: 'KWD' }, '1.234'],
  ])('%j is %s', (money, text) => {
    expect(formatMoney(money)).toBe(text);
    expect(parseMoney(text, money.currency)).toEqual(money);
  });

  it('knows the ISO 4217 exponents that are not 2', () => {
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KWD')).toBe(3);
    expect(currencyExponent('eur')).toBe(2);
  });

  it('refuses a code that is three capital letters but no currency, and knows the funds codes', () => {
    expect(() => currencyExponent('ABC')).toThrow(/unknown currency code "ABC"/);
    expect(() => parseMoney('1.00', 'XYZ')).toThrow(MoneyError);
    expect(currencyExponent('CLF')).toBe(4);
    expect(currencyExponent('CHF')).toBe(2);
  });
});
