// A US order (as shipping targets see it) and a delivery around it, built directly from the model.
import type { Delivery, Order, OrderEvent } from '../../src/connector-kit/index.js';

const usd = (amount: number) => ({ amount, currency: 'USD' });

export function buildOrder(overrides: Partial<Order> = {}): Order {
  return {
    channel: 'shop',
    channelKind: 'shopify',
    externalId: '5512345678901',
    number: '#1042',
    placedAt: '2025-03-14T14:22:31.000Z',
    updatedAt: '2025-03-14T14:25:00.000Z',
    financialStatus: 'paid',
    fulfillmentStatus: 'unfulfilled',
    fulfilledBy: 'merchant',
    currency: 'USD',
    subtotal: usd(8900),
    shippingTotal: usd(500),
    taxTotal: usd(0),
    discountTotal: usd(0),
    total: usd(9400),
    customer: { email: 'ada@example.com', name: 'Ada Lovelace', phone: '2175550100' },
    shippingAddress: {
      name: 'Ada Lovelace', company: null, line1: '12 Main St', line2: 'Apt 4', city: 'Springfield',
      region: 'IL', postalCode: '62701', countryCode: 'US', phone: '2175550100',
    },
    billingAddress: null,
    lines: [
      { externalId: 'l1', sku: 'TEE-BLK-M', title: 'Logo Tee Black M', quantity: 2, unitPrice: usd(2500), tax: usd(0), discount: usd(0) },
      { externalId: 'l2', sku: 'MUG-12OZ', title: 'Mug 12oz', quantity: 1, unitPrice: usd(3900), tax: usd(0), discount: usd(0) },
    ],
    tags: [],
    raw: {},
    ...overrides,
  };
}

let nextDelivery = 1;

export function buildDelivery(order: Order, type: OrderEvent['type'] = 'order.created', previousExternalRef: string | null = null): Delivery {
  const id = nextDelivery++;
  return {
    id,
    idempotencyKey: `dlv-${id}`,
    attempt: 1,
    event: { id: `evt-${id}`, type, occurredAt: '2025-03-14T14:25:01.000Z', order },
    previousExternalRef,
  };
}
