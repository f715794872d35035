import { describe, expect, it } from 'vitest';
import { STATUS_MAP, toChannelOrder } from '../../../connectors/woocommerce/mapping.js';
import { createFaker, generateOrder } from '../../../connectors/woocommerce/mock-data.js';
import { WOO_ORDER_STATUSES } from '../../../connectors/woocommerce/types.js';
import { reconciliationDifference, type ChannelOrder } from '../../../src/model/index.js';

// The example order of the WooCommerce REST API docs (shared/reference/apis.md §2).
const documented = {
  id: 727, parent_id: 0, number: '727', status: 'processing', currency: 'EUR',
  date_created_gmt: '2025-03-14T15:28:02', date_modified_gmt: '2025-03-14T15:30:11',
  discount_total: '0.00', shipping_total: '5.90', total_tax: '0.00', total: '63.80',
  billing: { first_name: 'Jan', last_name: 'Novak', company: '', address_1: 'Hlavni 1', address_2: '', city: 'Brno', state: '', postcode: '60200', country: 'CZ', email: 'jan@example.com', phone: '+420600000000' },
  shipping: { first_name: 'Jan', last_name: 'Novak', company: '', address_1: 'Hlavni 1', address_2: '', city: 'Brno', state: '', postcode: '60200', country: 'CZ' },
  line_items: [
    { id: 315, name: 'Logo Tee - M', quantity: 2, subtotal: '39.90', subtotal_tax: '0.00', total: '39.90', total_tax: '0.00', sku: 'TEE-BLK-M', price: 19.95 },
    { id: 316, name: 'Mug', quantity: 1, subtotal: '18.00', subtotal_tax: '0.00', total: '18.00', total_tax: '0.00', sku: 'MUG-12OZ', price: 18 },
  ],
  shipping_lines: [], fee_lines: [], coupon_lines: [], refunds: [], meta_data: [],
};

const map = (raw: unknown): ChannelOrder => {
  const result = toChannelOrder(raw);
  if (!('order' in result)) throw new Error(`rejected: ${result.rejected.reason}`);
  return result.order;
};

describe('woocommerce mapping', () => {
  it('maps the documented example exactly', () => {
    const order = map(documented);
    expect(order).toMatchObject({
      externalId: '727', number: '727', placedAt: '2025-03-14T15:28:02.000Z', updatedAt: '2025-03-14T15:30:11.000Z',
      financialStatus: 'paid', fulfillmentStatus: 'unfulfilled', fulfilledBy: 'merchant', currency: 'EUR',
      subtotal: { amount: 5790, currency: 'EUR' }, shippingTotal: { amount: 590, currency: 'EUR' },
      taxTotal: { amount: 0, currency: 'EUR' }, discountTotal: { amount: 0, currency: 'EUR' }, total: { amount: 6380, currency: 'EUR' },
      customer: { email: 'jan@example.com', name: 'Jan Novak', phone: '+420600000000' },
      shippingAddress: { name: 'Jan Novak', line1: 'Hlavni 1', city: 'Brno', postalCode: '60200', countryCode: 'CZ' },
    });
    expect(order.lines).toEqual([
      { externalId: '315', sku: 'TEE-BLK-M', title: 'Logo Tee - M', quantity: 2, unitPrice: { amount: 1995, currency: 'EUR' }, tax: { amount: 0, currency: 'EUR' }, discount: { amount: 0, currency: 'EUR' } },
      { externalId: '316', sku: 'MUG-12OZ', title: 'Mug', quantity: 1, unitPrice: { amount: 1800, currency: 'EUR' }, tax: { amount: 0, currency: 'EUR' }, discount: { amount: 0, currency: 'EUR' } },
    ]);
    expect(reconciliationDifference(order)).toBe(0);
  });

  it.each(WOO_ORDER_STATUSES.map((status) => [status, STATUS_MAP[status]] as const))('status %s maps to %j', (status, expected) => {
    const order = map({ ...documented, status });
    expect(order.financialStatus).toBe(expected.financial);
    expect(order.fulfillmentStatus).toBe(expected.fulfillment);
  });

  it('a paid order with a refund is partially refunded', () => {
    expect(map({ ...documented, refunds: [{ id: 9, total: '-5.00' }] }).financialStatus).toBe('partially_refunded');
  });

  it('carries fees as lines so the money still reconciles', () => {
    const order = map({ ...documented, fee_lines: [{ id: 5, name: 'Gift wrap', total: '2.50', total_tax: '0.00' }], total: '66.30' });
    expect(order.lines.at(-1)).toMatchObject({ externalId: 'fee-5', title: 'Gift wrap', unitPrice: { amount: 250 } });
    expect(reconciliationDifference(order)).toBe(0);
  });

  it.each([
    ['an order without an id', { ...documented, id: undefined }, /id/],
    ['an amount that is not a number', { ...documented, total: 'NaN' }, /total/],
    ['an unknown status', { ...documented, status: 'shipped-to-mars' }, /status/],
    ['a negative quantity', { ...documented, line_items: [{ ...documented.line_items[0], quantity: -1 }] }, /quantity -1/],
    ['more decimals than the currency has', { ...documented, currency: 'JPY', total: '63.80' }, /more decimals than JPY/],
  ])('rejects %s with a reason', (_name, raw, reason) => {
    const result = toChannelOrder(raw);
    expect('rejected' in result && result.rejected.reason).toMatch(reason);
  });

  it('every generated mock order maps and reconciles', () => {
    const faker = createFaker(3);
    for (let id = 1; id <= 200; id++) {
      const order = map(generateOrder(faker, id, Date.UTC(2026, 10, 1)));
      expect(reconciliationDifference(order), `order ${id}`).toBe(0);
    }
  });
});
