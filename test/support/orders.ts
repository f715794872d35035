// A normalized order for tests, with overrides.
import type { Order } from '../../src/model/index.js';

export function makeOrder(overrides: Partial<Order> = {}): Order {
  const currency = overrides.currency ?? 'EUR';
  const eur = (amount: number) => ({ amount, currency });
  return {
    channel: 'shop',
    channelKind: 'woocommerce',
    externalId: '1001',
    number: '#1001',
    placedAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:05:00.000Z',
    financialStatus: 'paid',
    fulfillmentStatus: 'unfulfilled',
    fulfilledBy: 'merchant',
    currency,
    subtotal: eur(3990),
    shippingTotal: eur(490),
    taxTotal: eur(838),
    discountTotal: eur(0),
    total: eur(5318),
    customer: { email: 'ada@example.com', name: 'Ada Lovelace', phone: null },
    shippingAddress: { name: 'Ada Lovelace', company: null, line1: '12 Main St', line2: null, city: 'Berlin', region: null, postalCode: '10115', countryCode: 'DE', phone: null },
    billingAddress: null,
    lines: [
      { externalId: 'l1', sku: 'TEE-BLK-M', title: 'Logo Tee', quantity: 2, unitPrice: eur(1995), tax: eur(838), discount: eur(0) },
    ],
    tags: [],
    raw: { id: 1001 },
    ...overrides,
  };
}
