// Money is an integer in the currency's minor units plus its ISO 4217 code. Never a float.

import type { Money } from './order.js';

// ISO 4217 minor-unit exponents (https://www.iso.org/iso-4217-currency-codes.html, table A.1).
// Currencies not listed here default to 2, the exponent of nearly every other active currency.
const EXPONENT_EXCEPTIONS: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0,
  UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

// Active ISO 4217 codes as this Node's ICU knows them, plus the table above (funds codes such as
// CLF and UYW that ICU leaves out). Three capital letters alone would let "ABC" through with 2
// decimals and a wrong number in the ledger.
const KNOWN_CURRENCIES: ReadonlySet<string> = new Set([...Intl.supportedValuesOf('currency'), ...Object.keys(EXPONENT_EXCEPTIONS)]);

export function isCurrencyCode(code: string): boolean {
  return KNOWN_CURRENCIES.has(code);
}

export function currencyExponent(currency: string): number {
  const code = currency.toUpperCase();
  if (!isCurrencyCode(code)) throw new MoneyError(`unknown currency code "${currency}"`);
  return EXPONENT_EXCEPTIONS[code] ?? 2;
}

export class MoneyError extends Error {}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal amount as a channel sends it ("19.99", "5", 19.95) into minor units,
 * exactly: digits are shifted as text, never through binary floating point. An amount with
 * more decimals than the currency has is rejected unless the extra digits are zeros.
 */
export function parseMoney(value: string | number, currency: string): Money {
  const code = currency.toUpperCase();
  const exponent = currencyExponent(code);
  const text = typeof value === 'number' ? numberToDecimalText(value) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) throw new MoneyError(`"${String(value).slice(0, 40)}" is not a decimal amount`);
  const [, sign, whole = '', fraction = ''] = match;
  // Longer than any safe integer: refuse before BigInt spends seconds reading megabytes of digits.
  if (whole.replace(/^0+/, '').length + exponent > 16) throw new MoneyError(`"${text.slice(0, 40)}" is too large (over 16 digits)`);
  const kept = fraction.slice(0, exponent).padEnd(exponent, '0');
  if (/[^0]/.test(fraction.slice(exponent))) {
    throw new MoneyError(`"${text}" has more decimals than ${code} allows (${exponent})`);
  }
  const minor = BigInt(whole + kept);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw new MoneyError(`"${text.slice(0, 40)}" is too large`);
  const amount = Number(minor);
  return { amount: sign === '-' && amount !== 0 ? -amount : amount, currency: code };
}

function numberToDecimalText(value: number): string {
  if (!Number.isFinite(value)) throw new MoneyError(`${value} is not a finite amount`);
  // JavaScript prints the shortest decimal that round-trips, which is what the channel wrote.
  const text = String(value);
  if (/e/i.test(text)) throw new MoneyError(`${text} is not a plain decimal amount`);
  return text;
}

/** Minor units as a plain decimal string ("19.99"), for APIs that want decimals. */
export function formatMoney(money: Money): string {
  const exponent = currencyExponent(money.currency);
  const negative = money.amount < 0;
  const digits = String(Math.abs(money.amount)).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? '.' + digits.slice(digits.length - exponent) : '';
  return (negative ? '-' : '') + whole + fraction;
}

export function zeroMoney(currency: string): Money {
  return { amount: 0, currency: currency.toUpperCase() };
}

export function sumMoney(currency: string, values: Money[]): Money {
  let amount = 0;
  for (const value of values) {
    if (value.currency !== currency) throw new MoneyError(`cannot add ${value.currency} to ${currency}`);
    amount += value.amount;
  }
  return { amount, currency };
}
