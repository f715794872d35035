import { describe, expect, it } from 'vitest';
import { minorUnits, toChannelOrder } from '../../../connectors/vendure/mapping.js';
import { OrderSchema, reconciliationDifference, type ChannelOrder } from '../../../src/model/index.js';
import { cancelledOrder, placedOrder } from './fixtures.js';

function mapped(raw: unknown, moneyPrecision = 2): ChannelOrder {
  const result = toChannelOrder(raw, { moneyPrecision });
  if (!('order' in result)) throw new Error(result.rejected.reason);
  return result.order;
}

describe('vendure order → normalized order', () => {
  it('maps a real coupon order: net prices, tax on top, totals that reconcile', () => {
    const order = mapped(placedOrder());
    expect(order).toMatchObject({
      channelKind: 'vendure', externalId: '1', number: 'PEDQNV6PLPZ39M1D', currency: 'EUR',
      placedAt: '2026-11-25T13:25:51.960Z', updatedAt: '2026-11-25T13:25:52.000Z', fulfilledBy: 'merchant', tags: [],
      subtotal: { amount: 3700 + 6570, currency: 'EUR' },
      shippingTotal: { amount: 500, currency: 'EUR' },
      discountTotal: { amount: 1027, currency: 'EUR' }, // the coupon's own `discounts[].amount`
      taxTotal: { amount: 11594 - 9743, currency: 'EUR' },
      total: { amount: 11594, currency: 'EUR' },
    });
    expect(reconciliationDifference(order)).toBe(0);
    expect(OrderSchema.safeParse({ ...order, channel: 'shop' }).success).toBe(true);
  });

  it('maps lines with SKU, net unit price, prorated discount and tax', () => {
    const [tee, cap] = mapped(placedOrder()).lines;
    expect(tee).toEqual({ externalId: '1', sku: 'OS-TEE-M', title: 'Ordersync Tee M', quantity: 2,
      unitPrice: { amount: 1850, currency: 'EUR' }, tax: { amount: 3963 - 3330, currency: 'EUR' }, discount: { amount: 370, currency: 'EUR' } });
    expect(cap).toMatchObject({ sku: 'OS-CAP', quantity: 3, unitPrice: { amount: 2190 }, tax: { amount: 7036 - 5913 }, discount: { amount: 657 } });
  });

  it('maps customer and both addresses, empty strings as null', () => {
    const order = mapped(placedOrder({ billingAddress: { fullName: '', streetLine1: '', city: '', countryCode: '' } }));
    expect(order.customer).toEqual({ email: 'ada@example.com', name: 'Ada Lovelace', phone: '+49 30 1234' });
    expect(order.shippingAddress).toEqual({ name: 'Ada Lovelace', company: 'Engines Ltd', line1: 'Hauptstr. 1', line2: 'Hinterhaus',
      city: 'Berlin', region: 'BE', postalCode: '10115', countryCode: 'DE', phone: '+49 30 1234' });
    expect(order.billingAddress).toBeNull();
  });

  it('a cancelled order keeps its zero-quantity lines; the cancelled shipping is a discount', () => {
    const order = mapped(cancelledOrder());
    expect(order.total.amount).toBe(0);
    expect(order.lines[0]).toMatchObject({ quantity: 0, unitPrice: { amount: 1250 }, discount: { amount: 0 }, tax: { amount: 0 } });
    expect(order.shippingTotal.amount).toBe(500);
    expect(order.discountTotal.amount).toBe(500);
    expect(reconciliationDifference(order)).toBe(0);
  });

  it('in a tax-inclusive channel the net unit price rounds; the cent lands in the discount and totals reconcile', () => {
    // listPrice 1999 gross at 19 %: net 1679.83… → unitPrice 1680, linePrice round(1679.83 × 3) = 5039.
    const raw = placedOrder({
      couponCodes: [], discounts: [], subTotal: 5039, subTotalWithTax: 5997, shipping: 0, shippingWithTax: 0, total: 5039, totalWithTax: 5997,
      shippingLines: [],
      lines: [{ id: '9', quantity: 3, unitPrice: 1680, unitPriceWithTax: 1999, linePrice: 5039, linePriceWithTax: 5997, proratedLinePrice: 5039, proratedLinePriceWithTax: 5997,
        productVariant: { id: '1', sku: 'GROSS', name: 'Gross-priced' } }],
    });
    const order = mapped(raw);
    expect(order.subtotal.amount).toBe(5040);
    expect(order.lines[0]!.discount.amount).toBe(1);
    expect(order.taxTotal.amount).toBe(958);
    expect(reconciliationDifference(order)).toBe(0);
  });

  it('surcharges travel as lines and count in the subtotal', () => {
    const order = mapped(placedOrder({
      surcharges: [{ id: '5', description: 'Card fee', sku: 'FEE', price: 100, priceWithTax: 119 }],
      subTotal: 9343, subTotalWithTax: 11118, total: 9843, totalWithTax: 11713,
    }));
    expect(order.lines.at(-1)).toEqual({ externalId: 'surcharge-5', sku: 'FEE', title: 'Card fee', quantity: 1,
      unitPrice: { amount: 100, currency: 'EUR' }, tax: { amount: 19, currency: 'EUR' }, discount: { amount: 0, currency: 'EUR' } });
    expect(order.subtotal.amount).toBe(10270 + 100);
    expect(reconciliationDifference(order)).toBe(0);
  });

  it('a shipping discount (free shipping) counts in discountTotal', () => {
    const order = mapped(placedOrder({
      shipping: 0, shippingWithTax: 0, total: 9243, totalWithTax: 10999,
      shippingLines: [{ id: '1', price: 500, priceWithTax: 595, discountedPrice: 0, discountedPriceWithTax: 0 }],
    }));
    expect(order.shippingTotal.amount).toBe(500);
    expect(order.discountTotal.amount).toBe(1027 + 500);
    expect(reconciliationDifference(order)).toBe(0);
  });

  it('flags, never fixes, a payload whose total disagrees with its parts', () => {
    const order = mapped(placedOrder({ total: 9744 }));
    expect(order.total.amount).toBe(11594);
    expect(reconciliationDifference(order)).toBe(1);
  });

  it('falls back to createdAt when orderPlacedAt is missing, and keeps raw', () => {
    const raw = placedOrder({ orderPlacedAt: null });
    const order = mapped(raw);
    expect(order.placedAt).toBe('2026-11-25T13:25:51.000Z');
    expect(order.raw).toBe(raw);
  });
});

describe('money precision', () => {
  it('precision 2 is taken as is for 2-decimal currencies', () => {
    expect(minorUnits('EUR', 2)(11594)).toBe(11594);
  });

  it('converts exactly when the server precision differs from the currency (JPY, KWD)', () => {
    expect(minorUnits('JPY', 2)(123400)).toBe(1234);
    expect(minorUnits('KWD', 2)(1050)).toBe(10500);
    expect(minorUnits('EUR', 3)(-12340)).toBe(-1234);
    expect(minorUnits('EUR', 0)(7)).toBe(700);
  });

  it('a JPY amount with a fraction of a yen is rejected, not rounded', () => {
    const raw = placedOrder({ currencyCode: 'JPY' });
    const result = toChannelOrder(raw, { moneyPrecision: 2 });
    expect('rejected' in result && result.rejected.reason).toMatch(/more decimals than JPY allows/);
  });

  it('a JPY order in whole yen maps', () => {
    const raw = placedOrder({ currencyCode: 'JPY', couponCodes: [], discounts: [], subTotal: 500000, subTotalWithTax: 550000, shipping: 0, shippingWithTax: 0, total: 500000, totalWithTax: 550000,
      shippingLines: [], lines: [{ id: '1', quantity: 1, unitPrice: 500000, unitPriceWithTax: 550000, linePrice: 500000, linePriceWithTax: 550000, proratedLinePrice: 500000, proratedLinePriceWithTax: 550000, productVariant: { id: '1', sku: 'J', name: 'J' } }] });
    const order = mapped(raw);
    expect(order.total).toEqual({ amount: 5500, currency: 'JPY' });
    expect(reconciliationDifference(order)).toBe(0);
  });
});

describe('payloads the mapper must reject (quarantine, never throw)', () => {
  const cases: [string, unknown, RegExp][] = [
    ['no code', placedOrder({ code: '' }), /code/],
    ['a negative quantity', placedOrder({ lines: [{ ...(placedOrder().lines as object[])[0], quantity: -1 }] }), /quantity/],
    ['a non-integer amount', placedOrder({ totalWithTax: 115.94 }), /totalWithTax/],
    ['a bad currency', placedOrder({ currencyCode: 'euro' }), /currencyCode/],
    ['a bad timestamp', placedOrder({ updatedAt: 'yesterday' }), /updatedAt/],
    ['not an object', 'oops', /payload|expected object/],
  ];
  for (const [name, raw, reason] of cases) {
    it(name, () => {
      const result = toChannelOrder(raw);
      expect('rejected' in result).toBe(true);
      if ('rejected' in result) {
        expect(result.rejected.reason).toMatch(reason);
        expect(result.rejected.raw).toBe(raw);
      }
    });
  }

  it('keeps the id of a rejected order when it has one', () => {
    const result = toChannelOrder(placedOrder({ code: '' }));
    expect('rejected' in result && result.rejected.externalId).toBe('1');
  });
});
