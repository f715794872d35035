import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { reconciliationDifference, type ChannelOrder } from '../../../src/model/index.js';
import { STATUS_MAP, toChannelOrder } from '../../../connectors/amazon/mapping.js';
import { AMAZON_FULFILLMENT_STATUSES } from '../../../connectors/amazon/types.js';
import { pendingOrder, pricedOrder, withStatus } from './fixtures.js';

function mapped(raw: unknown): ChannelOrder {
  const result = toChannelOrder(raw);
  if ('rejected' in result) throw new Error(result.rejected.reason);
  return result.order;
}

function rejected(raw: unknown) {
  const result = toChannelOrder(raw);
  if ('order' in result) throw new Error('expected a rejection');
  return result.rejected;
}

describe('fulfillmentStatus → our statuses', () => {
  const expected = {
    PENDING_AVAILABILITY: ['pending', 'unfulfilled'],
    PENDING: ['pending', 'unfulfilled'],
    UNSHIPPED: ['authorized', 'unfulfilled'],
    PARTIALLY_SHIPPED: ['authorized', 'partial'],
    SHIPPED: ['paid', 'fulfilled'],
    CANCELLED: ['voided', 'cancelled'],
    UNFULFILLABLE: ['voided', 'cancelled'],
  } as const;

  test('every documented value has a mapping', () => {
    expect(Object.keys(STATUS_MAP).sort()).toEqual([...AMAZON_FULFILLMENT_STATUSES].sort());
  });

  test.each(Object.entries(expected))('%s → %j', (status, [financial, fulfillment]) => {
    const order = mapped(withStatus(status));
    expect(order.financialStatus).toBe(financial);
    expect(order.fulfillmentStatus).toBe(fulfillment);
  });

  test('an undocumented value is rejected, not guessed', () => {
    expect(rejected(withStatus('INVOICE_UNCONFIRMED')).reason).toMatch(/fulfillment\.fulfillmentStatus/);
  });
});

describe('fulfilledBy', () => {
  test('AMAZON (FBA) → channel', () => {
    const raw = pricedOrder();
    raw.fulfillment.fulfilledBy = 'AMAZON';
    expect(mapped(raw).fulfilledBy).toBe('channel');
  });

  test('MERCHANT → merchant', () => {
    expect(mapped(pricedOrder()).fulfilledBy).toBe('merchant');
  });

  test('absent → merchant', () => {
    const raw = pricedOrder();
    delete raw.fulfillment.fulfilledBy;
    expect(mapped(raw).fulfilledBy).toBe('merchant');
  });
});

describe('money', () => {
  test('each amount comes from its own proceeds field, exactly, and reconciles to grandTotal', () => {
    const order = mapped(pricedOrder());
    expect(order.currency).toBe('USD');
    expect(order.subtotal.amount).toBe(7697); // 2 × 24.99 + 1 × 26.99
    expect(order.shippingTotal.amount).toBe(499);
    expect(order.taxTotal.amount).toBe(396);
    expect(order.discountTotal.amount).toBe(500); // the DISCOUNT proceed is -5.00
    expect(order.total.amount).toBe(8092);
    expect(reconciliationDifference(order)).toBe(0);
    expect(order.lines.map((l) => [l.externalId, l.sku, l.quantity, l.unitPrice.amount, l.tax.amount, l.discount.amount])).toEqual([
      ['12345678901234', 'TEE-BLK-M', 2, 2499, 298, 500],
      ['12345678901235', 'MUG-12OZ', 1, 2699, 98, 0],
    ]);
  });

  test('decimals that binary floating point cannot hold are exact', () => {
    const raw = pricedOrder();
    raw.orderItems = [{ ...raw.orderItems[1], quantityOrdered: 3, product: { ...raw.orderItems[1].product, price: { unitPrice: { amount: '0.10', currencyCode: 'USD' } } }, proceeds: undefined }];
    raw.proceeds = { grandTotal: { amount: '0.30', currencyCode: 'USD' }, breakdowns: [{ type: 'ITEM', subtotal: { amount: '0.30', currencyCode: 'USD' } }] };
    const order = mapped(raw);
    expect(order.subtotal.amount).toBe(30);
    expect(order.total.amount).toBe(30);
    expect(reconciliationDifference(order)).toBe(0);
  });

  test('JPY has no minor digits; GBP and a trailing-zero amount parse as written', () => {
    const raw = pricedOrder();
    const jpy = (amount: string) => ({ amount, currencyCode: 'JPY' });
    raw.salesChannel.marketplaceId = 'A1VC38T7YXB528';
    raw.orderItems = [{ orderItemId: '25012345678901', quantityOrdered: 2, product: { sellerSku: 'FIRE-TV', price: { unitPrice: jpy('6980') } } }];
    raw.proceeds = { grandTotal: jpy('13960.0'), breakdowns: [{ type: 'ITEM', subtotal: jpy('13960') }] };
    const order = mapped(raw);
    expect([order.currency, order.lines[0]?.unitPrice.amount, order.total.amount]).toEqual(['JPY', 6980, 13960]);
  });

  test('a mixed-currency amount rejects the order', () => {
    const raw = pricedOrder();
    raw.orderItems[0].product.price.unitPrice.currencyCode = 'EUR';
    expect(rejected(raw).reason).toMatch(/mixes EUR into a USD order/);
  });

  test('gift wrap and a delivery tip are charges the buyer pays: carried as lines so the total reconciles', () => {
    const raw = pricedOrder();
    raw.proceeds.breakdowns.push({ type: 'GIFT_WRAP', subtotal: { amount: '3.99', currencyCode: 'USD' } });
    raw.proceeds.breakdowns.push({ type: 'DELIVERY_TIP', status: 'FINALIZED', subtotal: { amount: '5.00', currencyCode: 'USD' } });
    raw.proceeds.grandTotal.amount = '89.91';
    const order = mapped(raw);
    expect(order.lines.slice(2).map((l) => [l.externalId, l.unitPrice.amount])).toEqual([['charge-gift_wrap', 399], ['charge-delivery_tip', 500]]);
    expect(reconciliationDifference(order)).toBe(0);
  });

  test('without order-level breakdowns the items\' breakdowns are added up', () => {
    const raw = pricedOrder();
    delete raw.proceeds.breakdowns;
    const order = mapped(raw);
    expect([order.shippingTotal.amount, order.taxTotal.amount, order.discountTotal.amount]).toEqual([499, 396, 500]);
    expect(reconciliationDifference(order)).toBe(0);
  });
});

describe('pending orders carry no prices yet', () => {
  test('PENDING maps as pending with zero money, its currency from the marketplace', () => {
    const order = mapped(pendingOrder());
    expect(order.financialStatus).toBe('pending');
    expect(order.currency).toBe('USD');
    expect([order.subtotal, order.shippingTotal, order.taxTotal, order.discountTotal, order.total].map((m) => m.amount)).toEqual([0, 0, 0, 0, 0]);
    expect(order.lines.map((l) => [l.sku, l.quantity, l.unitPrice.amount])).toEqual([['TEE-BLK-M', 2, 0], ['MUG-12OZ', 1, 0]]);
    expect(order.shippingAddress).toBeNull();
  });

  test('the priced update differs from the pending version, so the ledger records an update', () => {
    const pending = mapped(pendingOrder());
    const priced = mapped({ ...pricedOrder(), lastUpdatedTime: '2025-03-14T16:00:00Z' });
    expect(priced.externalId).toBe(pending.externalId);
    expect(priced.total.amount).toBe(8092);
    expect(priced.updatedAt > pending.updatedAt).toBe(true);
  });

  test('no money and an unknown marketplace: rejected with the reason', () => {
    const raw = pendingOrder();
    raw.salesChannel.marketplaceId = 'AXXXXXXXXXXXX';
    expect(rejected(raw)).toMatchObject({ externalId: '113-2938475-6102634', reason: expect.stringMatching(/cannot tell the currency/) });
  });
});

describe('customer, address, identity', () => {
  test('maps the buyer, the delivery address and the ids', () => {
    const order = mapped(pricedOrder());
    expect(order).toMatchObject({
      externalId: '113-2938475-6102634', number: '113-2938475-6102634', channelKind: 'amazon',
      placedAt: '2025-03-14T15:02:11.000Z', updatedAt: '2025-03-14T15:33:40.000Z',
      customer: { email: 'xyz123abc@marketplace.amazon.com', name: 'Ada Lovelace', phone: '+1 217 555 0100' },
      shippingAddress: {
        name: 'Ada Lovelace', company: null, line1: '12 Main St', line2: 'Apt 4, Rear entrance', city: 'Springfield',
        region: 'IL', postalCode: '62701-1234', countryCode: 'US', phone: '+1 217 555 0100',
      },
      billingAddress: null,
      tags: ['PRIME', 'marketplace:ATVPDKIKX0DER'],
    });
  });

  test('keeps the payload as received', () => {
    const raw = pricedOrder();
    expect(mapped(raw).raw).toBe(raw);
  });
});

describe('malformed payloads are rejected, never thrown', () => {
  test('a non-decimal amount', () => {
    const raw = pricedOrder();
    raw.proceeds.grandTotal.amount = 'twelve';
    expect(rejected(raw)).toMatchObject({ externalId: '113-2938475-6102634', reason: expect.stringMatching(/proceeds\.grandTotal\.amount/) });
  });

  test('a missing orderId', () => {
    const raw = pricedOrder();
    delete raw.orderId;
    expect(rejected(raw)).toMatchObject({ externalId: null, reason: expect.stringMatching(/orderId/) });
  });

  test('not an object at all', () => {
    expect(rejected('garbage').externalId).toBeNull();
  });
});

// The spec's own sandbox examples map and reconcile (skipped without the reference folder).
const SPEC = new URL('../../../../shared/reference/specs/amazon-orders-2026-01-01.json', import.meta.url);
describe.skipIf(!existsSync(SPEC))('the spec\'s example orders', () => {
  const spec = existsSync(SPEC) ? JSON.parse(readFileSync(SPEC, 'utf8')) : { paths: {} };
  const examples: unknown[] = Object.values(spec.paths as Record<string, any>).flatMap((path) =>
    (path.get.responses['200']['x-amzn-api-sandbox']?.static ?? []).flatMap((e: any) => e.response.orders ?? [e.response.order]));

  test('all map, and each total reconciles with its parts', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const example of examples) {
      const order = mapped(example);
      expect(reconciliationDifference(order), order.externalId).toBe(0);
    }
  });

  test('the JPY example: 1 × 5980 + 2 × 6980 = 19940, fulfilled by Amazon', () => {
    const order = mapped(examples.find((e: any) => e.orderId === '250-1234567-8901234'));
    expect([order.currency, order.subtotal.amount, order.total.amount, order.fulfilledBy, order.financialStatus]).toEqual(['JPY', 19940, 19940, 'channel', 'paid']);
  });
});
