// Medusa 2 computes totals without rounding (a 19 % tax on 24.95 is 4.7405; an order total can
// be 88.75853) and serialises them as JSON numbers in major units. ordersync keeps integer minor
// units, so each amount is rounded once, half away from zero, on its decimal text — never
// through binary floating point arithmetic.
import { currencyExponent, MoneyError, parseMoney, type Money } from '../../src/model/index.js';

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** A number or decimal string → plain decimal text ("1e-7" → "0.0000001"). */
export function toDecimalText(value: number | string): string {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new MoneyError(`${value} is not a finite amount`);
  // String(number) prints the shortest decimal that reads back as the same double: the digits
  // Medusa's BigNumber#toNumber produced.
  const text = String(value).trim();
  const match = DECIMAL.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) throw new MoneyError(`"${text.slice(0, 40)}" is not a decimal amount`);
  const [, sign = '', whole = '', fraction = '', exponentText] = match;
  const exponent = exponentText ? Number(exponentText) : 0;
  if (Math.abs(exponent) > 40) throw new MoneyError(`"${text.slice(0, 40)}" is out of range`);
  let digits = (whole || '0') + fraction;
  let point = (whole || '0').length + exponent;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) {
    digits = digits.padEnd(point, '0');
  }
  const intPart = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const fracPart = digits.slice(point);
  return `${sign === '-' ? '-' : ''}${intPart}${fracPart ? `.${fracPart}` : ''}`;
}

/** Rounds a major-unit amount to the currency's minor units (half away from zero). */
export function toMoney(value: number | string, currency: string): Money {
  const text = toDecimalText(value);
  const exponent = currencyExponent(currency);
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace(/^-/, '').split('.');
  const kept = fraction.slice(0, exponent).padEnd(exponent, '0');
  const roundUp = (fraction[exponent] ?? '0') >= '5';
  const minor = BigInt(whole + kept) + (roundUp ? 1n : 0n);
  const digits = minor.toString().padStart(exponent + 1, '0');
  const rounded = exponent > 0 ? `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}` : digits;
  return parseMoney(`${negative && minor !== 0n ? '-' : ''}${rounded}`, currency);
}

/**
 * Reads `record[field]`, preferring Medusa's exact `raw_<field>.value` text where the API
 * includes it (line items do; order-level totals come only as numbers).
 */
export function readAmount(record: Record<string, unknown>, field: string, currency: string): Money {
  const raw = record[`raw_${field}`] as { value?: unknown } | null | undefined;
  if (raw && typeof raw.value === 'string') return toMoney(raw.value, currency);
  const value = record[field];
  if (value === null || value === undefined) return { amount: 0, currency: currency.toUpperCase() };
  if (typeof value !== 'number' && typeof value !== 'string') throw new MoneyError(`${field} is not an amount`);
  return toMoney(value, currency);
}
