// Reading orders back for people: a filtered list, and one order with its events and deliveries.
import type Database from 'better-sqlite3';

export interface OrderListFilter {
  channel?: string;
  /** Financial or fulfillment status. */
  status?: string;
  since?: string;
  limit: number;
}

export interface OrderListRow {
  id: number;
  channel: string;
  number: string;
  externalId: string;
  placedAt: string;
  financialStatus: string;
  fulfillmentStatus: string;
  total: number;
  currency: string;
}

export function createOrderQueries(db: Database.Database) {
  const list = db.prepare<Record<string, unknown>, OrderListRow>(`
    SELECT id, channel, number, external_id AS externalId, placed_at AS placedAt, financial_status AS financialStatus,
      fulfillment_status AS fulfillmentStatus, total, currency
    FROM orders
    WHERE (@channel IS NULL OR channel = @channel)
      AND (@status IS NULL OR financial_status = @status OR fulfillment_status = @status)
      AND (@since IS NULL OR placed_at >= @since)
    ORDER BY placed_at DESC, id DESC LIMIT @limit`);
  const byId = db.prepare<[number], { id: number; normalized: string; raw: string; money_difference: number; first_seen_at: string; last_changed_at: string }>(
    'SELECT id, normalized, raw, money_difference, first_seen_at, last_changed_at FROM orders WHERE id = ?');
  const byRef = db.prepare<[string, string], { id: number }>('SELECT id FROM orders WHERE external_id = ? OR number = ? ORDER BY id');
  const events = db.prepare<[number], { id: number; type: string; occurredAt: string }>('SELECT id, type, occurred_at AS occurredAt FROM events WHERE order_id = ? ORDER BY id');
  const deliveries = db.prepare<[number], { id: number; event: number; target: string; status: string; attempts: number; externalRef: string | null; lastError: string | null }>(
    'SELECT id, event_id AS event, target, status, attempts, external_ref AS externalRef, last_error AS lastError FROM deliveries WHERE order_id = ? ORDER BY id');

  const shipments = db.prepare<[number], { id: number; source: string; carrier: string; service: string | null; trackingNumber: string; trackingUrl: string | null; labelUrl: string | null; createdAt: string; confirmedOn: string | null; confirmation: string | null }>(`
    SELECT s.id, s.source, s.carrier, s.service, s.tracking_number AS trackingNumber, s.tracking_url AS trackingUrl, s.label_url AS labelUrl,
      s.created_at AS createdAt, d.target AS confirmedOn, d.status || coalesce(' ' || d.external_ref, '') AS confirmation
    FROM shipments s LEFT JOIN deliveries d ON d.event_id = s.event_id WHERE s.order_id = ? ORDER BY s.id`);

  return {
    list: (filter: OrderListFilter): OrderListRow[] => list.all({ channel: filter.channel ?? null, status: filter.status ?? null, since: filter.since ?? null, limit: filter.limit }),
    /** The order with this ledger id (as `orders list` shows it); otherwise those with this channel id or order number. */
    find(reference: string): number[] {
      if (/^\d+$/.test(reference) && byId.get(Number(reference))) return [Number(reference)];
      return byRef.all(reference, reference).map((r) => r.id);
    },
    show(id: number) {
      const row = byId.get(id);
      if (!row) return undefined;
      return {
        id: row.id,
        order: JSON.parse(row.normalized) as Record<string, unknown>,
        raw: JSON.parse(row.raw) as unknown,
        moneyDifference: row.money_difference,
        firstSeenAt: row.first_seen_at,
        lastChangedAt: row.last_changed_at,
        events: events.all(id),
        deliveries: deliveries.all(id),
        /** Labels bought and parcels shipped, and where each was confirmed. */
        shipments: shipments.all(id),
      };
    },
  };
}
