// The carrier accounts and services the mock ShipEngine account offers, with list prices.
// Prices are made up; only their shape (a JSON number in a lower-case currency) is ShipEngine's.

export interface MockCarrier {
  carrier_id: string;
  carrier_code: string;
  /** service_code → base price in cents for the first pound. */
  services: Record<string, number>;
}

export const MOCK_CARRIERS: MockCarrier[] = [
  { carrier_id: 'se-1000001', carrier_code: 'stamps_com', services: { usps_priority_mail: 758, usps_ground_advantage: 475, usps_first_class_mail: 390 } },
  { carrier_id: 'se-1000002', carrier_code: 'ups', services: { ups_ground: 910, ups_next_day_air: 3125 } },
];

const OUNCES: Record<string, number> = { ounce: 1, pound: 16, gram: 0.035274, kilogram: 35.274 };

/** Cents: the base price plus 37 cents per started pound beyond the first. */
export function priceCents(base: number, weight: { value: number; unit: string }): number {
  const ounces = weight.value * (OUNCES[weight.unit] ?? 16);
  return base + Math.max(0, Math.ceil(ounces / 16) - 1) * 37;
}
