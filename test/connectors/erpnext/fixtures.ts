// Normalized orders and deliveries for the ERPNext target tests, built directly from the model.
import type { Delivery, Order, OrderLine } from '../../../src/connector-kit/index.js';
import type { EventType } from '../../../src/model/event.js';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

export function line(sku: string | null, quantity: number, unitPrice: number, extra: Partial<OrderLine> = {}): OrderLine {
  return { externalId: `${sku ?? 'nosku'}-${quantity}`, sku, title: `Item ${sku ?? '?'}`, quantity, unitPrice: eur(unitPrice), tax: eur(0), discount: eur(0), ...extra };
}

export function buildOrder(overrides: Partial<Order> = {}): Order {
  const lines = overrides.lines ?? [line('TEE-BLK-M', 2, 1995), line('MUG-12OZ', 1, 1800)];
  const subtotal = lines.reduce((sum, l) => sum + l.unitPrice.amount * l.quantity, 0);
  const discount = lines.reduce((sum, l) => sum + l.discount.amount, 0);
  const shipping = overrides.shippingTotal?.amount ?? 490;
  return {
    channel: 'shop', channelKind: 'woocommerce', externalId: '1001', number: '#1001',
    placedAt: '2025-03-14T14:22:31.000Z', updatedAt: '2025-03-14T14:25:00.000Z',
    financialStatus: 'paid', fulfillmentStatus: 'unfulfilled', fulfilledBy: 'merchant', currency: 'EUR',
    subtotal: eur(subtotal), shippingTotal: eur(shipping), taxTotal: eur(0), discountTotal: eur(discount), total: eur(subtotal + shipping - discount),
    customer: { email: 'ada@example.com', name: 'Ada Lovelace', phone: null },
    shippingAddress: { name: 'Ada Lovelace', company: null, line1: '12 St James Sq', line2: null, city: 'London', region: null, postalCode: 'SW1Y 4JH', countryCode: 'GB', phone: null },
    billingAddress: null,
    lines, tags: [], raw: {},
    ...overrides,
  };
}

export function deliveryOf(order: Order, type: EventType = 'order.created', id = 1, previousExternalRef: string | null = null): Delivery {
  return {
    id, idempotencyKey: `dlv-${id}`, attempt: 1, previousExternalRef,
    event: { id: `evt-${id}`, type, occurredAt: order.updatedAt, order },
  };
}
