import { describe, expect, it } from 'vitest';
import { CANCEL_REQUESTED_TAG, FULFILLMENT_MAP, PAYMENT_MAP, toChannelOrder } from '../../../connectors/ebay/mapping.js';
import { EBAY_CANCEL_STATES, EBAY_FULFILLMENT_STATUSES, EBAY_PAYMENT_STATUSES } from '../../../connectors/ebay/types.js';
import { OrderSchema, reconciliationDifference, type ChannelOrder } from '../../../src/model/index.js';
import { ebayOrder } from './fixtures.js';

function mapped(raw: unknown): ChannelOrder {
  const result = toChannelOrder(raw);
  if ('rejected' in result) throw new Error(`rejected: ${result.rejected.reason}`);
  return result.order;
}

function rejected(raw: unknown) {
  const result = toChannelOrder(raw);
  if ('order' in result) throw new Error('expected the order to be rejected');
  return result.rejected;
}

describe('eBay order mapping: statuses', () => {
  it('maps every documented enum value (OrderFulfillmentStatus, OrderPaymentStatusEnum)', () => {
    expect(Object.keys(FULFILLMENT_MAP).sort()).toEqual([...EBAY_FULFILLMENT_STATUSES].sort());
    expect(Object.keys(PAYMENT_MAP).sort()).toEqual([...EBAY_PAYMENT_STATUSES].sort());
    expect([...EBAY_CANCEL_STATES].sort()).toEqual(['CANCELED', 'IN_PROGRESS', 'NONE_REQUESTED']);
  });

  it.each([
    ['NOT_STARTED', 'unfulfilled'],
    ['IN_PROGRESS', 'partial'],
    ['FULFILLED', 'fulfilled'],
  ])('orderFulfillmentStatus %s → %s', (status, expected) => {
    expect(mapped(ebayOrder({ orderFulfillmentStatus: status })).fulfillmentStatus).toBe(expected);
  });

  it.each([
    ['PENDING', 'pending'],
    ['PAID', 'paid'],
    ['FAILED', 'voided'],
    ['PARTIALLY_REFUNDED', 'partially_refunded'],
    ['FULLY_REFUNDED', 'refunded'],
  ])('orderPaymentStatus %s → %s', (status, expected) => {
    expect(mapped(ebayOrder({ orderPaymentStatus: status })).financialStatus).toBe(expected);
  });

  it('cancelState CANCELED → fulfillment cancelled, whatever the shipping state', () => {
    const order = mapped(ebayOrder({ orderFulfillmentStatus: 'NOT_STARTED', orderPaymentStatus: 'FULLY_REFUNDED', cancelStatus: { cancelState: 'CANCELED', cancelRequests: [] } }));
    expect(order.fulfillmentStatus).toBe('cancelled');
    expect(order.financialStatus).toBe('refunded');
    expect(order.tags).toEqual([]);
  });

  it('cancelState IN_PROGRESS → not cancelled yet, tagged so nobody ships blindly', () => {
    const order = mapped(ebayOrder({ cancelStatus: { cancelState: 'IN_PROGRESS', cancelRequests: [] } }));
    expect(order.fulfillmentStatus).toBe('unfulfilled');
    expect(order.tags).toEqual([CANCEL_REQUESTED_TAG]);
  });

  it('cancelState NONE_REQUESTED (or absent) → the fulfillment status as it is, no tag', () => {
    expect(mapped(ebayOrder({ orderFulfillmentStatus: 'FULFILLED' }))).toMatchObject({ fulfillmentStatus: 'fulfilled', tags: [] });
    expect(mapped(ebayOrder({ cancelStatus: undefined }))).toMatchObject({ fulfillmentStatus: 'unfulfilled', tags: [] });
  });

  it('an undocumented enum value is rejected, not guessed', () => {
    expect(rejected(ebayOrder({ orderPaymentStatus: 'AUTHORIZED' })).reason).toMatch(/orderPaymentStatus/);
    expect(rejected(ebayOrder({ cancelStatus: { cancelState: 'CANCELLED' } })).reason).toMatch(/cancelState/);
  });
});

describe('eBay order mapping: money', () => {
  it('maps pricingSummary exactly: subtotal, discounts (negative on the wire), shipping, tax, total', () => {
    const order = mapped(ebayOrder());
    expect(order.currency).toBe('USD');
    expect(order.subtotal).toEqual({ amount: 8900, currency: 'USD' });
    expect(order.discountTotal).toEqual({ amount: 800, currency: 'USD' }); // priceDiscount -5.00 + deliveryDiscount -3.00
    expect(order.shippingTotal).toEqual({ amount: 800, currency: 'USD' }); // deliveryCost, before its discount
    expect(order.taxTotal).toEqual({ amount: 671, currency: 'USD' });
    expect(order.total).toEqual({ amount: 9571, currency: 'USD' });
    expect(reconciliationDifference(order)).toBe(0);
  });

  it('reads lineItemCost as unit price × quantity, with the line tax and the promotion discount', () => {
    const [tee, mug] = mapped(ebayOrder()).lines;
    expect(tee).toEqual({
      externalId: '10012345678901', sku: 'TEE-BLK-M', title: 'Logo Tee Black M', quantity: 2,
      unitPrice: { amount: 2500, currency: 'USD' }, tax: { amount: 371, currency: 'USD' }, discount: { amount: 500, currency: 'USD' },
    });
    expect(mug).toMatchObject({ quantity: 3, unitPrice: { amount: 1300, currency: 'USD' }, discount: { amount: 0, currency: 'USD' } });
  });

  it('parses amounts as text, never through floats ("0.1" + "0.2", "1.005" style values, short decimals)', () => {
    const order = mapped(ebayOrder({
      pricingSummary: { priceSubtotal: { value: '0.3', currency: 'USD' }, deliveryCost: { value: '0.0', currency: 'USD' }, total: { value: '0.30', currency: 'USD' } },
      lineItems: [
        { lineItemId: '1', title: 'A', quantity: 1, lineItemCost: { value: '0.1', currency: 'USD' } },
        { lineItemId: '2', title: 'B', quantity: 1, lineItemCost: { value: '0.20', currency: 'USD' } },
      ],
    }));
    expect(order.total.amount).toBe(30);
    expect(order.lines.map((line) => line.unitPrice.amount)).toEqual([10, 20]);
    expect(rejected(ebayOrder({ pricingSummary: { ...ebayOrder().pricingSummary, total: { value: '95.715', currency: 'USD' } } })).reason).toMatch(/more decimals/);
  });

  it('keeps the minor units of each currency (EUR, GBP, AUD) and the amounts eBay states', () => {
    const eur = (value: string) => ({ value, currency: 'EUR' });
    const order = mapped(ebayOrder({
      pricingSummary: { priceSubtotal: eur('1234.56'), deliveryCost: eur('4.99'), total: eur('1239.55') },
      lineItems: [{ lineItemId: '9', title: 'Camera', quantity: 1, lineItemCost: eur('1234.56'), taxes: [] }],
    }));
    expect(order).toMatchObject({ currency: 'EUR', subtotal: { amount: 123456 }, shippingTotal: { amount: 499 }, taxTotal: { amount: 0 }, discountTotal: { amount: 0 }, total: { amount: 123955 } });
  });

  it('a total that does not add up is kept as eBay states it (the runtime flags it)', () => {
    const order = mapped(ebayOrder({ pricingSummary: { ...ebayOrder().pricingSummary, total: { value: '99.99', currency: 'USD' } } }));
    expect(order.total.amount).toBe(9999);
    expect(reconciliationDifference(order)).toBe(9999 - 9571);
  });

  it('special fees (fieldGroups=TAX_BREAKDOWN) become a line and part of the subtotal', () => {
    const base = ebayOrder();
    const order = mapped({ ...base, pricingSummary: { ...base.pricingSummary, fee: { value: '1.50', currency: 'USD' }, total: { value: '97.21', currency: 'USD' } } });
    expect(order.lines.at(-1)).toMatchObject({ externalId: 'fee', quantity: 1, unitPrice: { amount: 150 } });
    expect(order.subtotal.amount).toBe(9050);
    expect(reconciliationDifference(order)).toBe(0);
  });

  it('rejects a line whose lineItemCost is not quantity × a unit price', () => {
    const base = ebayOrder();
    const lines = [{ ...base.lineItems[1], quantity: 3, lineItemCost: { value: '10.00', currency: 'USD' } }];
    expect(rejected({ ...base, lineItems: lines })).toMatchObject({ externalId: '12-34567-89012', reason: expect.stringMatching(/not 3 × a unit price/) });
  });

  it('rejects an order mixing currencies', () => {
    const base = ebayOrder();
    expect(rejected({ ...base, pricingSummary: { ...base.pricingSummary, tax: { value: '6.71', currency: 'CAD' } } }).reason).toMatch(/CAD/);
  });
});

describe('eBay order mapping: people, identity, shape', () => {
  it('takes the customer from the buyer registration and the shipping address from fulfillmentStartInstructions', () => {
    const order = mapped(ebayOrder());
    expect(order.customer).toEqual({ email: 'a1b2c3@members.ebay.com', name: 'Ada Lovelace', phone: '2175550100' });
    expect(order.shippingAddress).toEqual({
      name: 'Charles Babbage', company: 'Analytical Engines Ltd', line1: '1 Difference Way', line2: 'Unit 4',
      city: 'Chicago', region: 'IL', postalCode: '60601', countryCode: 'US', phone: '2175550199',
    });
    expect(order.billingAddress).toMatchObject({ name: 'Ada Lovelace', line1: '12 Main St', countryCode: 'US' });
  });

  it('falls back to shipTo and the eBay username when old orders lose the buyer contact (90 days)', () => {
    const order = mapped(ebayOrder({ buyer: { username: 'ada_l' } }));
    expect(order.customer).toEqual({ email: 'x9y8z7@members.ebay.com', name: 'Charles Babbage', phone: '2175550199' });
    const bare = mapped(ebayOrder({ buyer: { username: 'ada_l' }, fulfillmentStartInstructions: [] }));
    expect(bare.customer).toEqual({ email: null, name: 'ada_l', phone: null });
    expect(bare.shippingAddress).toBeNull();
    expect(bare.billingAddress).toBeNull();
  });

  it('uses orderId as id and number, eBay timestamps as they are, and keeps the raw payload', () => {
    const raw = ebayOrder();
    const order = mapped(raw);
    expect(order).toMatchObject({ channelKind: 'ebay', externalId: '12-34567-89012', number: '12-34567-89012', placedAt: '2025-03-14T15:02:11.000Z', updatedAt: '2025-03-14T15:40:02.517Z', fulfilledBy: 'merchant' });
    expect(order.raw).toBe(raw);
    expect(OrderSchema.safeParse({ ...order, channel: 'ebay' }).success).toBe(true);
  });

  it('marks orders eBay fulfils itself as fulfilled by the channel', () => {
    expect(mapped(ebayOrder({ fulfillmentStartInstructions: [{ fulfillmentInstructionsType: 'FULFILLED_BY_EBAY' }] })).fulfilledBy).toBe('channel');
    expect(mapped(ebayOrder({ program: { fulfillmentProgram: { fulfilledBy: 'EBAY' } } })).fulfilledBy).toBe('channel');
  });

  it('rejects malformed payloads with a reason, keeping the raw payload', () => {
    const noId = { ...ebayOrder(), orderId: undefined };
    expect(rejected(noId)).toMatchObject({ externalId: null, reason: expect.stringMatching(/orderId/), raw: noId });
    expect(rejected(ebayOrder({ lastModifiedDate: '2025-03-14 15:40' })).reason).toMatch(/lastModifiedDate/);
    expect(rejected(ebayOrder({ pricingSummary: { priceSubtotal: { value: '89.00', currency: 'USD' }, total: { value: 'N/A', currency: 'USD' } } }))).toMatchObject({
      externalId: '12-34567-89012', reason: expect.stringMatching(/pricingSummary\.total\.value/),
    });
    expect(rejected(null).externalId).toBeNull();
  });
});
