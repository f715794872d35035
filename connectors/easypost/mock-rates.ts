// The rates the mock EasyPost account quotes. Prices are made up; their shape (decimal strings
// with a currency) is EasyPost's.

export const MOCK_SERVICES: { carrier: string; service: string; baseCents: number; perPoundCents: number }[] = [
  { carrier: 'USPS', service: 'GroundAdvantage', baseCents: 475, perPoundCents: 41 },
  { carrier: 'USPS', service: 'Priority', baseCents: 758, perPoundCents: 37 },
  { carrier: 'USPS', service: 'Express', baseCents: 2895, perPoundCents: 112 },
  { carrier: 'UPS', service: 'Ground', baseCents: 910, perPoundCents: 58 },
];

/** Cents for a parcel of `weightOz` ounces: base plus each started pound beyond the first. */
export function quoteCents(entry: { baseCents: number; perPoundCents: number }, weightOz: number): number {
  return entry.baseCents + Math.max(0, Math.ceil(weightOz / 16) - 1) * entry.perPoundCents;
}

/** "7.58" from 758: EasyPost sends amounts as decimal strings. */
export function centsToString(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}
