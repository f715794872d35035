// The outbox: claim due deliveries (oldest first, one at a time per order and target so events
// stay in order), settle them, recover the ones a crash left in flight, and requeue dead ones.
import type Database from 'better-sqlite3';
import type { EventType, OrderEvent } from '../model/event.js';
import type { Order } from '../model/order.js';
import type { ShipmentToConfirm } from '../connector-kit/fulfillment.js';
import { assertTransition, type DeliveryStatus } from './delivery-status.js';
import { createNewDeliveries } from './new-deliveries.js';
import { isoNow } from './time.js';
import { createShipmentLineReader } from './shipments.js';

export interface ClaimedDelivery {
  id: number;
  target: string;
  idempotencyKey: string;
  attempt: number;
  event: OrderEvent;
  previousExternalRef: string | null;
  /** For a `shipment.created` event: the shipment, to confirm on the order's channel. */
  shipment?: ShipmentToConfirm;
}

export interface ShipmentRecord {
  carrier: string;
  service: string | null;
  trackingNumber: string;
  trackingUrl: string | null;
  labelUrl: string | null;
  cost: { amount: number; currency: string } | null;
}

export type Settlement =
  /** `confirmOn`: where the shipment goes next (the order's channel's fulfillment queue). */
  | { status: 'done'; externalRef: string | null; shipment?: ShipmentRecord; confirmOn?: string }
  | { status: 'retry'; error: string; nextAttemptAt: number }
  | { status: 'dead'; error: string };

/** A settlement with the delivery it settles and when it came back. */
export interface SettlementAt {
  id: number;
  settlement: Settlement;
  now: number;
}

export interface DeadDelivery {
  id: number;
  target: string;
  channel: string;
  orderNumber: string;
  externalId: string;
  eventType: EventType;
  attempts: number;
  lastError: string | null;
  updatedAt: string;
}

export type DeliveryCounts = Record<string, Record<DeliveryStatus, number>>;

interface ClaimRow {
  id: number; target: string; attempts: number; event_id: number;
  type: EventType; occurred_at: string; normalized: string; raw: string; order_id: number;
  shipment_id: number | null; carrier: string | null; service: string | null; tracking_number: string | null; tracking_url: string | null;
}

export function createDeliveryStore(db: Database.Database, ledgerId: string) {
  // One status at a time, in the order of the index deliveries_due (target, status,
  // next_attempt_at, rowid): the scan stops after `limit` claimable rows instead of sorting every
  // due row of the target on each claim (which made pushing a backlog quadratic). Deliveries
  // leave oldest-due first; per order the NOT EXISTS rule keeps them in order.
  const dueOfStatus = db.prepare<[string, 'pending' | 'retry', string, number], { id: number; due: string }>(`
    SELECT d.id, d.next_attempt_at AS due FROM deliveries d
    WHERE d.target = ? AND d.status = ? AND d.next_attempt_at <= ?
      AND NOT EXISTS (SELECT 1 FROM deliveries e
        WHERE e.target = d.target AND e.order_id = d.order_id AND e.id < d.id AND e.status <> 'done')
    ORDER BY d.next_attempt_at, d.id LIMIT ?`);
  const claimIds = (target: string, now: string, limit: number): { id: number }[] =>
    [...dueOfStatus.all(target, 'retry', now, limit), ...dueOfStatus.all(target, 'pending', now, limit)]
      .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.id - b.id))
      .slice(0, limit);
  const markInFlight = db.prepare("UPDATE deliveries SET status = 'in_flight', attempts = attempts + 1, updated_at = ? WHERE id = ? AND status IN ('pending', 'retry')");
  const readClaimed = db.prepare<[number], ClaimRow>(`
    SELECT d.id, d.target, d.attempts, d.event_id, e.type, e.occurred_at, o.normalized, o.raw, o.id AS order_id,
      s.id AS shipment_id, s.carrier, s.service, s.tracking_number, s.tracking_url
    FROM deliveries d JOIN events e ON e.id = d.event_id JOIN orders o ON o.id = d.order_id
    LEFT JOIN shipments s ON s.event_id = e.id WHERE d.id = ?`);
  const previousRef = db.prepare<[string, number, number], { external_ref: string | null }>(`
    SELECT external_ref FROM deliveries WHERE target = ? AND order_id = ? AND id < ? AND status = 'done' AND external_ref IS NOT NULL
    ORDER BY id DESC LIMIT 1`);
  const readStatus = db.prepare<[number], { status: DeliveryStatus; order_id: number; target: string }>('SELECT status, order_id, target FROM deliveries WHERE id = ?');
  const insertShipment = db.prepare(`INSERT INTO shipments (order_id, source, carrier, service, tracking_number, tracking_url, label_url, cost, cost_currency, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (order_id, source, tracking_number) DO NOTHING`);
  const insertShipmentEvent = db.prepare("INSERT INTO events (order_id, type, content_hash, occurred_at) VALUES (?, 'shipment.created', NULL, ?)");
  const linkShipmentEvent = db.prepare('UPDATE shipments SET event_id = ? WHERE id = ?');
  const newDeliveries = createNewDeliveries(db);
  const shipmentLines = createShipmentLineReader(db);
  const setDone = db.prepare("UPDATE deliveries SET status = 'done', external_ref = ?, last_error = NULL, updated_at = ? WHERE id = ?");
  const setRetry = db.prepare("UPDATE deliveries SET status = 'retry', last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?");
  const setDead = db.prepare("UPDATE deliveries SET status = 'dead', last_error = ?, updated_at = ? WHERE id = ?");
  const recover = db.prepare("UPDATE deliveries SET status = 'retry', last_error = 'recovered after an interrupted run', updated_at = ? WHERE status = 'in_flight'");
  // Only deliveries that could be claimed once due: one waiting behind an earlier event of its order is not.
  const nextDue = db.prepare<[string], { next: string | null }>(`
    SELECT min(d.next_attempt_at) AS next FROM deliveries d
    WHERE d.target = ? AND d.status IN ('pending', 'retry')
      AND NOT EXISTS (SELECT 1 FROM deliveries e
        WHERE e.target = d.target AND e.order_id = d.order_id AND e.id < d.id AND e.status <> 'done')`);
  const countRows = db.prepare<[], { target: string; status: DeliveryStatus; n: number }>('SELECT target, status, n FROM delivery_counts');
  const deadRows = db.prepare<[], DeadDelivery>(`
    SELECT d.id, d.target, o.channel, o.number AS orderNumber, o.external_id AS externalId, e.type AS eventType,
      d.attempts, d.last_error AS lastError, d.updated_at AS updatedAt
    FROM deliveries d JOIN events e ON e.id = d.event_id JOIN orders o ON o.id = d.order_id
    WHERE d.status = 'dead' ORDER BY d.id`);
  const requeueOne = db.prepare("UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ? WHERE id = ? AND status = 'dead'");

  const claim = db.transaction((target: string, limit: number, now: string): ClaimedDelivery[] => {
    const claimed: ClaimedDelivery[] = [];
    for (const { id } of claimIds(target, now, limit)) {
      markInFlight.run(now, id);
      const row = readClaimed.get(id);
      if (!row) continue;
      const order = withRawWhenRead(JSON.parse(row.normalized) as Omit<Order, 'raw'>, row.raw);
      const eventId = `${ledgerId}:${row.event_id}`;
      claimed.push({
        id: row.id,
        target: row.target,
        // Derived, not stored (migration 007): unique as UNIQUE (event_id, target) is, and stable.
        idempotencyKey: `${eventId}:${row.target}`,
        attempt: row.attempts,
        event: { id: eventId, type: row.type, occurredAt: row.occurred_at, order },
        previousExternalRef: previousRef.get(row.target, row.order_id, row.id)?.external_ref ?? null,
        ...(row.shipment_id === null ? {} : { shipment: {
          id: row.shipment_id, carrier: row.carrier ?? '', service: row.service, trackingNumber: row.tracking_number ?? '',
          trackingUrl: row.tracking_url, lines: shipmentLines(row.shipment_id),
        } }),
      });
    }
    return claimed;
  });

  const settleOne = (id: number, settlement: Settlement, now: string): void => {
    const current = readStatus.get(id);
    if (!current) throw new Error(`bug: delivery ${id} does not exist`);
    assertTransition(current.status, settlement.status);
    if (settlement.status === 'done') {
      setDone.run(settlement.externalRef, now, id);
      const s = settlement.shipment;
      if (s) {
        // The label and its event commit with the delivery: a crash cannot record one without the other.
        const inserted = insertShipment.run(current.order_id, current.target, s.carrier, s.service, s.trackingNumber, s.trackingUrl, s.labelUrl, s.cost?.amount ?? null, s.cost?.currency ?? null, now);
        if (inserted.changes > 0) {
          const eventId = Number(insertShipmentEvent.run(current.order_id, now).lastInsertRowid);
          linkShipmentEvent.run(eventId, inserted.lastInsertRowid);
          if (settlement.confirmOn) {
            newDeliveries.add(eventId, current.order_id, settlement.confirmOn, now);
            newDeliveries.count();
          }
        }
      }
    }
    else if (settlement.status === 'retry') setRetry.run(settlement.error.slice(0, 2_000), isoNow(settlement.nextAttemptAt), now, id);
    else setDead.run(settlement.error.slice(0, 2_000), now, id);
  };
  const settle = db.transaction(settleOne);
  // One transaction for many (no savepoint per item): the push engine records a tick's outcomes at once.
  const settleMany = db.transaction((items: readonly SettlementAt[]): void => {
    for (const item of items) settleOne(item.id, item.settlement, isoNow(item.now));
  });

  const requeue = db.transaction((ids: number[] | 'all', now: string): number => {
    const chosen = ids === 'all' ? deadRows.all().map((row) => row.id) : ids;
    let changed = 0;
    for (const id of chosen) changed += requeueOne.run(now, now, id).changes;
    return changed;
  });

  return {
    /** Marks up to `limit` due deliveries of a target in flight and returns them with their order's latest state. */
    claimDue: (target: string, limit: number, now: number = Date.now()): ClaimedDelivery[] => claim.immediate(target, limit, isoNow(now)),
    settle: (id: number, settlement: Settlement, now: number = Date.now()): void => settle.immediate(id, settlement, isoNow(now)),
    /** Several settlements in one transaction, each recorded as `settle` records it, in this order. */
    settleMany: (items: readonly SettlementAt[]): void => settleMany.immediate(items),
    /** Deliveries a killed run left in flight go back to retry; the caller holds the run lock. */
    recoverInFlight: (now: number = Date.now()): number => recover.run(isoNow(now)).changes,
    nextDueAt(target: string): number | undefined {
      const row = nextDue.get(target);
      return row?.next ? Date.parse(row.next) : undefined;
    },
    counts(): DeliveryCounts {
      const counts: DeliveryCounts = {};
      for (const row of countRows.all()) {
        counts[row.target] ??= { pending: 0, in_flight: 0, done: 0, retry: 0, dead: 0 };
        counts[row.target]![row.status] = row.n;
      }
      return counts;
    },
    listDead: (): DeadDelivery[] => deadRows.all(),
    /** Dead deliveries go back to pending; they re-read the order's latest state when claimed. */
    requeue: (ids: number[] | 'all', now: number = Date.now()): number => requeue.immediate(ids, isoNow(now)),
  };
}

export type DeliveryStore = ReturnType<typeof createDeliveryStore>;

/**
 * The order with its channel payload parsed only if something reads `raw`: most targets send the
 * normalized order alone, and parsing every payload cost the push ~2% (bench/FINDINGS.md §D).
 */
function withRawWhenRead(normalized: Omit<Order, 'raw'>, rawText: string): Order {
  let raw: unknown;
  let parsed = false;
  return Object.defineProperty(normalized, 'raw', {
    enumerable: true,
    configurable: true,
    get(): unknown {
      if (!parsed) {
        raw = JSON.parse(rawText) as unknown;
        parsed = true;
      }
      return raw;
    },
    set(value: unknown): void {
      raw = value;
      parsed = true;
    },
  }) as Order;
}
