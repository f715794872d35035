// Decimal text as Tryton writes it (Python's str(Decimal): "25.0000", "0", "0E-8", "1E+1") and
// as we send it, compared and converted exactly — never through binary floating point.
import { parseMoney, type Money } from '../../src/connector-kit/index.js';
import type { TrytonDecimal } from './types.js';

const DECIMAL_TEXT = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** The shortest plain form of a decimal: "25.0000" → "25", "-0.50" → "-0.5", "0E-8" → "0". */
export function canonicalDecimal(text: string): string {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) throw new Error(`"${text.slice(0, 40)}" is not a decimal`);
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  let digits = (whole + fraction).replace(/^0+/, '');
  let exponent = Number(exponentText) - fraction.length; // value = digits × 10^exponent
  if (digits === '') return '0';
  while (exponent < 0 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    exponent++;
  }
  let plain: string;
  if (exponent >= 0) plain = digits + '0'.repeat(exponent);
  else {
    const padded = digits.padStart(-exponent + 1, '0');
    plain = `${padded.slice(0, exponent)}.${padded.slice(exponent)}`;
  }
  return (sign === '-' ? '-' : '') + plain;
}

export function sameDecimal(a: string, b: string): boolean {
  return canonicalDecimal(a) === canonicalDecimal(b);
}

/** Tryton's wire form of a Decimal. */
export function trytonDecimal(text: string): TrytonDecimal {
  return { __class__: 'Decimal', decimal: text };
}

/** A Tryton amount in the currency's minor units (throws if it has sub-minor digits). */
export function moneyOfDecimal(value: TrytonDecimal | string, currency: string): Money {
  return parseMoney(canonicalDecimal(typeof value === 'string' ? value : value.decimal), currency);
}
