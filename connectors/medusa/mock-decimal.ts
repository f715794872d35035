// Exact decimal arithmetic for the mock's totals: amounts held as BigInt billionths of a major
// unit, so that a 8.875 % tax on 24.95 is 2.2143125 exactly, as Medusa's BigNumber computes it.

const ONE = 1_000_000_000n;

export type Nano = bigint;

export function nano(text: string): Nano {
  const [whole = '0', fraction = ''] = text.split('.');
  return BigInt(whole) * ONE + BigInt(fraction.padEnd(9, '0').slice(0, 9));
}

/** percent × amount, e.g. percentOf(nano('24.95'), '8.875'). */
export function percentOf(amount: Nano, percent: string): Nano {
  return (amount * nano(percent)) / (100n * ONE);
}

export function decimalText(value: Nano): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const fraction = (abs % ONE).toString().padStart(9, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${abs / ONE}${fraction ? `.${fraction}` : ''}`;
}

/** The JSON number Medusa would send (BigNumber#toNumber). */
export function jsonNumber(value: Nano): number {
  return Number(decimalText(value));
}

/** Medusa's `raw_<field>` companion: the exact value as text, precision 20. */
export function rawValue(value: Nano): { value: string; precision: number } {
  return { value: decimalText(value), precision: 20 };
}

export const sum = (values: Nano[]): Nano => values.reduce((a, b) => a + b, 0n);
