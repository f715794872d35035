// The stock store: levels with stock.changed events only for real changes, acknowledgements,
// the open lines that reserve, push records and oversold flags; plus its query plans.
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../../src/ledger/index.js';
import type { Order } from '../../src/model/index.js';
import { makeOrder } from '../support/orders.js';

const T0 = Date.parse('2026-11-01T12:00:00Z');
const line = (sku: string, quantity: number, id = sku) => ({ ...makeOrder().lines[0]!, externalId: id, sku, quantity });
const commit = (ledger: Ledger, orders: Order[], targets: string[] = []) =>
  ledger.orders.commitPage({ channel: 'shop', orders: orders.map((order) => ({ order, targets, moneyDifference: 0 })), rejected: [], checkpoint: null }, T0);

describe('ledger: stock', () => {
  let ledger: Ledger;
  beforeEach(() => { ledger = openLedger(':memory:'); });
  afterEach(() => ledger.close());

  it('writes a stock.changed event only when a level really changes, and zeroes levels no longer reported', () => {
    const ack = { kind: 'placed-before', at: T0 } as const;
    expect(ledger.stock.recordLevels('erp', [{ sku: 'A', location: 'main', onHand: 5 }, { sku: 'B', location: 'main', onHand: 2 }], ack, T0))
      .toEqual({ changed: 2, unchanged: 0, zeroed: 0, acknowledged: 0 });
    expect(ledger.stock.recordLevels('erp', [{ sku: 'A', location: 'main', onHand: 5 }, { sku: 'B', location: 'main', onHand: 2 }], ack, T0 + 1000))
      .toMatchObject({ changed: 0, unchanged: 2 });
    expect(ledger.queries.eventsSince(0)).toEqual({ 'stock.changed': 2 });
    expect(ledger.stock.recordLevels('erp', [{ sku: 'A', location: 'main', onHand: 4 }], ack, T0 + 2000)).toMatchObject({ changed: 1, zeroed: 1 });
    expect(ledger.queries.eventsSince(0)).toEqual({ 'stock.changed': 4 });
    expect(ledger.stock.levels('erp').map((l) => [l.sku, l.onHand, l.changedAt, l.observedAt])).toEqual([
      ['A', 4, '2026-11-01T12:00:02.000Z', '2026-11-01T12:00:02.000Z'],
      ['B', 0, '2026-11-01T12:00:02.000Z', '2026-11-01T12:00:02.000Z'],
    ]);
    expect(ledger.stock.levels('csv:other')).toEqual([]);
  });

  it('reserves lines of open merchant orders only: not cancelled, refunded, voided or channel-fulfilled', () => {
    commit(ledger, [
      makeOrder({ externalId: '1', lines: [line('A', 2), line('B', 1)] }),
      makeOrder({ externalId: '2', financialStatus: 'pending', lines: [line('A', 1)] }),
      makeOrder({ externalId: '3', fulfillmentStatus: 'cancelled', lines: [line('A', 5)] }),
      makeOrder({ externalId: '4', financialStatus: 'refunded', lines: [line('A', 7)] }),
      makeOrder({ externalId: '5', fulfilledBy: 'channel', lines: [line('A', 9)] }),
      makeOrder({ externalId: '6', lines: [{ ...line('A', 1), sku: null }] }),
    ]);
    expect(ledger.stock.openLines('erp')).toEqual([{ channel: 'shop', sku: 'A', quantity: 3 }, { channel: 'shop', sku: 'B', quantity: 1 }]);
  });

  it('a file source counts orders placed before it was written', () => {
    commit(ledger, [
      makeOrder({ externalId: '1', placedAt: '2026-11-01T09:59:59Z', lines: [line('A', 2)] }),
      makeOrder({ externalId: '2', placedAt: '2026-11-01T10:00:00.500Z', lines: [line('A', 1)] }),
    ]);
    const result = ledger.stock.recordLevels('csv:stock.csv', [{ sku: 'A', location: 'main', onHand: 5 }], { kind: 'placed-before', at: Date.parse('2026-11-01T10:00:00Z') }, T0);
    expect(result.acknowledged).toBe(1);
    expect(ledger.stock.openLines('csv:stock.csv')).toEqual([{ channel: 'shop', sku: 'A', quantity: 1 }]);
    expect(ledger.stock.openLines('erp')).toEqual([{ channel: 'shop', sku: 'A', quantity: 3 }]); // per source
  });

  it('a target source counts orders whose delivery to it was done before the read began', () => {
    commit(ledger, [makeOrder({ externalId: '1', lines: [line('A', 2)] }), makeOrder({ externalId: '2', lines: [line('A', 1)] })], ['erp']);
    const [first] = ledger.deliveries.claimDue('erp', 1, T0);
    ledger.deliveries.settle(first!.id, { status: 'done', externalRef: '7' }, T0 + 1000);
    const before = ledger.stock.recordLevels('erp', [{ sku: 'A', location: 'odoo', onHand: 4 }], { kind: 'delivered', target: 'erp', before: T0 + 500 }, T0 + 2000);
    expect(before.acknowledged).toBe(0); // done after the read began: maybe not in the figures yet
    const after = ledger.stock.recordLevels('erp', [{ sku: 'A', location: 'odoo', onHand: 4 }], { kind: 'delivered', target: 'erp', before: T0 + 3000 }, T0 + 4000);
    expect(after.acknowledged).toBe(1);
    expect(ledger.stock.openLines('erp')).toEqual([{ channel: 'shop', sku: 'A', quantity: 1 }]);
  });

  it('keeps the last accepted quantity apart from the last attempt', () => {
    ledger.stock.recordPushes('woo', [
      { sku: 'A', quantity: 3, status: 'ok', onHand: 5, reserved: 2 },
      { sku: 'B', quantity: 1, status: 'rejected', reason: 'unknown SKU', onHand: 1, reserved: 0 },
    ], T0);
    ledger.stock.recordPushes('woo', [{ sku: 'A', quantity: 2, status: 'retry', reason: 'HTTP 503', onHand: 5, reserved: 3 }], T0 + 1000);
    expect(ledger.stock.pushes()).toEqual([
      { channel: 'woo', sku: 'A', quantity: 3, pushedAt: '2026-11-01T12:00:00.000Z', attemptedQuantity: 2, status: 'retry', lastError: 'HTTP 503', onHand: 5, reserved: 3 },
      { channel: 'woo', sku: 'B', quantity: null, pushedAt: null, attemptedQuantity: 1, status: 'rejected', lastError: 'unknown SKU', onHand: 1, reserved: 0 },
    ]);
  });

  it('flags oversold SKUs, keeping when each was first flagged, and clears the ones that recovered', () => {
    ledger.stock.flagOversold([{ sku: 'A', short: 1 }], T0);
    ledger.stock.flagOversold([{ sku: 'A', short: 2 }, { sku: 'B', short: 1 }], T0 + 1000);
    expect(ledger.stock.oversold()).toEqual([
      { sku: 'A', short: 2, flaggedAt: '2026-11-01T12:00:00.000Z' },
      { sku: 'B', short: 1, flaggedAt: '2026-11-01T12:00:01.000Z' },
    ]);
    ledger.stock.flagOversold([], T0 + 2000);
    expect(ledger.stock.oversold()).toEqual([]);
  });

  it('uses indexes for acknowledgements and reservations', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ordersync-stock-')), 'plan.db');
    openLedger(file).close();
    const db = new Database(file, { readonly: true });
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT 1 FROM stock_acknowledgements a WHERE a.order_id = 1 AND a.source = 'erp'")).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_stock_acknowledgements/);
    expect(plan("SELECT d.order_id FROM deliveries d WHERE d.target = 'erp' AND d.status = 'done' AND d.updated_at <= 'x'")).toMatch(/USING (COVERING )?INDEX deliveries_done_by_target/);
    expect(plan('SELECT sku, quantity FROM order_lines WHERE order_id = 1')).toMatch(/USING (PRIMARY KEY|(COVERING )?INDEX)/);
    expect(plan("SELECT * FROM stock_levels WHERE source = 'erp'")).toMatch(/USING INDEX sqlite_autoindex_stock_levels/);
    db.close();
  });
});
