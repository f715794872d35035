// Shipments go back to the order's channel once, and the channel's echo of our own
// fulfillment is recorded but delivered nowhere.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../../src/ledger/index.js';
import type { Order } from '../../src/model/index.js';
import { makeOrder } from '../support/orders.js';

const label = { carrier: 'usps', service: 'usps_priority_mail', trackingNumber: '9400100000000000000042', trackingUrl: 'https://t/42', labelUrl: 'https://l/42', cost: { amount: 758, currency: 'USD' } };

describe('ledger: shipments back to the channel', () => {
  let ledger: Ledger;
  const commit = (order: Order) => ledger.orders.commitPage({ channel: 'shop', rejected: [], checkpoint: null, orders: [{ order, targets: ['labels', 'erp'], moneyDifference: 0 }] });
  const buyLabel = (confirmOn?: string) => {
    const [delivery] = ledger.deliveries.claimDue('labels', 1);
    ledger.deliveries.settle(delivery!.id, { status: 'done', externalRef: 'se-42', shipment: label, confirmOn });
  };
  beforeEach(() => { ledger = openLedger(':memory:'); });
  afterEach(() => ledger.close());

  it('a bought label becomes one delivery to the channel\'s fulfillment queue, carrying the tracking', () => {
    commit(makeOrder());
    buyLabel('channel:shop');
    const [confirm] = ledger.deliveries.claimDue('channel:shop', 5);
    expect(confirm?.event.type).toBe('shipment.created');
    expect(confirm?.shipment).toEqual({ id: 1, carrier: 'usps', service: 'usps_priority_mail', trackingNumber: '9400100000000000000042', trackingUrl: 'https://t/42', lines: [] });
    expect(confirm?.event.order.externalId).toBe('1001');
  });

  it('no fulfillment delivery for a channel that takes no tracking', () => {
    commit(makeOrder());
    buyLabel(undefined);
    expect(ledger.queries.eventsSince(0)).toEqual({ 'order.created': 1, 'shipment.created': 1 });
    expect(ledger.deliveries.counts()['channel:shop']).toBeUndefined();
  });

  it('the channel reporting our own fulfillment is recorded but delivered nowhere; a real change still is', () => {
    commit(makeOrder());
    buyLabel('channel:shop');
    ledger.deliveries.claimDue('erp', 5).forEach((d) => ledger.deliveries.settle(d.id, { status: 'done', externalRef: 'SO1' }));
    const echo = commit(makeOrder({ fulfillmentStatus: 'fulfilled', updatedAt: '2026-11-02T00:00:00.000Z' }));
    expect(echo).toMatchObject({ echoes: 1, updated: 0, deliveries: 0 });
    const change = commit(makeOrder({ fulfillmentStatus: 'fulfilled', financialStatus: 'refunded', updatedAt: '2026-11-03T00:00:00.000Z' }));
    expect(change).toMatchObject({ echoes: 0, updated: 1, deliveries: 2 });
  });

  it('without a shipment of ours, a fulfilled order is a change like any other', () => {
    commit(makeOrder());
    const result = commit(makeOrder({ fulfillmentStatus: 'fulfilled', updatedAt: '2026-11-02T00:00:00.000Z' }));
    expect(result).toMatchObject({ echoes: 0, updated: 1, deliveries: 2 });
  });
});
