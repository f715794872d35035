import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../src/ledger/index.js';
import { makeOrder } from '../support/orders.js';

describe('ledger maintenance', () => {
  it('purge removes personal data from old orders and keeps amounts, SKUs and statuses', () => {
    const ledger = openLedger(':memory:');
    const old = makeOrder({ externalId: 'old', placedAt: '2026-01-01T10:00:00.000Z', raw: { billing: { email: 'ada@example.com' } } });
    const recent = makeOrder({ externalId: 'new', placedAt: '2026-11-20T10:00:00.000Z' });
    ledger.orders.commitPage({ channel: 'shop', rejected: [{ externalId: 'q', reason: 'bad', raw: { email: 'x@example.com' } }], checkpoint: null,
      orders: [old, recent].map((order) => ({ order, targets: [], moneyDifference: 0 })) }, Date.parse('2026-01-02T00:00:00Z'));
    const result = ledger.maintenance.purgePersonalData(Date.parse('2026-08-27T00:00:00Z'));
    expect(result).toEqual({ orders: 1, quarantined: 1 });
    // A second purge finds nothing left to remove.
    expect(ledger.maintenance.purgePersonalData(Date.parse('2026-08-27T00:00:00Z'))).toEqual({ orders: 0, quarantined: 0 });
    ledger.close();
  });

  it('purge: the scrubbed order has no name, email, phone or address, but its money and lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ordersync-purge-'));
    const file = join(dir, 'ledger.db');
    const ledger = openLedger(file);
    ledger.orders.commitPage({ channel: 'shop', rejected: [], checkpoint: null,
      orders: [{ order: makeOrder({ placedAt: '2025-01-01T10:00:00.000Z', raw: { email: 'ada@example.com', phone: '+49 30 1234' } }), targets: [], moneyDifference: 0 }] });
    ledger.maintenance.purgePersonalData(Date.now() - 90 * 86_400_000);
    ledger.close();
    const db = new Database(file, { readonly: true });
    const row = db.prepare('SELECT normalized, raw, total FROM orders').get() as { normalized: string; raw: string; total: number };
    db.close();
    const order = JSON.parse(row.normalized) as Record<string, unknown>;
    expect(order.customer).toEqual({ email: null, name: null, phone: null });
    expect(order.shippingAddress).toBeNull();
    expect(order.total).toEqual({ amount: 5318, currency: 'EUR' });
    expect((order.lines as { sku: string }[])[0]?.sku).toBe('TEE-BLK-M');
    expect(order.financialStatus).toBe('paid');
    expect(row.normalized + row.raw).not.toMatch(/ada@example\.com|Lovelace|\+49 30|Main St/);
  });

  it('backup makes a consistent, owner-only copy while the ledger is being written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ordersync-backup-'));
    const ledger = openLedger(join(dir, 'ledger.db'));
    for (let i = 0; i < 200; i++) {
      ledger.orders.commitPage({ channel: 'shop', rejected: [], checkpoint: { n: i }, orders: [{ order: makeOrder({ externalId: String(i) }), targets: ['erp'], moneyDifference: 0 }] });
    }
    const copy = join(dir, 'copy.db');
    const writing = (async () => {
      for (let i = 200; i < 400; i++) {
        ledger.orders.commitPage({ channel: 'shop', rejected: [], checkpoint: { n: i }, orders: [{ order: makeOrder({ externalId: String(i) }), targets: ['erp'], moneyDifference: 0 }] });
        await new Promise((r) => setImmediate(r));
      }
    })();
    await ledger.maintenance.backupTo(copy);
    await writing;
    ledger.close();
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    const backup = openLedger(copy);
    expect(backup.integrityCheck()).toBe('ok');
    const held = backup.queries.ordersByChannel().shop ?? 0;
    expect(held).toBeGreaterThanOrEqual(200);
    // Consistent: the cursor matches the orders it was committed with.
    expect(backup.orders.readCheckpoint('shop')).toEqual({ n: held - 1 });
    backup.close();
  });
});
