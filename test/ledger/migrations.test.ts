import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../src/ledger/index.js';
import { MIGRATIONS } from '../../src/ledger/migrate.js';
import { makeOrder } from '../../bench/lib/orders.js';

const LEDGER_ID = 'c0ffee00-0000-4000-8000-000000000001';
const NOW = '2026-12-01T10:00:00.000Z';

/** A ledger at schema 6 (before 007-lighter-writes) holding one order, its lines and two deliveries. */
function ledgerAtSchema6(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  for (const schema of MIGRATIONS.slice(0, 6)) db.exec(schema);
  db.pragma('user_version = 6');
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('ledger_id', LEDGER_ID);
  const { raw, ...normalized } = makeOrder(42, { channel: 'woo', placedAt: Date.parse(NOW), updatedAt: Date.parse(NOW) });
  db.prepare(`INSERT INTO orders (id, channel, channel_kind, external_id, number, placed_at, updated_at, financial_status, fulfillment_status,
      fulfilled_by, currency, total, content_hash, normalized, raw, first_seen_at, last_changed_at)
    VALUES (7, 'woo', 'woocommerce', '42', '#42', ?, ?, 'paid', 'unfulfilled', 'merchant', 'EUR', 5000, 'h', ?, ?, ?, ?)`)
    .run(NOW, NOW, JSON.stringify(normalized), JSON.stringify(raw), NOW, NOW);
  normalized.lines.forEach((line, position) => db.prepare(`INSERT INTO order_lines (order_id, position, external_id, sku, title, quantity,
      unit_price, tax, discount) VALUES (7, ?, ?, ?, ?, ?, ?, ?, 0)`).run(position, line.externalId, line.sku, line.title, line.quantity, line.unitPrice.amount, line.tax.amount));
  db.prepare("INSERT INTO events (id, order_id, type, content_hash, occurred_at) VALUES (11, 7, 'order.created', 'h', ?)").run(NOW);
  const delivery = db.prepare(`INSERT INTO deliveries (id, event_id, order_id, target, status, attempts, next_attempt_at, external_ref,
      idempotency_key, created_at, updated_at) VALUES (?, 11, 7, ?, ?, ?, ?, ?, ?, ?, ?)`);
  delivery.run(21, 'erp', 'done', 1, NOW, 'SO-9', `${LEDGER_ID}:11:erp`, NOW, NOW);
  delivery.run(22, 'wms', 'pending', 0, NOW, null, `${LEDGER_ID}:11:wms`, NOW, NOW);
  db.exec("INSERT INTO delivery_counts (target, status, n) VALUES ('erp', 'done', 1), ('wms', 'pending', 1)");
  db.close();
}

describe('ledger: migration 007 (lighter writes) on a ledger in use', () => {
  it('keeps every order line and delivery, derives the same idempotency key, and keeps counting', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ordersync-migrate-')), 'ledger.db');
    ledgerAtSchema6(file);
    const ledger = openLedger(file);
    const [claimed] = ledger.deliveries.claimDue('wms', 10, Date.parse(NOW) + 1_000);
    expect(claimed).toMatchObject({ id: 22, idempotencyKey: `${LEDGER_ID}:11:wms`, attempt: 1, event: { id: `${LEDGER_ID}:11` } });
    expect(claimed!.event.order.lines.map((line) => line.sku)).toEqual(['CAP-NAVY', 'BAG-TOTE', 'SOCK-3PK']);
    expect(claimed!.event.order.raw).toMatchObject({ id: 42, line_items: [{ sku: 'CAP-NAVY' }, { sku: 'BAG-TOTE' }, { sku: 'SOCK-3PK' }] });
    ledger.deliveries.settle(22, { status: 'done', externalRef: 'P-1' });
    expect(ledger.deliveries.counts()).toEqual({
      erp: { pending: 0, in_flight: 0, done: 1, retry: 0, dead: 0 },
      wms: { pending: 0, in_flight: 0, done: 1, retry: 0, dead: 0 },
    });
    expect(ledger.integrityCheck()).toBe('ok');
    ledger.close();

    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT id, target, status, external_ref AS ref FROM deliveries ORDER BY id').all()).toEqual([
      { id: 21, target: 'erp', status: 'done', ref: 'SO-9' }, { id: 22, target: 'wms', status: 'done', ref: 'P-1' },
    ]);
    expect(db.prepare('SELECT order_id, position, sku, quantity FROM order_lines ORDER BY position').all()).toHaveLength(3);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['deliveries_due', 'deliveries_by_order', 'deliveries_done_by_target', 'deliveries_dead',
      'delivery_counts_update', 'delivery_counts_delete']));
    expect(names).not.toContain('orders_by_channel_updated');
    expect(names).not.toContain('order_lines_by_sku');
    expect(names).not.toContain('order_lines_by_order_sku');
    db.close();
  });
});
