import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLedger, openLedgerForReading, type Ledger } from '../../src/ledger/index.js';
import { makeOrder } from '../support/orders.js';

describe('ledger: the delivery outbox', () => {
  let ledger: Ledger;
  const commit = (externalId: string, updatedAt: string, status: 'paid' | 'refunded' = 'paid') => ledger.orders.commitPage({
    channel: 'shop', rejected: [], checkpoint: null,
    orders: [{ order: makeOrder({ externalId, updatedAt, financialStatus: status }), targets: ['erp'], moneyDifference: 0 }],
  });
  beforeEach(() => { ledger = openLedger(':memory:'); });
  afterEach(() => ledger.close());

  it('hands out one delivery per order at a time, oldest first, so events stay in order', () => {
    commit('A', '2026-11-01T10:00:00.000Z');
    commit('A', '2026-11-01T11:00:00.000Z', 'refunded');
    commit('B', '2026-11-01T10:00:00.000Z');
    const first = ledger.deliveries.claimDue('erp', 10);
    expect(first.map((d) => [d.event.order.externalId, d.event.type])).toEqual([['A', 'order.created'], ['B', 'order.created']]);
    expect(ledger.deliveries.claimDue('erp', 10)).toEqual([]);
    ledger.deliveries.settle(first[0]!.id, { status: 'done', externalRef: 'SO-1' });
    const second = ledger.deliveries.claimDue('erp', 10);
    expect(second.map((d) => [d.event.order.externalId, d.event.type, d.previousExternalRef])).toEqual([['A', 'order.updated', 'SO-1']]);
  });

  it('gives each delivery the order\'s latest state and a stable idempotency key', () => {
    commit('A', '2026-11-01T10:00:00.000Z');
    commit('A', '2026-11-01T11:00:00.000Z', 'refunded');
    const [created] = ledger.deliveries.claimDue('erp', 1);
    expect(created?.event.order.financialStatus).toBe('refunded');
    expect(created?.idempotencyKey).toMatch(new RegExp(`^${ledger.ledgerId}:\\d+:erp$`));
    expect(created?.attempt).toBe(1);
  });

  it('holds a retry back until it is due, and counts attempts', () => {
    commit('A', '2026-11-01T10:00:00.000Z');
    const now = Date.now() + 1_000;
    const [delivery] = ledger.deliveries.claimDue('erp', 1, now);
    ledger.deliveries.settle(delivery!.id, { status: 'retry', error: 'HTTP 503', nextAttemptAt: now + 60_000 }, now);
    expect(ledger.deliveries.claimDue('erp', 1, now + 59_000)).toEqual([]);
    expect(ledger.deliveries.nextDueAt('erp')).toBe(now + 60_000);
    const [again] = ledger.deliveries.claimDue('erp', 1, now + 60_000);
    expect(again?.attempt).toBe(2);
  });

  it('a dead delivery blocks later events of the same order until it is requeued', () => {
    commit('A', '2026-11-01T10:00:00.000Z');
    commit('A', '2026-11-01T11:00:00.000Z', 'refunded');
    const [created] = ledger.deliveries.claimDue('erp', 5);
    ledger.deliveries.settle(created!.id, { status: 'dead', error: 'HTTP 422: unknown product' });
    expect(ledger.deliveries.claimDue('erp', 5)).toEqual([]);
    expect(ledger.deliveries.listDead()).toEqual([expect.objectContaining({ id: created!.id, target: 'erp', externalId: 'A', lastError: 'HTTP 422: unknown product' })]);
    expect(ledger.deliveries.requeue('all')).toBe(1);
    expect(ledger.deliveries.claimDue('erp', 5).map((d) => d.id)).toEqual([created!.id]);
  });

  it('recovers deliveries a crash left in flight', () => {
    commit('A', '2026-11-01T10:00:00.000Z');
    ledger.deliveries.claimDue('erp', 5);
    expect(ledger.deliveries.counts().erp?.in_flight).toBe(1);
    expect(ledger.deliveries.recoverInFlight()).toBe(1);
    expect(ledger.deliveries.counts().erp).toMatchObject({ in_flight: 0, retry: 1 });
    expect(ledger.deliveries.claimDue('erp', 5)).toHaveLength(1);
  });

  it('refuses a move the transitions table does not allow', () => {
    commit('A', '2026-11-01T10:00:00.000Z');
    const [delivery] = ledger.deliveries.claimDue('erp', 1);
    ledger.deliveries.settle(delivery!.id, { status: 'done', externalRef: null });
    expect(() => ledger.deliveries.settle(delivery!.id, { status: 'dead', error: 'x' })).toThrow(/cannot move from done to dead/);
  });

  it('a bought label is stored with a shipment.created event, in the same transaction as the delivery', () => {
    commit('A', '2026-11-01T10:00:00.000Z');
    const [delivery] = ledger.deliveries.claimDue('erp', 1);
    ledger.deliveries.settle(delivery!.id, { status: 'done', externalRef: 'se-1', shipment: {
      carrier: 'usps', service: 'usps_priority_mail', trackingNumber: '9400100000000000000001', trackingUrl: null, labelUrl: 'https://labels/1.pdf', cost: { amount: 758, currency: 'USD' },
    } });
    expect(ledger.queries.eventsSince(0)).toEqual({ 'order.created': 1, 'shipment.created': 1 });
  });
});

describe('ledger: delivery counts kept for the status view', () => {
  it('equal a count of the rows after commits, claims, every kind of settlement, recovery and requeue', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ordersync-counts-'));
    const file = join(dir, 'ledger.db');
    const ledger = openLedger(file);
    const truth = new Database(file, { readonly: true });
    const reader = openLedgerForReading(file);
    try {
      const counted = () => Object.fromEntries(
        (truth.prepare('SELECT target, status, count(*) AS n FROM deliveries GROUP BY target, status').all() as { target: string; status: string; n: number }[])
          .map((r) => [`${r.target} ${r.status}`, r.n]));
      const kept = () => Object.fromEntries(reader.status.snapshot().targets.flatMap((t) =>
        Object.entries(t.deliveries).filter(([, n]) => n > 0).map(([status, n]) => [`${t.target} ${status}`, n])));

      ledger.orders.commitPage({
        channel: 'shop', rejected: [], checkpoint: null,
        orders: ['A', 'B', 'C', 'D', 'E'].map((id) => ({ order: makeOrder({ externalId: id }), targets: ['erp', 'labels'], moneyDifference: 0 })),
      });
      expect(kept()).toEqual({ 'erp pending': 5, 'labels pending': 5 });
      const [a, b, c, d] = ledger.deliveries.claimDue('labels', 4);
      ledger.deliveries.settle(a!.id, { status: 'done', externalRef: 'se-1', shipment: {
        carrier: 'usps', service: null, trackingNumber: '9400100000000000000001', trackingUrl: null, labelUrl: null, cost: null,
      }, confirmOn: 'channel:shop' });
      ledger.deliveries.settle(b!.id, { status: 'retry', error: 'HTTP 503', nextAttemptAt: Date.now() - 1 });
      ledger.deliveries.settle(c!.id, { status: 'dead', error: 'HTTP 422' });
      expect(d).toBeDefined(); // left in flight, as a killed run would
      ledger.deliveries.recoverInFlight();
      ledger.deliveries.requeue('all');
      ledger.deliveries.claimDue('erp', 2);
      expect(kept()).toEqual(counted());
      expect(kept()).toMatchObject({ 'channel:shop pending': 1, 'labels done': 1, 'labels retry': 2, 'labels pending': 2, 'erp in_flight': 2, 'erp pending': 3 });
    } finally {
      reader.close();
      truth.close();
      ledger.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
