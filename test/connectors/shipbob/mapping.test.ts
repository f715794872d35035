import { describe, expect, it } from 'vitest';
import {
  fulfillmentState, orderReference, orderState, relevantChanges, shipmentState, toShipBobOrder, wmsRefusal,
} from '../../../connectors/shipbob/mapping.js';
import { SHIPBOB_ORDER_STATUSES, SHIPBOB_SHIPMENT_STATUSES } from '../../../connectors/shipbob/types.js';
import { buildOrder } from './fixtures.js';

describe('shipbob mapping', () => {
  it('our reference is channel:externalId', () => {
    expect(orderReference(buildOrder())).toBe('shop:5512345678901');
  });

  it.each([
    ['Processing', 'open'], ['Exception', 'open'], ['ImportReview', 'open'],
    ['PartiallyFulfilled', 'shipped'], ['Fulfilled', 'shipped'], ['Cancelled', 'cancelled'],
  ] as const)('order status %s → %s', (status, state) => {
    expect(orderState(status)).toBe(state);
  });

  it.each([
    ['None', 'open'], ['Processing', 'open'], ['Exception', 'open'], ['OnHold', 'open'], ['ImportReview', 'open'],
    ['Completed', 'shipped'], ['LabeledCreated', 'shipped'], ['Cancelled', 'cancelled'], ['CleanSweeped', 'cancelled'],
  ] as const)('shipment status %s → %s', (status, state) => {
    expect(shipmentState(status)).toBe(state);
  });

  it('every documented status is covered, and an undocumented one is unknown', () => {
    for (const status of SHIPBOB_ORDER_STATUSES) expect(orderState(status)).not.toBe('unknown');
    for (const status of SHIPBOB_SHIPMENT_STATUSES) expect(shipmentState(status)).not.toBe('unknown');
    expect(orderState('Teleported')).toBe('unknown');
    expect(orderState(null)).toBe('unknown');
  });

  it('an order is shipped as soon as one shipment has left, even if the order still says Processing', () => {
    const remote = { id: 1, reference_id: 'r', status: 'Processing', shipments: [{ id: 1, status: 'Processing' }, { id: 2, status: 'Completed' }] };
    expect(fulfillmentState(remote)).toBe('shipped');
    expect(fulfillmentState({ ...remote, shipments: [{ id: 1, status: 'Processing' }] })).toBe('open');
    expect(fulfillmentState({ ...remote, status: 'Cancelled', shipments: [{ id: 1, status: 'Cancelled' }] })).toBe('cancelled');
  });

  it('refuses channel-fulfilled, cancelled and unpaid orders; takes authorized ones (Amazon charges at shipment)', () => {
    expect(wmsRefusal(buildOrder())).toBeUndefined();
    expect(wmsRefusal(buildOrder({ fulfilledBy: 'channel' }))).toContain('Amazon FBA');
    expect(wmsRefusal(buildOrder({ fulfillmentStatus: 'cancelled' }))).toContain('is cancelled');
    for (const status of ['pending', 'refunded', 'voided'] as const) {
      expect(wmsRefusal(buildOrder({ financialStatus: status }))).toContain(`is ${status}`);
    }
    expect(wmsRefusal(buildOrder({ financialStatus: 'partially_refunded' }))).toBeUndefined();
    expect(wmsRefusal(buildOrder({ financialStatus: 'authorized' }))).toBeUndefined();
  });

  it('money becomes exact decimals (no binary float drift), zero-quantity lines are left out', () => {
    const base = buildOrder();
    const mapped = toShipBobOrder(buildOrder({
      total: { amount: 30, currency: 'USD' },
      lines: [
        { ...base.lines[0]!, unitPrice: { amount: 10, currency: 'USD' } },
        { ...base.lines[1]!, unitPrice: { amount: 20, currency: 'USD' }, quantity: 0 },
      ],
    }), 'Expedited');
    if (!mapped.ok) throw new Error(mapped.reason);
    expect(mapped.value.products).toEqual([{ reference_id: 'TEE-BLK-M', name: 'Logo Tee Black M', quantity: 2, unit_price: 0.1 }]);
    expect(mapped.value.financials.total_price).toBe(0.3);
    expect(mapped.value.shipping_method).toBe('Expedited');
  });

  it('uses the customer name when the address has none', () => {
    const base = buildOrder();
    const mapped = toShipBobOrder(buildOrder({ shippingAddress: { ...base.shippingAddress!, name: null } }), 'Standard');
    expect(mapped.ok && mapped.value.recipient.name).toBe('Ada Lovelace');
  });

  it('relevant changes: quantities by SKU and the address, not prices or tags', () => {
    const wanted = toShipBobOrder(buildOrder(), 'Standard');
    if (!wanted.ok) throw new Error(wanted.reason);
    const remote = {
      id: 7, reference_id: 'shop:5512345678901',
      recipient: { name: 'Ada Lovelace', address: { address1: '12 Main St', address2: 'Apt 4', city: 'Springfield', state: 'IL', zip_code: '62701', country: 'US' } },
      products: [{ reference_id: 'TEE-BLK-M', quantity: 2 }, { reference_id: 'MUG-12OZ', quantity: 1 }],
    };
    expect(relevantChanges(remote, wanted.value)).toEqual([]);
    expect(relevantChanges({ ...remote, products: [{ reference_id: 'TEE-BLK-M', quantity: 2 }] }, wanted.value)).toEqual(['quantity of MUG-12OZ (0 → 1)']);
    expect(relevantChanges({ ...remote, recipient: { ...remote.recipient, address: { ...remote.recipient.address, zip_code: '62702' } } }, wanted.value)).toEqual(['address zip_code']);
  });
});
