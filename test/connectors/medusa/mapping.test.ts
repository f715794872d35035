// Mapping of orders captured from a real Medusa 2.21.2 server (fixtures/, fetched with the
// connector's own `fields`), plus the status tables value by value.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OrderSchema, reconciliationDifference, type ChannelOrder } from '../../../src/model/index.js';
import { toChannelOrder } from '../../../connectors/medusa/mapping.js';
import {
  FULFILLMENT_STATUS_MAP, ORDER_STATUS_OVERRIDE, PAYMENT_STATUS_MAP, toFinancialStatus, toFulfillmentStatus,
} from '../../../connectors/medusa/status.js';
import { MEDUSA_FULFILLMENT_STATUSES, MEDUSA_ORDER_STATUSES, MEDUSA_PAYMENT_STATUSES } from '../../../connectors/medusa/types.js';

const fixture = (name: string): Record<string, any> =>
  JSON.parse(readFileSync(new URL(`./fixtures/order-${name}.json`, import.meta.url), 'utf8'));

function mapped(raw: unknown): ChannelOrder {
  const result = toChannelOrder(raw);
  if (!('order' in result)) throw new Error(result.rejected.reason);
  OrderSchema.parse({ ...result.order, channel: 'shop' });
  return result.order;
}

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('medusa order mapping (real payloads)', () => {
  it('maps a EUR order with a promotion, rounding unrounded taxes once', () => {
    const order = mapped(fixture('de-promo-edited'));
    expect(order).toMatchObject({
      channelKind: 'medusa', externalId: 'order_01M89DH3PKPBV57SWV9PHVSD1K', number: '1',
      placedAt: '2026-11-25T13:15:11.959Z', updatedAt: '2026-11-25T13:15:34.227Z',
      financialStatus: 'authorized', fulfillmentStatus: 'unfulfilled', fulfilledBy: 'merchant', currency: 'EUR',
      // item_subtotal 77.43, shipping_subtotal 4.9, tax_total 14.17153, discount_subtotal 7.743, total 88.75853
      subtotal: eur(7743), shippingTotal: eur(490), taxTotal: eur(1417), discountTotal: eur(774), total: eur(8876),
      customer: { email: 'anna.schmidt@example.com', name: 'Anna Schmidt', phone: '+49 30 1234567' },
      shippingAddress: {
        name: 'Anna Schmidt', company: 'Schmidt GmbH', line1: 'Hauptstr. 5', line2: '2. OG', city: 'Berlin',
        region: null, postalCode: '10115', countryCode: 'DE', phone: '+49 30 1234567',
      },
      tags: [],
    });
    expect(reconciliationDifference(order)).toBe(0);
    expect(order.lines).toEqual([
      { externalId: 'ordli_01M89DH3PN4V9C4MCKSCAP0JJT', sku: 'CAP-NAVY', title: 'Cap - Cap One size', quantity: 1, unitPrice: eur(2495), tax: eur(427), discount: eur(250) },
      { externalId: 'ordli_01M89DH3PN7BWPT23Q36E27TYB', sku: 'TEE-BLK-M', title: 'Logo Tee - Logo Tee M', quantity: 2, unitPrice: eur(1999), tax: eur(684), discount: eur(400) },
      { externalId: 'ordli_01M89DH3PN8HQPEAYRQS8M4YX2', sku: 'MUG-12OZ', title: 'Mug - Mug One size', quantity: 1, unitPrice: eur(1250), tax: eur(214), discount: eur(125) },
    ]);
    expect(order.raw).toEqual(fixture('de-promo-edited'));
  });

  it('counts a refund booked as a credit line with the deductions, so the parts add up to total', () => {
    const order = mapped(fixture('eur-refunded'));
    expect(order.financialStatus).toBe('partially_refunded');
    expect(order.discountTotal).toEqual(eur(1000)); // credit_line_total 10
    expect(order.total).toEqual(eur(6667)); // 66.668
    expect(reconciliationDifference(order)).toBe(0);
  });

  it('maps USD orders with fractional-cent US tax, fulfilled and canceled', () => {
    const fulfilled = mapped(fixture('usd-fulfilled'));
    expect(fulfilled).toMatchObject({ currency: 'USD', fulfillmentStatus: 'fulfilled', financialStatus: 'authorized', total: usd(9788), taxTotal: usd(798) });
    expect(fulfilled.shippingAddress?.region).toBe('us-ny');
    const canceled = mapped(fixture('usd-canceled'));
    expect(canceled).toMatchObject({
      number: '4', fulfillmentStatus: 'cancelled', financialStatus: 'voided',
      subtotal: usd(2998), shippingTotal: usd(550), taxTotal: usd(288), discountTotal: usd(300), total: usd(3536),
    });
    expect(canceled.customer).toEqual({ email: 'kim@example.com', name: 'Kim Lee', phone: null });
    expect(reconciliationDifference(canceled)).toBe(0);
  });

  it('prefers the exact raw_ text over the JSON number for line amounts', () => {
    const raw = fixture('usd-canceled');
    raw.items[0].tax_total = 999; // the number disagrees; raw_tax_total "2.3946525" wins
    expect(mapped(raw).lines[0]?.tax).toEqual(usd(239));
  });

  it('rejects an order whose amount is not a number, keeping its id and payload', () => {
    const raw = { ...fixture('de-promo-edited'), total: 'not-a-number' };
    const result = toChannelOrder(raw);
    expect(result).toMatchObject({ rejected: { externalId: 'order_01M89DH3PKPBV57SWV9PHVSD1K', raw } });
    if ('rejected' in result) expect(result.rejected.reason).toMatch(/not a decimal amount/);
  });

  it('shows a merchant-set custom_display_id as the number', () => {
    expect(mapped({ ...fixture('usd-canceled'), custom_display_id: 'US-2026-0004' }).number).toBe('US-2026-0004');
    expect(mapped({ ...fixture('usd-canceled'), custom_display_id: null }).number).toBe('4');
  });

  it('rejects a payload without an id or with an unknown status', () => {
    const { id: _, ...noId } = fixture('de-promo-edited');
    expect(toChannelOrder(noId)).toMatchObject({ rejected: { externalId: null } });
    const result = toChannelOrder({ ...fixture('de-promo-edited'), payment_status: 'teleported' });
    expect(result).toMatchObject({ rejected: { externalId: 'order_01M89DH3PKPBV57SWV9PHVSD1K' } });
    if ('rejected' in result) expect(result.rejected.reason).toMatch(/payment_status/);
  });

  it('derives a net unit price for tax-inclusive lines and falls back to the line subtotals', () => {
    const raw = fixture('usd-canceled');
    raw.items[0].is_tax_inclusive = true;
    raw.items[0].raw_subtotal = { value: '27.5383', precision: 20 };
    delete raw.item_subtotal;
    const order = mapped(raw);
    expect(order.lines[0]?.unitPrice).toEqual(usd(1377)); // 2754 / 2
    expect(order.subtotal).toEqual(usd(2754));
  });
});

describe('medusa payment_status → financialStatus, one each', () => {
  const expected: Record<string, string> = {
    not_paid: 'pending', awaiting: 'pending', requires_action: 'pending', authorized: 'authorized',
    partially_authorized: 'authorized', partially_captured: 'authorized', captured: 'paid',
    partially_refunded: 'partially_refunded', refunded: 'refunded', canceled: 'voided',
  };
  it('covers every documented value', () => expect(Object.keys(PAYMENT_STATUS_MAP).sort()).toEqual([...MEDUSA_PAYMENT_STATUSES].sort()));
  for (const status of MEDUSA_PAYMENT_STATUSES) {
    it(`${status} → ${expected[status]}`, () => {
      expect(toFinancialStatus(status)).toBe(expected[status]);
      expect(mapped({ ...fixture('usd-fulfilled'), payment_status: status }).financialStatus).toBe(expected[status]);
    });
  }
});

describe('medusa fulfillment_status → fulfillmentStatus, one each', () => {
  const expected: Record<string, string> = {
    not_fulfilled: 'unfulfilled', partially_fulfilled: 'partial', partially_shipped: 'partial', partially_delivered: 'partial',
    fulfilled: 'fulfilled', shipped: 'fulfilled', delivered: 'fulfilled', canceled: 'unfulfilled',
  };
  it('covers every documented value', () => expect(Object.keys(FULFILLMENT_STATUS_MAP).sort()).toEqual([...MEDUSA_FULFILLMENT_STATUSES].sort()));
  for (const status of MEDUSA_FULFILLMENT_STATUSES) {
    it(`${status} → ${expected[status]}`, () => {
      expect(toFulfillmentStatus('pending', status)).toBe(expected[status]);
      expect(mapped({ ...fixture('usd-fulfilled'), fulfillment_status: status }).fulfillmentStatus).toBe(expected[status]);
    });
  }
});

describe('medusa order status, one each', () => {
  it('covers every documented value', () => expect(Object.keys(ORDER_STATUS_OVERRIDE).sort()).toEqual([...MEDUSA_ORDER_STATUSES].sort()));
  for (const status of MEDUSA_ORDER_STATUSES) {
    const want = status === 'canceled' ? 'cancelled' : 'partial';
    it(`${status} → ${status === 'canceled' ? 'cancelled whatever was fulfilled' : 'the fulfillment status decides'}`, () => {
      expect(toFulfillmentStatus(status, 'partially_shipped')).toBe(want);
      expect(mapped({ ...fixture('usd-fulfilled'), status, fulfillment_status: 'partially_shipped' }).fulfillmentStatus).toBe(want);
    });
  }
});
