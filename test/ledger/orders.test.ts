import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLedger, type Ledger, type PageToCommit } from '../../src/ledger/index.js';
import { makeOrder } from '../support/orders.js';

const page = (orders: PageToCommit['orders'], extra: Partial<PageToCommit> = {}): PageToCommit => ({
  channel: 'shop', orders, rejected: [], checkpoint: { updatedAt: 'x', idsAtUpdatedAt: [] }, ...extra,
});
const entry = (order = makeOrder(), targets = ['erp', 'wms']) => ({ order, targets, moneyDifference: 0 });

describe('ledger: committing a page', () => {
  let ledger: Ledger;
  beforeEach(() => { ledger = openLedger(':memory:'); });
  afterEach(() => ledger.close());

  it('creates an order with one event and one delivery per target, and stores the cursor', () => {
    const result = ledger.orders.commitPage(page([entry()]));
    expect(result).toMatchObject({ created: 1, updated: 0, deliveries: 2 });
    expect(ledger.queries.eventsSince(0)).toEqual({ 'order.created': 1 });
    expect(ledger.deliveries.counts()).toEqual({
      erp: { pending: 1, in_flight: 0, done: 0, retry: 0, dead: 0 },
      wms: { pending: 1, in_flight: 0, done: 0, retry: 0, dead: 0 },
    });
    expect(ledger.orders.readCheckpoint('shop')).toEqual({ updatedAt: 'x', idsAtUpdatedAt: [] });
  });

  it('writes no event when the same order comes again, even with a newer timestamp', () => {
    ledger.orders.commitPage(page([entry()]));
    const result = ledger.orders.commitPage(page([entry(makeOrder({ updatedAt: '2026-11-02T00:00:00.000Z' }))]));
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 1, deliveries: 0 });
    expect(ledger.queries.eventsSince(0)).toEqual({ 'order.created': 1 });
  });

  it('records a real change as order.updated and a cancellation as order.cancelled', () => {
    ledger.orders.commitPage(page([entry()]));
    ledger.orders.commitPage(page([entry(makeOrder({ updatedAt: '2026-11-01T11:00:00.000Z', financialStatus: 'refunded' }))]));
    ledger.orders.commitPage(page([entry(makeOrder({ updatedAt: '2026-11-01T12:00:00.000Z', fulfillmentStatus: 'cancelled' }))]));
    expect(ledger.queries.eventsSince(0)).toEqual({ 'order.created': 1, 'order.updated': 1, 'order.cancelled': 1 });
  });

  it('ignores an older version arriving late', () => {
    ledger.orders.commitPage(page([entry(makeOrder({ updatedAt: '2026-11-01T12:00:00.000Z', financialStatus: 'refunded' }))]));
    const result = ledger.orders.commitPage(page([entry(makeOrder({ updatedAt: '2026-11-01T11:00:00.000Z' }))]));
    expect(result.stale).toBe(1);
    expect(ledger.queries.eventsSince(0)).toEqual({ 'order.created': 1 });
  });

  it('keeps telling a target about an order it holds, even when routing no longer picks it', () => {
    ledger.orders.commitPage(page([entry(makeOrder(), ['wms'])]));
    const cancelled = makeOrder({ updatedAt: '2026-11-01T12:00:00.000Z', fulfillmentStatus: 'cancelled' });
    const result = ledger.orders.commitPage(page([entry(cancelled, [])]));
    expect(result.deliveries).toBe(1);
    expect(ledger.deliveries.counts().wms?.pending).toBe(2);
  });

  it('quarantines rejected payloads with their reason and still lands the rest of the page', () => {
    const result = ledger.orders.commitPage(page([entry()], { rejected: [{ externalId: '77', reason: 'total: "NaN" is not a decimal amount', raw: { id: 77, total: 'NaN' } }] }));
    expect(result).toMatchObject({ created: 1, quarantined: 1 });
    expect(ledger.queries.quarantinedSince(0)).toEqual([expect.objectContaining({ channel: 'shop', externalId: '77', reason: 'total: "NaN" is not a decimal amount' })]);
  });

  it('quarantines a payload re-read unchanged only once, and a changed one again', () => {
    const rejected = (total: string) => [{ externalId: '77', reason: `total: "${total}" is not a decimal amount`, raw: { id: 77, total } }];
    expect(ledger.orders.commitPage(page([], { rejected: rejected('NaN') }))).toMatchObject({ quarantined: 1 });
    expect(ledger.orders.commitPage(page([], { rejected: rejected('NaN') }))).toMatchObject({ quarantined: 0 });
    expect(ledger.orders.commitPage(page([], { rejected: rejected('1,5') }))).toMatchObject({ quarantined: 1 });
    expect(ledger.queries.quarantinedSince(0).map((q) => q.reason)).toEqual(['total: "NaN" is not a decimal amount', 'total: "1,5" is not a decimal amount']);
  });

  it('commits nothing of a page when any part of it fails', () => {
    const broken = { order: makeOrder({ externalId: '2' }), targets: ['erp'], moneyDifference: Number.NaN as unknown as number };
    expect(() => ledger.orders.commitPage(page([entry(), broken as never], { checkpoint: { updatedAt: 'y', idsAtUpdatedAt: [] } }))).toThrow();
    expect(ledger.queries.ordersByChannel()).toEqual({});
    expect(ledger.orders.readCheckpoint('shop')).toBeUndefined();
  });

  it('records the money difference of an order that does not reconcile', () => {
    ledger.orders.commitPage(page([{ order: makeOrder(), targets: [], moneyDifference: -12 }]));
    expect(ledger.queries.unreconciledOrders()).toEqual([{ channel: 'shop', number: '#1001', difference: -12, currency: 'EUR' }]);
  });
});
