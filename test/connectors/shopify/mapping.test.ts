import { describe, expect, it } from 'vitest';
import { OrderSchema, reconciliationDifference, type ChannelOrder } from '../../../src/model/index.js';
import { FINANCIAL_STATUS_MAP, FULFILLMENT_STATUS_MAP, toChannelOrder, type MapResult } from '../../../connectors/shopify/mapping.js';
import { MOCK_SCHEMA_SDL } from '../../../connectors/shopify/mock-schema.js';
import { SHOPIFY_FINANCIAL_STATUSES, SHOPIFY_FULFILLMENT_STATUSES } from '../../../connectors/shopify/types.js';
import { rawMoney, rawOrder } from './fixtures.js';

function mapped(raw: unknown): ChannelOrder {
  const result: MapResult = toChannelOrder(raw);
  if ('rejected' in result) throw new Error(`rejected: ${result.rejected.reason}`);
  return result.order;
}

function rejected(raw: unknown) {
  const result = toChannelOrder(raw);
  if (!('rejected' in result)) throw new Error('expected a rejection');
  return result.rejected;
}

describe('shopify mapping: OrderDisplayFinancialStatus', () => {
  const expected = {
    PENDING: 'pending', AUTHORIZED: 'authorized', PARTIALLY_PAID: 'pending', PAID: 'paid',
    PARTIALLY_REFUNDED: 'partially_refunded', REFUNDED: 'refunded', VOIDED: 'voided', EXPIRED: 'voided',
  } as const;

  it.each(Object.entries(expected))('%s → %s', (status, financial) => {
    expect(mapped(rawOrder({ displayFinancialStatus: status })).financialStatus).toBe(financial);
  });

  it('covers every documented value', () => {
    expect(Object.keys(FINANCIAL_STATUS_MAP).sort()).toEqual([...SHOPIFY_FINANCIAL_STATUSES].sort());
    expect(Object.keys(expected).sort()).toEqual([...SHOPIFY_FINANCIAL_STATUSES].sort());
  });

  it('a null status (no payment summary yet) is pending', () => {
    expect(mapped(rawOrder({ displayFinancialStatus: null })).financialStatus).toBe('pending');
  });

  it('an undocumented value is rejected, not guessed', () => {
    expect(rejected(rawOrder({ displayFinancialStatus: 'ALMOST_PAID' })).reason).toMatch(/displayFinancialStatus/);
  });
});

describe('shopify mapping: OrderDisplayFulfillmentStatus', () => {
  const expected = {
    UNFULFILLED: 'unfulfilled', OPEN: 'unfulfilled', PENDING_FULFILLMENT: 'unfulfilled', IN_PROGRESS: 'unfulfilled',
    ON_HOLD: 'unfulfilled', SCHEDULED: 'unfulfilled', REQUEST_DECLINED: 'unfulfilled', PARTIALLY_FULFILLED: 'partial',
    FULFILLED: 'fulfilled', FULFILLMENT_NOT_REQUIRED: 'fulfilled', RESTOCKED: 'cancelled',
  } as const;

  it.each(Object.entries(expected))('%s → %s', (status, fulfillment) => {
    expect(mapped(rawOrder({ displayFulfillmentStatus: status })).fulfillmentStatus).toBe(fulfillment);
  });

  it('covers every documented value', () => {
    expect(Object.keys(FULFILLMENT_STATUS_MAP).sort()).toEqual([...SHOPIFY_FULFILLMENT_STATUSES].sort());
    expect(Object.keys(expected).sort()).toEqual([...SHOPIFY_FULFILLMENT_STATUSES].sort());
  });

  it('cancelledAt makes any order cancelled', () => {
    const order = mapped(rawOrder({ displayFulfillmentStatus: 'FULFILLED', displayFinancialStatus: 'REFUNDED', cancelledAt: '2026-03-01T12:00:00Z' }));
    expect(order.fulfillmentStatus).toBe('cancelled');
    expect(order.financialStatus).toBe('refunded');
  });

  it("the mock's schema enums are the 2026-01 enums this mapping knows", () => {
    const values = (name: string) => new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(MOCK_SCHEMA_SDL)?.[1]?.trim().split(/\s+/).sort();
    expect(values('OrderDisplayFinancialStatus')).toEqual([...SHOPIFY_FINANCIAL_STATUSES].sort());
    expect(values('OrderDisplayFulfillmentStatus')).toEqual(SHOPIFY_FULFILLMENT_STATUSES.filter((s) => s !== 'FULFILLMENT_NOT_REQUIRED').sort());
  });
});

describe('shopify mapping: money', () => {
  it('maps each amount exactly, subtotal before discounts, and reconciles', () => {
    const order = mapped(rawOrder());
    expect(order.subtotal).toEqual({ amount: 8900, currency: 'USD' }); // 2 × 25.00 + 39.00, before the 8.90 of discounts
    expect(order.discountTotal).toEqual({ amount: 890, currency: 'USD' });
    expect(order.shippingTotal).toEqual({ amount: 800, currency: 'USD' });
    expect(order.taxTotal).toEqual({ amount: 641, currency: 'USD' });
    expect(order.total).toEqual({ amount: 9451, currency: 'USD' });
    expect(reconciliationDifference(order)).toBe(0);
    expect(order.lines.map((l) => [l.unitPrice.amount, l.quantity, l.discount.amount, l.tax.amount])).toEqual([[2500, 2, 500, 360], [3900, 1, 390, 281]]);
  });

  it('reads yen, which has no minor unit, from Shopify decimals such as "1500.0"', () => {
    const yen = (amount: string) => rawMoney(amount, 'JPY');
    const order = mapped(rawOrder({
      currencyCode: 'JPY', totalPriceSet: yen('3800.0'), totalShippingPriceSet: yen('500.0'),
      totalTaxSet: yen('300.0'), totalDiscountsSet: yen('0.0'),
      lineItems: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [{
        id: 'gid://shopify/LineItem/1', sku: 'MUG', name: 'Mug', quantity: 2, originalUnitPriceSet: yen('1500.0'),
        totalDiscountSet: yen('0.0'), taxLines: [{ priceSet: yen('300.0') }],
      }] },
    }));
    expect(order.currency).toBe('JPY');
    expect(order.total).toEqual({ amount: 3800, currency: 'JPY' });
    expect(order.lines[0]?.unitPrice).toEqual({ amount: 1500, currency: 'JPY' });
    expect(reconciliationDifference(order)).toBe(0);
  });

  it('never goes through binary floating point (0.1 + 0.2, large totals)', () => {
    const order = mapped(rawOrder({
      totalPriceSet: rawMoney('12345678.91'), totalTaxSet: rawMoney('0.3'),
      lineItems: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [{
        id: 'gid://shopify/LineItem/1', sku: 'X', name: 'X', quantity: 3, originalUnitPriceSet: rawMoney('0.1'),
        totalDiscountSet: rawMoney('0.0'), taxLines: [{ priceSet: rawMoney('0.1') }, { priceSet: rawMoney('0.2') }],
      }] },
    }));
    expect(order.total.amount).toBe(1234567891);
    expect(order.subtotal.amount).toBe(30);
    expect(order.lines[0]?.tax.amount).toBe(30);
  });

  it('rejects an amount with more decimals than the currency has', () => {
    expect(rejected(rawOrder({ totalPriceSet: rawMoney('94.515') })).reason).toMatch(/more decimals than USD/);
  });

  it('rejects a money field in another currency than the order', () => {
    expect(rejected(rawOrder({ totalTaxSet: rawMoney('6.41', 'EUR') })).reason).toMatch(/totalTaxSet is in EUR/);
  });

  it('absent optional totals (null MoneyBag) are zero', () => {
    const order = mapped(rawOrder({ totalTaxSet: null, totalDiscountsSet: null }));
    expect(order.taxTotal).toEqual({ amount: 0, currency: 'USD' });
    expect(order.discountTotal).toEqual({ amount: 0, currency: 'USD' });
  });
});

describe('shopify mapping: the rest of the order', () => {
  it('ids, number, times, customer, addresses, tags, raw', () => {
    const raw = rawOrder();
    const order = mapped(raw);
    expect(order).toMatchObject({
      channelKind: 'shopify', externalId: '5512345678901', number: '#1042',
      placedAt: '2026-03-01T10:22:30.000Z', updatedAt: '2026-03-01T11:05:12.000Z', fulfilledBy: 'merchant',
      customer: { email: 'ada@example.com', name: 'Ada Lovelace', phone: '+12175550101' },
      tags: ['vip', 'gift'],
    });
    expect(order.shippingAddress).toEqual({
      name: 'Ada Lovelace', company: null, line1: '12 Main St', line2: 'Apt 4', city: 'Springfield',
      region: 'IL', postalCode: '62701', countryCode: 'US', phone: '+12175550100',
    });
    expect(order.billingAddress?.countryCode).toBe('US'); // upper-cased
    expect(order.lines.map((l) => [l.externalId, l.sku, l.title])).toEqual([
      ['13200000001', 'TEE-BLK-M', 'Logo Tee - Black / M'], ['13200000002', null, 'Mug 12oz'],
    ]);
    expect(order.raw).toBe(raw);
    expect(OrderSchema.safeParse({ ...order, channel: 'shop' }).success).toBe(true);
  });

  it('no addresses and no contact details map to nulls', () => {
    const order = mapped(rawOrder({ email: null, phone: null, shippingAddress: null, billingAddress: null }));
    expect(order.customer).toEqual({ email: null, name: null, phone: null });
    expect(order.shippingAddress).toBeNull();
  });

  it('a payload without an id is rejected with no external id', () => {
    const raw = rawOrder({ id: undefined });
    expect(rejected(raw)).toMatchObject({ externalId: null, raw });
  });

  it('a non-numeric amount is rejected with the order id and the field', () => {
    const result = rejected(rawOrder({ totalPriceSet: rawMoney('twelve') }));
    expect(result.externalId).toBe('5512345678901');
    expect(result.reason).toMatch(/totalPriceSet\.shopMoney\.amount/);
  });
});
