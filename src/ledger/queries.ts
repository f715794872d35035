// Read-only questions about the ledger, for commands that report (summary, status, dead, orders).
import type Database from 'better-sqlite3';
import type { EventType } from '../model/event.js';
import type { DeliveryStatus } from './delivery-status.js';
import type { Order } from '../model/order.js';

export interface QuarantinedPayload {
  id: number;
  channel: string;
  externalId: string | null;
  reason: string;
  receivedAt: string;
}

export interface PendingDelivery {
  id: number;
  target: string;
  status: DeliveryStatus;
  attempts: number;
  eventType: EventType;
  channel: string;
  orderNumber: string;
}

export function createQueries(db: Database.Database) {
  const ordersByChannel = db.prepare<[], { channel: string; n: number }>('SELECT channel, count(*) AS n FROM orders GROUP BY channel');
  const eventsByType = db.prepare<[number], { type: EventType; n: number }>('SELECT type, count(*) AS n FROM events WHERE id > ? GROUP BY type');
  const lastEventId = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM events');
  const deliveriesByStatus = db.prepare<[number], { target: string; status: DeliveryStatus; n: number }>(
    'SELECT target, status, count(*) AS n FROM deliveries WHERE event_id > ? GROUP BY target, status');
  const quarantined = db.prepare<[number], QuarantinedPayload>(
    'SELECT id, channel, external_id AS externalId, reason, received_at AS receivedAt FROM quarantine WHERE id > ? ORDER BY id');
  const lastQuarantineId = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM quarantine');
  const unreconciled = db.prepare<[], { channel: string; number: string; difference: number; currency: string }>(
    'SELECT channel, number, money_difference AS difference, currency FROM orders WHERE money_difference <> 0 ORDER BY id');

  const pending = db.prepare<[number], PendingDelivery & { normalized: string }>(`
    SELECT d.id, d.target, d.status, d.attempts, e.type AS eventType, o.channel, o.number AS orderNumber, o.normalized
    FROM deliveries d JOIN events e ON e.id = d.event_id JOIN orders o ON o.id = d.order_id
    WHERE d.status IN ('pending', 'retry', 'in_flight') ORDER BY d.id LIMIT ?`);

  // Probes the UNIQUE (channel, external_id) index once per id (the ids travel as one JSON array).
  const known = db.prepare<[string, string], { externalId: string; updatedAt: string }>(
    'SELECT external_id AS externalId, updated_at AS updatedAt FROM orders WHERE channel = ? AND external_id IN (SELECT value FROM json_each(?))');

  const fingerprints = db.prepare<[], { fingerprint: string }>("SELECT channel || ':' || external_id || ':' || content_hash AS fingerprint FROM orders ORDER BY 1");

  return {
    /**
     * The `updatedAt` the ledger holds for each of these orders of a channel (absent: not held).
     * The pull engine answers a connector's `known()` with it, so an unchanged order need not be read again.
     */
    knownUpdatedAt(channel: string, externalIds: readonly string[]): Map<string, string> {
      if (externalIds.length === 0) return new Map();
      return new Map(known.all(channel, JSON.stringify(externalIds)).map((row) => [row.externalId, row.updatedAt]));
    },
    /** channel:externalId:contentHash of every order, to compare two ledgers. */
    orderFingerprints: (): string[] => fingerprints.all().map((r) => r.fingerprint),
    /** Deliveries not yet done, with the order's latest state, for `push --dry-run`. */
    pendingDeliveries: (limit: number): (PendingDelivery & { order: Order })[] =>
      pending.all(limit).map(({ normalized, ...row }) => ({ ...row, order: { ...(JSON.parse(normalized) as Omit<Order, 'raw'>), raw: null } })),
    ordersByChannel: (): Record<string, number> => Object.fromEntries(ordersByChannel.all().map((r) => [r.channel, r.n])),
    /** A position in the event log, to count what a run added after it. */
    eventMark: (): number => lastEventId.get()?.id ?? 0,
    quarantineMark: (): number => lastQuarantineId.get()?.id ?? 0,
    eventsSince: (mark: number): Partial<Record<EventType, number>> => Object.fromEntries(eventsByType.all(mark).map((r) => [r.type, r.n])),
    deliveriesSince(mark: number): Record<string, Partial<Record<DeliveryStatus, number>>> {
      const out: Record<string, Partial<Record<DeliveryStatus, number>>> = {};
      for (const row of deliveriesByStatus.all(mark)) (out[row.target] ??= {})[row.status] = row.n;
      return out;
    },
    quarantinedSince: (mark: number): QuarantinedPayload[] => quarantined.all(mark),
    unreconciledOrders: () => unreconciled.all(),
  };
}

export type LedgerQueries = ReturnType<typeof createQueries>;
