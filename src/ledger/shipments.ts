// Parcels a WMS reports, into the ledger: one page of reports is matched to orders by
// (channel, external id) and recorded — shipments with their lines, one `shipment.created` event
// each, one delivery each to the order's channel's fulfillment queue, the reports that fit no
// order in quarantine — together with the WMS's cursor, in one transaction. A report already
// recorded (same order, source and tracking number) adds nothing.
import type Database from 'better-sqlite3';
import type { ShipmentReport } from '../connector-kit/shipments.js';
import { createNewDeliveries } from './new-deliveries.js';
import { createQuarantineWriter } from './quarantine-writer.js';
import { isoNow } from './time.js';

/** A WMS's report, with the fulfillment queue of the order's channel (null: that channel takes no tracking back). */
export type ReportedShipment = ShipmentReport & { confirmOn: string | null };

export interface ShipmentPageToCommit {
  /** The target that reported them. */
  source: string;
  shipments: ReportedShipment[];
  /** Payloads the connector could not read as shipments. */
  rejected: { reference: string | null; reason: string; raw: unknown }[];
  cursor: unknown;
}

export interface ShipmentPageResult {
  recorded: number;
  /** Already in the ledger (a re-pull, or the overlap of the window). */
  known: number;
  /** Newly quarantined (a payload already in quarantine with the same reason is not added again). */
  quarantined: number;
  deliveries: number;
}

/** Where reports that fit no order are quarantined: `target:<name>` cannot be a channel name (no `:`). */
export const shipmentQuarantineName = (source: string): string => `target:${source}`;


export function createShipmentStore(db: Database.Database) {
  const findOrder = db.prepare<[string, string], { id: number }>('SELECT id FROM orders WHERE channel = ? AND external_id = ?');
  const findShipment = db.prepare<[number, string, string], { id: number }>(
    'SELECT id FROM shipments WHERE order_id = ? AND source = ? AND tracking_number = ?');
  const orderLines = db.prepare<[number], { externalId: string; sku: string | null; quantity: number }>(
    'SELECT external_id AS externalId, sku, quantity FROM order_lines WHERE order_id = ? ORDER BY position');
  const shippedLines = db.prepare<[number], { externalId: string; quantity: number }>(`
    SELECT l.line_external_id AS externalId, sum(l.quantity) AS quantity
    FROM shipment_lines l JOIN shipments s ON s.id = l.shipment_id WHERE s.order_id = ? GROUP BY l.line_external_id`);
  const insertShipment = db.prepare(`INSERT INTO shipments (order_id, source, carrier, service, tracking_number, tracking_url,
      label_url, cost, cost_currency, created_at, shipped_at, external_id)
    VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?)`);
  const insertLine = db.prepare('INSERT INTO shipment_lines (shipment_id, line_external_id, quantity) VALUES (?, ?, ?)');
  const insertEvent = db.prepare("INSERT INTO events (order_id, type, content_hash, occurred_at) VALUES (?, 'shipment.created', NULL, ?)");
  const linkEvent = db.prepare('UPDATE shipments SET event_id = ? WHERE id = ?');
  const quarantineWriter = createQuarantineWriter(db);
  const upsertCursor = db.prepare(`INSERT INTO shipment_cursors (source, checkpoint, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (source) DO UPDATE SET checkpoint = excluded.checkpoint, updated_at = excluded.updated_at`);
  const readCursor = db.prepare<[string], { checkpoint: string }>('SELECT checkpoint FROM shipment_cursors WHERE source = ?');
  const newDeliveries = createNewDeliveries(db);

  /** The parcel's lines as order line ids and quantities, or why they do not fit the order. */
  function allocate(orderId: number, reported: ReportedShipment['lines']): Map<string, number> | string {
    const lines = orderLines.all(orderId);
    const shipped = new Map(shippedLines.all(orderId).map((l) => [l.externalId, l.quantity]));
    const left = new Map(lines.map((l) => [l.externalId, l.quantity - (shipped.get(l.externalId) ?? 0)]));
    const out = new Map<string, number>();
    const take = (id: string, n: number) => {
      out.set(id, (out.get(id) ?? 0) + n);
      left.set(id, (left.get(id) ?? 0) - n);
    };
    for (const line of reported) {
      if (!Number.isInteger(line.quantity) || line.quantity < 0) return `quantity ${line.quantity} is not a whole number of units`;
      if (line.quantity === 0) continue;
      if (line.lineExternalId !== null) {
        if (!left.has(line.lineExternalId)) return `line ${line.lineExternalId} is not on the order`;
        take(line.lineExternalId, line.quantity);
        continue;
      }
      if (line.sku === null) return 'a shipped line names neither a SKU nor an order line';
      const candidates = lines.filter((l) => l.sku === line.sku);
      if (candidates.length === 0) return `SKU ${line.sku} is not on the order`;
      let rest = line.quantity;
      for (const candidate of candidates) {
        const n = Math.min(rest, Math.max(0, left.get(candidate.externalId) ?? 0));
        if (n > 0) take(candidate.externalId, n);
        rest -= n;
      }
      if (rest > 0) return `${line.quantity} × ${line.sku} shipped, but only ${line.quantity - rest} left to ship on the order`;
    }
    return out;
  }

  /** Quarantines a report once: one that fits no order comes back with every tracking update. */
  const quarantine = (source: string, reference: string | null, reason: string, payload: unknown, now: string): boolean =>
    quarantineWriter.add({ channel: shipmentQuarantineName(source), externalId: reference, reason, payload, sameBy: 'reason' }, now);
  const reject = (source: string, report: ReportedShipment, reason: string, now: string): boolean =>
    quarantine(source, report.reference, `shipment ${report.externalId} (${report.carrier} ${report.trackingNumber}) for ${report.reference}: ${reason}`, report.raw, now);

  const commit = db.transaction((page: ShipmentPageToCommit, now: string): ShipmentPageResult => {
    const result: ShipmentPageResult = { recorded: 0, known: 0, quarantined: 0, deliveries: 0 };
    for (const report of page.shipments) {
      const order = report.order ? findOrder.get(report.order.channel, report.order.externalId) : undefined;
      if (!order) {
        if (reject(page.source, report, report.order ? 'the ledger has no such order' : 'not a reference ordersync made', now)) result.quarantined++;
        continue;
      }
      if (findShipment.get(order.id, page.source, report.trackingNumber)) {
        result.known++;
        continue;
      }
      const lines = allocate(order.id, report.lines);
      if (typeof lines === 'string') {
        if (reject(page.source, report, lines, now)) result.quarantined++;
        continue;
      }
      const shipmentId = Number(insertShipment.run(order.id, page.source, report.carrier, report.service, report.trackingNumber,
        report.trackingUrl, now, report.shippedAt, report.externalId).lastInsertRowid);
      for (const [lineId, quantity] of lines) insertLine.run(shipmentId, lineId, quantity);
      const eventId = Number(insertEvent.run(order.id, now).lastInsertRowid);
      linkEvent.run(eventId, shipmentId);
      if (report.confirmOn) {
        newDeliveries.add(eventId, order.id, report.confirmOn, now);
        result.deliveries++;
      }
      result.recorded++;
    }
    for (const rejected of page.rejected) {
      if (quarantine(page.source, rejected.reference, rejected.reason, rejected.raw, now)) result.quarantined++;
    }
    newDeliveries.count();
    upsertCursor.run(page.source, JSON.stringify(page.cursor ?? null), now);
    return result;
  });

  return {
    commitPage: (page: ShipmentPageToCommit, now: number = Date.now()): ShipmentPageResult => commit.immediate(page, isoNow(now)),
    readCursor(source: string): unknown {
      const row = readCursor.get(source);
      return row ? (JSON.parse(row.checkpoint) as unknown) : undefined;
    },
  };
}

/** The lines of a recorded shipment, for the delivery that confirms it on the channel. */
export function createShipmentLineReader(db: Database.Database): (shipmentId: number) => { externalId: string; quantity: number }[] {
  const read = db.prepare<[number], { externalId: string; quantity: number }>(
    'SELECT line_external_id AS externalId, quantity FROM shipment_lines WHERE shipment_id = ? ORDER BY rowid');
  return (shipmentId) => read.all(shipmentId);
}

export type ShipmentStore = ReturnType<typeof createShipmentStore>;
