// Commits one page of a pull: orders, lines, events, deliveries, quarantine and the channel's
// cursor, in one transaction. Either all of it lands or none of it does.
import type Database from 'better-sqlite3';
import type { Order } from '../model/order.js';
import type { EventType } from '../model/event.js';
import { normalizedWithHash } from './hash.js';
import { createNewDeliveries } from './new-deliveries.js';
import { createQuarantineWriter } from './quarantine-writer.js';
import { isoNow } from './time.js';

export interface PageToCommit {
  channel: string;
  orders: { order: Order; targets: readonly string[]; moneyDifference: number }[];
  rejected: { externalId: string | null; reason: string; raw: unknown }[];
  checkpoint: unknown;
}

export interface PageResult {
  /** Changes that only echo our own fulfillment back: recorded, delivered nowhere. */
  echoes: number;
  created: number;
  updated: number;
  cancelled: number;
  unchanged: number;
  stale: number;
  quarantined: number;
  deliveries: number;
}


export function createOrderStore(db: Database.Database) {
  const findOrder = db.prepare<[string, string], { id: number; content_hash: string; updated_at: string; fulfillment_status: string; normalized: string }>(
    'SELECT id, content_hash, updated_at, fulfillment_status, normalized FROM orders WHERE channel = ? AND external_id = ?');
  const hasShipment = db.prepare<[number], { found: number }>('SELECT 1 AS found FROM shipments WHERE order_id = ? LIMIT 1');
  const insertOrder = db.prepare(`INSERT INTO orders (channel, channel_kind, external_id, number, placed_at, updated_at,
      financial_status, fulfillment_status, fulfilled_by, currency, total, money_difference, content_hash, normalized, raw,
      first_seen_at, last_changed_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const updateOrder = db.prepare(`UPDATE orders SET number = ?, placed_at = ?, updated_at = ?, financial_status = ?,
      fulfillment_status = ?, fulfilled_by = ?, currency = ?, total = ?, money_difference = ?, content_hash = ?,
      normalized = ?, raw = ?, last_changed_at = ?
    WHERE id = ?`);
  const touchOrder = db.prepare('UPDATE orders SET updated_at = ?, raw = ? WHERE id = ?');
  const deleteLines = db.prepare('DELETE FROM order_lines WHERE order_id = ?');
  const insertLine = db.prepare(`INSERT INTO order_lines (order_id, position, external_id, sku, title, quantity, unit_price, tax, discount)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertEvent = db.prepare('INSERT INTO events (order_id, type, content_hash, occurred_at) VALUES (?, ?, ?, ?)');
  const newDeliveries = createNewDeliveries(db);
  // Targets that received this order's events (not the channel's own tracking confirmations).
  const priorTargets = db.prepare<[number], { target: string }>(
    "SELECT DISTINCT d.target FROM deliveries d JOIN events e ON e.id = d.event_id WHERE d.order_id = ? AND e.type LIKE 'order.%'");
  const quarantineWriter = createQuarantineWriter(db);
  const upsertCursor = db.prepare(`INSERT INTO cursors (channel, checkpoint, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (channel) DO UPDATE SET checkpoint = excluded.checkpoint, updated_at = excluded.updated_at`);
  const readCursor = db.prepare<[string], { checkpoint: string }>('SELECT checkpoint FROM cursors WHERE channel = ?');

  function writeLines(orderId: number, order: Order, replacing: boolean): void {
    if (replacing) deleteLines.run(orderId);
    order.lines.forEach((line, position) => {
      insertLine.run(orderId, position, line.externalId, line.sku, line.title, line.quantity, line.unitPrice.amount, line.tax.amount, line.discount.amount);
    });
  }

  function isOwnFulfillmentEcho(existing: { id: number; normalized: string }, order: Order): boolean {
    if (order.fulfillmentStatus !== 'fulfilled' && order.fulfillmentStatus !== 'partial') return false;
    if (!hasShipment.get(existing.id)) return false;
    const { raw: _raw, ...normalized } = order;
    return withoutFulfillment(JSON.parse(existing.normalized) as Record<string, unknown>) === withoutFulfillment(normalized);
  }

  function recordEvent(orderId: number, type: EventType, hash: string, targets: readonly string[], now: string): number {
    const eventId = Number(insertEvent.run(orderId, type, hash, now).lastInsertRowid);
    for (const target of targets) newDeliveries.add(eventId, orderId, target, now);
    return targets.length;
  }

  const commit = db.transaction((page: PageToCommit, now: string): PageResult => {
    const result: PageResult = { echoes: 0, created: 0, updated: 0, cancelled: 0, unchanged: 0, stale: 0, quarantined: 0, deliveries: 0 };
    for (const { order, targets, moneyDifference } of page.orders) {
      const { normalized, hash } = normalizedWithHash(order);
      const raw = JSON.stringify(order.raw ?? null);
      const existing = findOrder.get(page.channel, order.externalId);
      if (!existing) {
        const columns = changeableColumns(order, moneyDifference, hash, normalized, raw);
        const orderId = Number(insertOrder.run(page.channel, order.channelKind, order.externalId, ...columns, now, now).lastInsertRowid);
        writeLines(orderId, order, false);
        result.deliveries += recordEvent(orderId, 'order.created', hash, targets, now);
        result.created++;
        continue;
      }
      if (order.updatedAt < existing.updated_at) {
        result.stale++; // an older version arriving late (overlap, retries): the ledger keeps the newer one
        continue;
      }
      if (existing.content_hash === hash) {
        if (order.updatedAt !== existing.updated_at) touchOrder.run(order.updatedAt, raw, existing.id);
        result.unchanged++;
        continue;
      }
      updateOrder.run(...changeableColumns(order, moneyDifference, hash, normalized, raw), now, existing.id);
      writeLines(existing.id, order, true);
      const cancelled = order.fulfillmentStatus === 'cancelled' && existing.fulfillment_status !== 'cancelled';
      if (!cancelled && isOwnFulfillmentEcho(existing, order)) {
        // The channel reports the shipment we recorded (and confirmed) ourselves: the event is
        // kept for the record, but the systems that shipped it are not told again (the echo loop).
        recordEvent(existing.id, 'order.updated', hash, [], now);
        result.echoes++;
        continue;
      }
      // A target that already has this order hears of every later change, even if the routing
      // rules would no longer pick it (a cancellation must reach the WMS that holds the order).
      const everyTarget = new Set([...targets, ...priorTargets.all(existing.id).map((r) => r.target)]);
      result.deliveries += recordEvent(existing.id, cancelled ? 'order.cancelled' : 'order.updated', hash, [...everyTarget], now);
      if (cancelled) result.cancelled++;
      else result.updated++;
    }
    for (const rejected of page.rejected) {
      const entry = { channel: page.channel, externalId: rejected.externalId, reason: rejected.reason, payload: rejected.raw, sameBy: 'payload' as const };
      if (quarantineWriter.add(entry, now)) result.quarantined++;
    }
    newDeliveries.count();
    upsertCursor.run(page.channel, JSON.stringify(page.checkpoint ?? null), now);
    return result;
  });

  return {
    commitPage: (page: PageToCommit, now: number = Date.now()): PageResult => commit.immediate(page, isoNow(now)),
    readCheckpoint(channel: string): unknown {
      const row = readCursor.get(channel);
      return row ? (JSON.parse(row.checkpoint) as unknown) : undefined;
    },
  };
}

export type OrderStore = ReturnType<typeof createOrderStore>;

/**
 * The values of the columns an update rewrites, in the order both insertOrder and updateOrder name
 * them (number … raw). Bound by position: an object of named parameters per order was most of
 * what a pull left for V8's old generation (bench/FINDINGS.md §I).
 */
function changeableColumns(order: Order, moneyDifference: number, hash: string, normalized: string, raw: string) {
  return [order.number, order.placedAt, order.updatedAt, order.financialStatus, order.fulfillmentStatus, order.fulfilledBy,
    order.currency, order.total.amount, moneyDifference, hash, normalized, raw] as const;
}

function withoutFulfillment(order: Record<string, unknown>): string {
  const { fulfillmentStatus: _status, updatedAt: _updatedAt, ...rest } = order;
  return JSON.stringify(rest);
}
